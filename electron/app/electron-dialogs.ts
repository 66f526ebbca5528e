import type { BaseWindow, Dialog } from 'electron';
import type { FileDialogs } from '../files/file-service.js';

/** Electron's native dialogs, modal to the main window when there is one. */
export function electronFileDialogs(dialog: Dialog, currentWindow: () => BaseWindow | null): FileDialogs {
  return {
    async showOpen({ title, defaultPath, filters }) {
      const options = { title, filters, properties: ['openFile' as const], ...(defaultPath ? { defaultPath } : {}) };
      const win = currentWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async showSave({ title, defaultPath, filters }) {
      const options = { title, defaultPath, filters, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const win = currentWindow();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
