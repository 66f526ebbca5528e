import { MAX_FILE_BYTES, MAX_FILES_AT_ONCE, type OpenedFiles } from '../../../shared/bridge/contract.js';

export const tooLarge = (file: File) => ({ code: 'too-large' as const, message: `${file.name} is ${file.size} bytes; the limit is ${MAX_FILE_BYTES}` });

/**
 * Whether a file found in a folder is one of `accept` (".zqa" or ".pdf,application/pdf"), by
 * extension as a picker's filter would be. Hidden files a Mac leaves on a stick ("._评分表.zqa")
 * are not packages.
 */
export function hasExtension(file: File, accept: string): boolean {
  const name = file.name.toLowerCase();
  return !name.startsWith('.') && accept.split(',').some((a) => a.startsWith('.') && name.endsWith(a));
}

/**
 * Page files (picked or dropped) read each on its own: one too large or unreadable is listed
 * as skipped with why, and the rest still come.
 */
export async function readEach(files: readonly File[]): Promise<OpenedFiles> {
  const result: OpenedFiles = { files: [], skipped: [] };
  for (const [i, file] of files.entries()) {
    if (i >= MAX_FILES_AT_ONCE) result.skipped.push({ name: file.name, code: 'too-large', message: `at most ${MAX_FILES_AT_ONCE} files at once` });
    else if (file.size > MAX_FILE_BYTES) result.skipped.push({ name: file.name, ...tooLarge(file) });
    else {
      try {
        result.files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (e) {
        result.skipped.push({ name: file.name, code: 'internal', message: `could not read ${file.name}: ${String(e)}` });
      }
    }
  }
  return result;
}
