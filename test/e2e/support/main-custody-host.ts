import { createJournalService } from '../../../electron/journal/journal-service.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { toBridgeError } from '../../../electron/ipc/bridge-failure.js';
import { keyBackupCodec } from '../../../electron/keys/key-backup-codec.js';
import { createCustodyRole, type ConfirmInMain } from '../../../electron/keys/custody-role.js';
import { createKeyCustody } from '../../../electron/keys/key-custody.js';
import type { SignRequest } from '../../../shared/crypto/sign-request.js';
import { FakeSafeStorage } from '../../unit/fake-safe-storage.js';

/**
 * The Electron host's key custody, run for real in this test process behind the page's
 * `window.zqa` (an exposed binding): the renderer meets main's role check, main's save dialog
 * with its test restore and main's confirmation dialogs, as the desktop app would. Only
 * safeStorage (a fake of its interface) and the native dialogs (answered by `person`) are
 * stand-ins. Settings and file opens stay in the page; `opens` queues the next file chosen.
 */
export interface MainCustodyHost {
  person: { answer: boolean; asked: Parameters<ConfirmInMain>[0][] };
  opens: { name: string; bytes: Uint8Array }[];
  savedFiles: string[];
}

export async function installMainCustodyHost(context: BrowserContext, userData: string, account: number): Promise<MainCustodyHost> {
  const host: MainCustodyHost = { person: { answer: true, asked: [] }, opens: [], savedFiles: [] };
  const confirm: ConfirmInMain = (question) => {
    host.person.asked.push(question);
    return Promise.resolve(host.person.answer);
  };
  const custody = createKeyCustody({
    safeStorage: new FakeSafeStorage(account),
    keyFilePath: path.join(userData, 'device-keys.json'),
    platform: 'linux',
    backup: keyBackupCodec,
    role: createCustodyRole({ filePath: path.join(userData, 'device-role.json'), confirm }),
    confirm,
    saveBackupFile: async (name, bytes) => {
      const target = path.join(userData, 'usb-stick', name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
      host.savedFiles.push(target);
      return target;
    },
  });
  // Main's own journal service on this user-data folder, as electron/main.ts wires it.
  const journal = createJournalService({ userDataFolder: userData, safeStorage: new FakeSafeStorage(account), platform: 'linux', log: () => undefined });
  const methods: Record<string, (arg: never) => Promise<unknown>> = {
    'journal.head': () => journal.head(),
    'journal.append': (arg: Parameters<typeof journal.append>[0]) => journal.append(arg),
    'journal.read': (arg: Parameters<typeof journal.read>[0]) => journal.read(arg),
    'journal.blob': (arg: Parameters<typeof journal.blob>[0]) => journal.blob(arg),
    publicKeys: () => custody.publicKeys(),
    sign: (arg: SignRequest) => custody.sign(arg),
    deriveBits: (arg: { peerPublicKey: Uint8Array }) => custody.deriveBits(arg),
    setDeviceRole: (arg: { role: 'expert' | 'secretariat' }) => custody.setDeviceRole(arg),
    exportBackup: (arg: { passphrase: string }) => custody.exportBackup(arg),
    restoreBackup: (arg: { bytes: Uint8Array; passphrase: string }) => custody.restoreBackup(arg),
  };
  await context.exposeBinding('__zqaMain', async (_source, method: string, arg: unknown) => {
    try {
      return { ok: true, value: await methods[method]!(arg as never) };
    } catch (error) {
      return { ok: false, error: toBridgeError(error) };
    }
  });
  await context.exposeBinding('__zqaNextOpen', () => {
    const file = host.opens.shift();
    return file ? { ok: true, value: file } : { ok: true, value: null };
  });
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __zqaMain: (m: string, a?: unknown) => Promise<unknown>; __zqaNextOpen: () => Promise<unknown> };
    let settings = { language: 'zh-CN', fontSize: 14, lastFolder: null, photoLongEdge: 2048, keepPhotoOriginals: false };
    const main = (m: string) => (a?: unknown) => w.__zqaMain(m, a);
    w.zqa = {
      settings: { get: () => Promise.resolve({ ok: true, value: settings }), set: (patch: object) => Promise.resolve({ ok: true, value: (settings = { ...settings, ...patch }) }) },
      files: { open: () => w.__zqaNextOpen(), openMany: () => Promise.resolve({ ok: true, value: { files: [], skipped: [] } }), save: () => Promise.resolve({ ok: true, value: null }), takePendingOpens: () => Promise.resolve({ ok: true, value: [] }) },
      keys: Object.fromEntries(['publicKeys', 'sign', 'deriveBits', 'setDeviceRole', 'exportBackup', 'restoreBackup'].map((m) => [m, main(m)])),
      journal: Object.fromEntries(['head', 'append', 'read', 'blob'].map((m) => [m, main(`journal.${m}`)])),
    };
  });
  return host;
}

export const readSaved = async (file: string) => new Uint8Array(await readFile(file));
