import type { BaseWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { electronFileDialogs } from '../../electron/app/electron-dialogs.js';
import { dialogFilters } from '../../electron/files/file-filters.js';

/** Records how the adapter calls Electron's dialog module and answers as the user would. */
function fakeDialog(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
  const calls: { window: unknown; options: Record<string, unknown> }[] = [];
  const record = (...args: unknown[]) => {
    const [first, second] = args;
    calls.push(second === undefined ? { window: null, options: first as Record<string, unknown> } : { window: first, options: second as Record<string, unknown> });
    return Promise.resolve({ filePaths: [], ...answer });
  };
  return { dialog: { showOpenDialog: record, showSaveDialog: record } as unknown as Dialog, calls };
}

describe('Electron file dialogs adapter', () => {
  const window = { id: 1 } as unknown as BaseWindow;

  it('opens one file, modal to the window, with the kind filters', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/media/usb/a.zqa'] });
    const chosen = await electronFileDialogs(dialog, () => window).showOpen({ title: '打开文件', defaultPath: '/media/usb', filters: dialogFilters('package') });
    expect(chosen).toBe('/media/usb/a.zqa');
    expect(calls[0]?.window).toBe(window);
    expect(calls[0]?.options).toMatchObject({ title: '打开文件', defaultPath: '/media/usb', properties: ['openFile'], filters: dialogFilters('package') });
  });

  it('opens several files in one dialog, or one folder in a dialog of its own', async () => {
    const files = fakeDialog({ canceled: false, filePaths: ['/media/usb/a.zqa', '/media/usb/b.zqa'] });
    expect(await electronFileDialogs(files.dialog, () => window).showOpenMany({ title: 't', filters: dialogFilters('package'), folder: false })).toEqual(['/media/usb/a.zqa', '/media/usb/b.zqa']);
    expect(files.calls[0]?.options.properties).toEqual(['openFile', 'multiSelections']);
    const folder = fakeDialog({ canceled: false, filePaths: ['/media/usb'] });
    expect(await electronFileDialogs(folder.dialog, () => window).showOpenMany({ title: 't', filters: [], folder: true })).toEqual(['/media/usb']);
    expect(folder.calls[0]?.options.properties).toEqual(['openDirectory']);
    const cancelled = fakeDialog({ canceled: true, filePaths: ['/ignored'] });
    expect(await electronFileDialogs(cancelled.dialog, () => null).showOpenMany({ title: 't', filters: [], folder: true })).toEqual([]);
  });

  it('returns null when the user cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePaths: [] });
    expect(await electronFileDialogs(dialog, () => null).showOpen({ title: 't', filters: [] })).toBeNull();
    expect(await electronFileDialogs(dialog, () => null).showSave({ title: 't', defaultPath: '/a.zqa', filters: [] })).toBeNull();
  });

  it('asks before overwriting when saving', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/home/me/b.zqa' });
    expect(await electronFileDialogs(dialog, () => null).showSave({ title: '保存文件', defaultPath: '/home/me/a.zqa', filters: [] })).toBe('/home/me/b.zqa');
    expect(calls[0]?.window).toBeNull();
    expect(calls[0]?.options.properties).toContain('showOverwriteConfirmation');
  });
});
