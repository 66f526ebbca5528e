import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { MAX_FILES_AT_ONCE, MAX_FOLDER_DEPTH, type OpenedFiles } from '../../shared/bridge/contract.js';
import { toBridgeError } from '../ipc/bridge-failure.js';
import type { FileFilter } from './file-filters.js';

/**
 * Every file under `folder` whose extension is the kind's (sub-folders too, a few levels
 * deep), sorted by path so the import order is the same on every machine. Hidden entries
 * (".Trash", "._x.zqa" that macOS leaves on a stick) are skipped.
 */
export async function filesInFolder(folder: string, filter: FileFilter, depth = MAX_FOLDER_DEPTH): Promise<string[]> {
  const wanted = new Set(filter.extensions.map((e) => `.${e.toLowerCase()}`));
  const found: string[] = [];
  const walk = async (dir: string, level: number) => {
    const entries = await nodeFs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && level < depth) await walk(full, level + 1);
      else if (entry.isFile() && wanted.has(path.extname(entry.name).toLowerCase())) found.push(full);
      if (found.length > MAX_FILES_AT_ONCE) return;
    }
  };
  await walk(folder, 1);
  return found.sort((a, b) => a.localeCompare(b));
}

/**
 * Reads each chosen file on its own: one that is too large, vanished or unreadable is listed
 * as skipped with why, and the others are still read (one bad file on a stick stops nothing).
 */
export async function readEach(paths: readonly string[], read: (p: string) => Promise<{ name: string; bytes: Uint8Array }>): Promise<OpenedFiles> {
  const result: OpenedFiles = { files: [], skipped: [] };
  for (const [i, p] of paths.entries()) {
    if (i >= MAX_FILES_AT_ONCE) {
      result.skipped.push({ name: path.basename(p), code: 'too-large', message: `一次最多读取 ${MAX_FILES_AT_ONCE} 个文件 At most ${MAX_FILES_AT_ONCE} files at once` });
      continue;
    }
    try {
      result.files.push(await read(p));
    } catch (e) {
      const { code, message } = toBridgeError(e);
      result.skipped.push({ name: path.basename(p), code, message });
    }
  }
  return result;
}
