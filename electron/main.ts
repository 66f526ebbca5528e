import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import Store from 'electron-store';
import { APP_ID } from './app/app-identity.js';
import { appMenuTemplate } from './app/app-menu.js';
import { electronConfirm, electronFileDialogs } from './app/electron-dialogs.js';
import { wireOsFileOpens } from './app/os-file-opens.js';
import { createFileService, readFileWithinLimit } from './files/file-service.js';
import { createPendingOpens, packagePathsFromArgv } from './files/pending-opens.js';
import { registerBridge } from './ipc/register-bridge.js';
import { createJournalService } from './journal/journal-service.js';
import { keyBackupCodec } from './keys/key-backup-codec.js';
import { createCustodyRole } from './keys/custody-role.js';
import { createKeyCustody } from './keys/key-custody.js';
import { createAppProtocolHandler, registerAppScheme } from './protocol/app-protocol.js';
import { APP_ENTRY_URL, APP_SCHEME } from './security/app-origin.js';
import { installAppGuards } from './security/navigation-guards.js';
import { hardenEverySession, hardenSession } from './security/harden-session.js';
import { createSettingsPort } from './settings/settings-port.js';
import { mainWindowOptions } from './window/main-window-options.js';
import { attachRendererRecovery } from './window/renderer-recovery.js';

/**
 * The composition root: it only connects Electron's objects to the plain functions in the
 * other files (which the tests call with fakes). Order matters where Electron says so:
 * privileged schemes and the app-wide guards before `ready`, sessions after.
 */

const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';
const log = (what: string, detail: string) => console.warn(`[zqa] ${what}: ${detail}`);

// Every renderer sandboxed, whatever options a future window is created with.
app.enableSandbox();
// The installer's shortcuts carry build/electron-builder.yml's appId; the running app must match for taskbar grouping.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
registerAppScheme(protocol);
installAppGuards(app, (what, url) => log(`refused ${what}`, url));
const hardeningLog = {
  deniedPermission: (permission: string) => log('denied permission', permission),
  cancelledRequest: (url: string) => log('cancelled request', url),
};
hardenEverySession(app, hardeningLog);

if (!app.requestSingleInstanceLock()) {
  // Another instance is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  const pendingOpens = createPendingOpens(readFileWithinLimit, (file, message) => log('could not open', `${file}: ${message}`));
  for (const file of packagePathsFromArgv(process.argv, process.cwd())) pendingOpens.offer(file);

  let mainWindow: BrowserWindow | null = null;
  const bringToFront = () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };
  wireOsFileOpens(app, (file) => pendingOpens.offer(file), bringToFront);

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    // Also here, explicitly: the default session may exist before 'session-created' is wired.
    hardenSession(session.defaultSession, hardeningLog);
    const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, (file) => fs.readFile(file)));

    const settings = createSettingsPort(new Store<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: true }));
    // electron-store registers a sync IPC channel for renderer-side stores; the renderer never
    // uses one (it cannot reach ipcRenderer), so the only IPC main answers is the bridge.
    ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
    const files = createFileService({
      dialogs: electronFileDialogs(dialog, () => mainWindow),
      settings,
      defaultFolder: app.getPath('documents'),
    });
    const confirm = electronConfirm(dialog, () => mainWindow);
    const keys = createKeyCustody({
      safeStorage,
      keyFilePath: path.join(app.getPath('userData'), 'device-keys.json'),
      platform: process.platform,
      backup: keyBackupCodec,
      role: createCustodyRole({ filePath: path.join(app.getPath('userData'), 'device-role.json'), confirm }),
      confirm,
      saveBackupFile: async (suggestedName, bytes) => (await files.save({ kind: 'key-backup', suggestedName, bytes: new Uint8Array(bytes) }))?.savedAs ?? null,
    });
    registerBridge(ipcMain, {
      settings: { get: () => Promise.resolve(settings.get()), set: (patch) => Promise.resolve(settings.set(patch)) },
      files: {
        open: (args) => files.open(args),
        openMany: (args) => files.openMany(args),
        save: (args) => files.save(args),
        takePendingOpens: () => pendingOpens.take(),
        openHandle: (args) => files.openHandle(args),
        read: files.read,
        close: files.close,
        beginSave: (args) => files.beginSave(args),
        append: files.append,
        patch: files.patch,
        commit: files.commit,
        abort: files.abort,
      },
      keys,
      journal: createJournalService({ userDataFolder: app.getPath('userData'), safeStorage, platform: process.platform, log }),
    });

    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ isMac: process.platform === 'darwin', isDevelopment: !app.isPackaged, productName: app.getName() })));

    mainWindow = new BrowserWindow(mainWindowOptions(path.join(import.meta.dirname, 'preload.cjs')));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    attachRendererRecovery(mainWindow, { now: () => Date.now(), showError: (title, message) => dialog.showErrorBox(title, message), log });
    // A page that reloads or goes away leaves no file open and no half-written save behind.
    mainWindow.webContents.on('did-start-loading', () => void files.closeAll());
    mainWindow.on('closed', () => {
      mainWindow = null;
      void files.closeAll();
    });
    void mainWindow.loadURL(APP_ENTRY_URL);
  });
}
