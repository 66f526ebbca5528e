import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeResult, type HostBridge, type PublicKeys, type Settings } from '../../shared/bridge/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp.js';

/**
 * Starts the built main bundle (dist-electron/main.cjs, exactly what is packed) under a fake
 * `electron` module, since the real binary cannot run here: the composition root must wire
 * every guard, the protocol, the store and the bridge, and the bundled electron-store and
 * zod must work after bundling to CommonJS.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

type Listener = (...args: never[]) => unknown;
interface Recorded {
  calls: string[];
  appListeners: Map<string, Listener>;
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>;
  ipcListeners: Map<string, Listener>;
  protocolHandler?: (request: { url: string; method: string }) => Promise<Response>;
  windows: { options: { webPreferences: Record<string, unknown> }; loaded: string[] }[];
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
}

function fakeElectron(work: string, recorded: Recorded, ready: Promise<void>) {
  const userData = path.join(work, 'userData');
  const { calls } = recorded;
  class FakeWindow {
    readonly loaded: string[] = [];
    readonly webContents = { on: (event: string) => calls.push(`webContents.on ${event}`) };
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      recorded.windows.push(this);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: true,
      enableSandbox: () => calls.push('enable-sandbox'),
      on: (event: string, listener: Listener) => recorded.appListeners.set(event, listener),
      requestSingleInstanceLock: () => (calls.push('single-instance-lock'), true),
      quit: () => calls.push('quit'),
      whenReady: () => ready,
      getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
      getAppPath: () => path.join(work, 'app'),
      getName: () => '市长质量奖现场评审',
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => calls.push(`privileged ${schemes.map((s) => `${s.scheme}:${s.privileges.standard}:${s.privileges.secure}`).join()}`),
      handle: (scheme: string, handler: Recorded['protocolHandler']) => {
        calls.push(`protocol.handle ${scheme}`);
        recorded.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Recorded['permissionRequest']) => (recorded.permissionRequest = handler),
        setPermissionCheckHandler: () => calls.push('permission-check-handler'),
        setDevicePermissionHandler: () => calls.push('device-permission-handler'),
        webRequest: { onBeforeRequest: (listener: Recorded['beforeRequest']) => (recorded.beforeRequest = listener) },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => recorded.ipcHandlers.set(channel, handler),
      on: (channel: string, listener: Listener) => recorded.ipcListeners.set(channel, listener),
      removeAllListeners: (channel: string) => recorded.ipcListeners.delete(channel),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => Buffer.from(`wrapped:${Buffer.from(plain).toString('hex')}`),
      decryptString: (wrapped: Buffer) => Buffer.from(wrapped.toString().slice('wrapped:'.length), 'hex').toString(),
    },
    dialog: {},
    Menu: { buildFromTemplate: (template: { label?: string }[]) => template, setApplicationMenu: (menu: { label?: string }[]) => calls.push(`menu ${menu.map((m) => m.label).join(' ')}`) },
    BrowserWindow: FakeWindow,
    shell: {},
  };
}

let work: string;
let userData: string;
let bundleDir: string;
let recorded: Recorded;
const trusted = { senderFrame: { url: 'app://zqa/index.html', parent: null } };
const invoke = <T>(method: keyof typeof BRIDGE_CHANNELS, ...args: unknown[]) => recorded.ipcHandlers.get(BRIDGE_CHANNELS[method])!(trusted, ...args) as Promise<BridgeResult<T>>;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'zqa-main-'));
  userData = path.join(work, 'userData');
  bundleDir = path.join(work, 'dist-electron');
  // Its own build folder and a fixture renderer: the pack test rebuilds the shared ones meanwhile.
  await run('npm', ['run', 'build:electron'], { cwd: root, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ZQA_ELECTRON_OUT_DIR: bundleDir } });
  await mkdir(path.join(work, 'app', 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(work, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>市长质量奖现场评审</title>');
  await writeFile(path.join(work, 'app', 'package.json'), '{"secret":true}');
  recorded = { calls: [], appListeners: new Map(), ipcHandlers: new Map(), ipcListeners: new Map(), windows: [] };
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const electron = fakeElectron(work, recorded, ready);

  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const originalLoad = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'electron' ? electron : originalLoad.call(this, request, parent, isMain);
  };
  try {
    createRequire(import.meta.url)(path.join(bundleDir, 'main.cjs'));
    recorded.calls.push('--- ready ---');
    markReady();
    await ready;
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    loader._load = originalLoad;
  }
}, 60_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('main bundle start-up under a fake Electron', () => {
  it('registers the privileged scheme, the guards and the single-instance lock before ready', () => {
    const beforeReady = recorded.calls.slice(0, recorded.calls.indexOf('--- ready ---'));
    expect(beforeReady).toEqual(['enable-sandbox', 'privileged app:true:true', 'single-instance-lock']);
    expect([...recorded.appListeners.keys()]).toEqual(expect.arrayContaining(['web-contents-created', 'session-created', 'open-file', 'second-instance', 'window-all-closed']));
  });

  it('installs the permission handlers, request filter and app protocol on ready', async () => {
    expect(recorded.calls).toEqual(expect.arrayContaining(['permission-check-handler', 'device-permission-handler', 'protocol.handle app']));
    const granted: boolean[] = [];
    recorded.permissionRequest?.({}, 'media', (g) => granted.push(g));
    expect(granted).toEqual([false]);
    const cancelled: boolean[] = [];
    recorded.beforeRequest?.({ url: 'https://example.com/' }, ({ cancel }) => cancelled.push(cancel));
    expect(cancelled).toEqual([true]);
    expect(recorded.protocolHandler).toBeDefined();
    const response = await recorded.protocolHandler!({ url: 'app://zqa/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('市长质量奖现场评审');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await recorded.protocolHandler!({ url: 'app://zqa/..%2fpackage.json', method: 'GET' })).status).toBe(403);
  });

  it('opens one secure window on the app origin with the bundled preload', () => {
    expect(recorded.windows).toHaveLength(1);
    const [window] = recorded.windows;
    expect(window!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(window!.options.webPreferences.preload).toBe(path.join(bundleDir, 'preload.cjs'));
    expect(existsSync(window!.options.webPreferences.preload as string)).toBe(true);
    expect(window!.loaded).toEqual(['app://zqa/index.html']);
    expect(recorded.calls).toContain('menu 文件 编辑 视图 窗口');
    expect(recorded.calls).toEqual(expect.arrayContaining(['webContents.on render-process-gone', 'webContents.on did-fail-load']));
  });

  it('answers IPC on the bridge channels only', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
    expect([...recorded.ipcListeners.keys()]).toEqual([]); // electron-store's sync channel is removed
  });

  it('keeps settings in electron-store under userData', async () => {
    expect(await invoke<Settings>('settings.get')).toEqual({ ok: true, value: { language: 'zh-CN', fontSize: 14, lastFolder: null, photoLongEdge: 2048, keepPhotoOriginals: false } });
    expect(await invoke<Settings>('settings.set', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(JSON.parse(await readFile(path.join(userData, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en' });
    expect(await invoke('settings.set', { fontSize: 'big' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('the bundled preload exposes window.zqa whose calls reach these handlers', async () => {
    const exposed = new Map<string, unknown>();
    const fakePreloadElectron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
      // What Electron does with invoke: the handler registered for the channel, from the app's own frame.
      ipcRenderer: { invoke: (channel: string, ...args: unknown[]) => recorded.ipcHandlers.get(channel)!(trusted, ...args) },
    };
    const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
    const originalLoad = loader._load;
    const preloadPath = path.join(bundleDir, 'preload.cjs');
    loader._load = function (request, parent, isMain) {
      if (request === preloadPath) return originalLoad.call(this, request, parent, isMain);
      if (request !== 'electron') throw new Error(`the sandboxed preload may only require electron, not ${request}`);
      return fakePreloadElectron;
    };
    try {
      createRequire(import.meta.url)(preloadPath);
    } finally {
      loader._load = originalLoad;
    }
    expect([...exposed.keys()]).toEqual(['zqa']);
    const zqa = exposed.get('zqa') as HostBridge;
    expect(await zqa.settings.set({ fontSize: 20 })).toMatchObject({ ok: true, value: { fontSize: 20 } });
    expect(await zqa.settings.get()).toMatchObject({ ok: true, value: { fontSize: 20 } });
    expect(await zqa.files.open({ kind: 'exe' as never })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('holds device keys wrapped by safeStorage under userData, and refuses foreign senders', async () => {
    const keys = await invoke<PublicKeys>('keys.publicKeys');
    expect(keys.ok).toBe(true);
    const file = await readFile(path.join(userData, 'device-keys.json'), 'utf8');
    expect(file).toContain('"zqa-device-keys"');
    const foreign = await recorded.ipcHandlers.get(BRIDGE_CHANNELS['keys.sign'])!({ senderFrame: { url: 'https://evil.example/', parent: null } }, { data: new Uint8Array(1) });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await invoke('files.takePendingOpens')).toEqual({ ok: true, value: [] });
  });
});
