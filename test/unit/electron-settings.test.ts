import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/bridge/contract.js';
import { settingsPatchSchema } from '../../shared/bridge/contract-schemas.js';
import { createBrowserSettings } from '../../renderer/src/host/browser-settings.js';
import { BridgeFailure } from '../../electron/ipc/bridge-failure.js';
import { createSettingsPort } from '../../electron/settings/settings-port.js';
import { sanitiseSettings, validSettingsIn } from '../../shared/bridge/settings-fields.js';

// electron-store cannot load outside Electron; `conf` is the store it is built on, same get/set.
let dir: string;
const store = () => new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings' });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zqa-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings port over conf', () => {
  it('starts with the defaults', () => {
    expect(createSettingsPort(store()).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a patch and reads it back in a new store on the same file', () => {
    const saved = createSettingsPort(store()).set({ language: 'en', fontSize: 20, photoLongEdge: 3072 });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, language: 'en', fontSize: 20, photoLongEdge: 3072 });
    createSettingsPort(store()).rememberFolder('/media/u盘/评审');
    createSettingsPort(store()).set({ keepPhotoOriginals: true });
    expect(createSettingsPort(store()).get()).toEqual({ language: 'en', fontSize: 20, lastFolder: '/media/u盘/评审', photoLongEdge: 3072, keepPhotoOriginals: true });
  });

  it('falls back field by field when the file holds bad values', async () => {
    createSettingsPort(store()).set({ fontSize: 22 });
    const file = path.join(dir, 'settings.json');
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...json, language: 'fr', lastFolder: 42, photoLongEdge: 100, extra: 'ignored' }));
    expect(createSettingsPort(store()).get()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 22 });
  });

  it('refuses an invalid patch and changes nothing', () => {
    const port = createSettingsPort(store());
    port.set({ fontSize: 16 });
    expect(() => port.set({ fontSize: 100 })).toThrow(BridgeFailure);
    expect(() => port.set({ fontSize: 18, theme: 'dark' } as never)).toThrow(/Invalid settings/);
    expect(port.get()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 16 });
  });
});

describe('the last folder is the host’s own record', () => {
  it('the renderer cannot write it: the bridge’s patch refuses it, in Electron and in the browser host', async () => {
    expect(settingsPatchSchema.safeParse({ lastFolder: '/home/other' }).success).toBe(false);
    const port = createSettingsPort(store());
    expect(() => port.set({ lastFolder: '/home/other' } as never)).toThrow(BridgeFailure);
    expect(port.get().lastFolder).toBeNull();
    const storage = new Map<string, string>();
    const browser = createBrowserSettings({ getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) });
    expect(await browser.set({ lastFolder: '/home/other' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('the host records the folder the person chose in its dialog', () => {
    const port = createSettingsPort(store());
    port.rememberFolder('/media/u盘');
    port.rememberFolder('x'.repeat(5000)); // not a folder a dialog returns: ignored
    expect(port.get().lastFolder).toBe('/media/u盘');
  });
});

describe('sanitiseSettings', () => {
  it('keeps each valid field and replaces each invalid one', () => {
    const values: Record<string, unknown> = { language: 'en', fontSize: 11, lastFolder: 'x'.repeat(5000), photoLongEdge: 3072, keepPhotoOriginals: 'yes' };
    expect(sanitiseSettings((key) => values[key])).toEqual({ ...DEFAULT_SETTINGS, language: 'en', photoLongEdge: 3072 });
    expect(sanitiseSettings(() => undefined)).toEqual(DEFAULT_SETTINGS);
    expect(sanitiseSettings((key) => (key === 'fontSize' ? 14.5 : null))).toEqual(DEFAULT_SETTINGS);
  });

  it('an older settings file without the photo fields reads the photo defaults and keeps the rest', () => {
    const older: Record<string, unknown> = { language: 'en', fontSize: 20, lastFolder: '/media/u盘' };
    expect(sanitiseSettings((key) => older[key])).toEqual({ language: 'en', fontSize: 20, lastFolder: '/media/u盘', photoLongEdge: 2048, keepPhotoOriginals: false });
  });

  it('a photo edge outside 1024–8192 px or not a whole number falls back to 2048', () => {
    for (const bad of [512, 10_000, 2048.5, '2048']) expect(sanitiseSettings((key) => (key === 'photoLongEdge' ? bad : undefined)).photoLongEdge).toBe(2048);
  });
});

describe('validSettingsIn (a backup’s settings, restored)', () => {
  it('takes each present, valid field the renderer may change, and nothing else', () => {
    expect(validSettingsIn({ language: 'en', fontSize: 99, lastFolder: '/media/u盘', photoLongEdge: 4096, extra: 1 })).toEqual({ language: 'en', photoLongEdge: 4096 });
    expect(validSettingsIn({ keepPhotoOriginals: true })).toEqual({ keepPhotoOriginals: true });
  });

  it('an older backup without settings, or with something else there, changes nothing', () => {
    for (const stored of [null, undefined, 'zh-CN', 42, [], {}]) expect(validSettingsIn(stored)).toEqual({});
  });
});
