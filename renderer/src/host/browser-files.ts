import { MAX_FILE_BYTES, type FileKind, type HostBridge, type OpenedFile } from '../../../shared/bridge/contract.js';
import { createBrowserFileHandles } from './browser-file-handles.js';
import { bridgeSchemas } from './bridge-schemas.js';
import { hasExtension, readEach, tooLarge } from './read-files.js';
import { err, ok } from '../../../shared/util/result.js';

/** What the file picker offers for each kind (the user can still choose "all files"). */
const ACCEPT: Record<FileKind, string> = {
  package: '.zqa',
  'identity-card': '.zqa',
  pdf: '.pdf,application/pdf',
  spreadsheet: '.xlsx',
  csv: '.csv,text/csv',
  backup: '.zqabak',
  'key-backup': '.zqakey',
  'criteria-set': '.json,application/json',
};

const MIME: Record<FileKind, string> = {
  package: 'application/octet-stream',
  'identity-card': 'application/octet-stream',
  pdf: 'application/pdf',
  spreadsheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  backup: 'application/octet-stream',
  'key-backup': 'application/octet-stream',
  'criteria-set': 'application/json',
};

/**
 * Asks with a hidden file input: one file, several (`multiple`) or a whole folder
 * (`webkitdirectory`, which lists the folder's files with their sub-folders'); `null` when the
 * person cancels (the input's `cancel` event).
 */
function pickFiles(doc: Document, options: { accept: string; multiple: boolean; folder: boolean }): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    // A folder pick lists every file; the kind is filtered after (the attribute is ignored there).
    if (!options.folder) input.accept = options.accept;
    input.multiple = options.multiple;
    if (options.folder) input.webkitdirectory = true;
    input.style.display = 'none';
    const finish = (files: File[] | null) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('cancel', () => finish(null));
    // A change with no files is a folder chosen that holds none (Chromium lists no empty
    // folders): said as empty, unlike the dialog's cancel.
    input.addEventListener('change', () => finish(input.files ? [...input.files] : []));
    doc.body.append(input);
    input.click();
  });
}

/**
 * Files in a plain browser: a hidden file input to open, a download to save. A browser
 * cannot write atomically or remember folders; the download manager owns the file after us.
 */
export function createBrowserFiles(doc: Document): HostBridge['files'] {
  const download = (blob: Blob, name: string) => {
    const url = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    doc.body.append(link);
    link.click();
    link.remove();
    // The download has taken its copy once click() returns; free the Blob a little later.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const handles = createBrowserFileHandles(download, (kind) => MIME[kind]);
  return {
    open: async ({ kind }) => {
      const file = (await pickFiles(doc, { accept: ACCEPT[kind], multiple: false, folder: false }))?.[0];
      if (!file) return ok(null);
      if (file.size > MAX_FILE_BYTES) return err(tooLarge(file));
      try {
        return ok<OpenedFile>({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (e) {
        return err({ code: 'internal', message: `could not read ${file.name}: ${String(e)}` });
      }
    },
    openMany: async ({ kind, from }) => {
      const folder = from === 'folder';
      const files = await pickFiles(doc, { accept: ACCEPT[kind], multiple: true, folder });
      if (!files) return ok({ files: [], skipped: [], cancelled: true });
      const wanted = folder ? files.filter((f) => hasExtension(f, ACCEPT[kind])).sort((a, b) => a.webkitRelativePath.localeCompare(b.webkitRelativePath)) : files;
      return ok(await readEach(wanted));
    },
    save: async (args) => {
      const parsed = (await bridgeSchemas()).saveFileArgsSchema.safeParse(args);
      if (!parsed.success) return err({ code: 'invalid-argument' as const, message: parsed.error.issues[0]?.message ?? 'invalid file' });
      const { kind, suggestedName, bytes } = parsed.data;
      download(new Blob([bytes], { type: MIME[kind] }), suggestedName);
      return ok({ savedAs: suggestedName });
    },
    // Nothing outside the page can ask a browser tab to open a file.
    takePendingOpens: () => Promise.resolve(ok([])),
    openHandle: async ({ kind }) => {
      const file = (await pickFiles(doc, { accept: ACCEPT[kind], multiple: false, folder: false }))?.[0];
      return ok(file ? handles.add(file) : null);
    },
    read: handles.read,
    close: handles.close,
    beginSave: handles.beginSave,
    append: handles.append,
    patch: handles.patch,
    commit: handles.commit,
    abort: handles.abort,
  };
}
