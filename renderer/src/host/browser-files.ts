import { MAX_FILE_BYTES, saveFileArgsSchema, type FileKind, type HostBridge, type OpenedFile } from '../../../shared/bridge/contract.js';
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
 * Files in a plain browser: a hidden file input to open, a download to save. A browser
 * cannot write atomically or remember folders; the download manager owns the file after us.
 */
export function createBrowserFiles(doc: Document): HostBridge['files'] {
  return {
    open: ({ kind }) =>
      new Promise((resolve) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = ACCEPT[kind];
        input.style.display = 'none';
        const finish = (result: Awaited<ReturnType<HostBridge['files']['open']>>) => {
          input.remove();
          resolve(result);
        };
        input.addEventListener('cancel', () => finish(ok(null)));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return finish(ok(null));
          if (file.size > MAX_FILE_BYTES) {
            return finish(err({ code: 'too-large', message: `${file.name} is ${file.size} bytes; the limit is ${MAX_FILE_BYTES}` }));
          }
          file.arrayBuffer().then(
            (buffer) => finish(ok<OpenedFile>({ name: file.name, bytes: new Uint8Array(buffer) })),
            (e: unknown) => finish(err({ code: 'internal', message: `could not read ${file.name}: ${String(e)}` })),
          );
        });
        doc.body.append(input);
        input.click();
      }),
    save: (args) => {
      const parsed = saveFileArgsSchema.safeParse(args);
      if (!parsed.success) {
        return Promise.resolve(err({ code: 'invalid-argument' as const, message: parsed.error.issues[0]?.message ?? 'invalid file' }));
      }
      const { kind, suggestedName, bytes } = parsed.data;
      const url = URL.createObjectURL(new Blob([bytes], { type: MIME[kind] }));
      const link = doc.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.style.display = 'none';
      doc.body.append(link);
      link.click();
      link.remove();
      // The download has taken its copy once click() returns; free the Blob a little later.
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve(ok({ savedAs: suggestedName }));
    },
    // Nothing outside the page can ask a browser tab to open a file.
    takePendingOpens: () => Promise.resolve(ok([])),
  };
}
