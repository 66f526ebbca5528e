import type { BaseWindow, Dialog } from 'electron';
import type { FileDialogs } from '../files/file-service.js';
import type { ConfirmInMain } from '../keys/custody-role.js';

/** Electron's native dialogs, modal to the main window when there is one. */
export function electronFileDialogs(dialog: Dialog, currentWindow: () => BaseWindow | null): FileDialogs {
  return {
    async showOpen({ title, defaultPath, filters }) {
      const options = { title, filters, properties: ['openFile' as const], ...(defaultPath ? { defaultPath } : {}) };
      const win = currentWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async showOpenMany({ title, defaultPath, filters, folder }) {
      // Windows and Linux cannot offer files and folders in one dialog: a folder pick is its own.
      const properties = folder ? (['openDirectory'] as const) : (['openFile', 'multiSelections'] as const);
      const options = { title, filters, properties: [...properties], ...(defaultPath ? { defaultPath } : {}) };
      const win = currentWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async showSave({ title, defaultPath, filters }) {
      const options = { title, defaultPath, filters, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const win = currentWindow();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/**
 * A yes/no question in a native message box, modal to the main window: the page can neither
 * draw nor click it, so what it guards (the key backup, replacing the keys) needs the person.
 * Cancel is the default and what Escape or closing the box means.
 */
export function electronConfirm(dialog: Dialog, currentWindow: () => BaseWindow | null): ConfirmInMain {
  return async ({ title, message, detail, confirm }) => {
    const options = { type: 'warning' as const, title, message, detail, buttons: [confirm, '取消 Cancel'], defaultId: 1, cancelId: 1, noLink: true };
    const win = currentWindow();
    const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return result.response === 0;
  };
}
