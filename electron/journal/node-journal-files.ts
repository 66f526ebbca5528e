import { closeSync, fdatasyncSync, fstatSync, fsyncSync, openSync, readSync, ftruncateSync, writeSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppendFile, BlobFiles, JournalFiles } from '../../shared/journal/journal-files.js';
import { writeFileAtomic } from '../files/atomic-write.js';

/**
 * The journal's files on disk for Electron's main process (journal-files.ts): a folder in
 * the user-data folder, `blobs/` inside it. Appends are plain synchronous writes followed by
 * fdatasync, the durability point before the renderer hears "appended"; whole files go through
 * writeFileAtomic (temporary file, fsync, rename, folder fsync). New segment names are made
 * durable by an fsync of the folder. Permissions 0600/0700: the user's own files only.
 */
export interface NodeJournalFilesOptions {
  platform?: NodeJS.Platform;
}

function appendFile(filePath: string): AppendFile {
  const fd = openSync(filePath, 'a+', 0o600);
  let open = true;
  return {
    size: () => fstatSync(fd).size,
    read(at, length) {
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, out, done, length - done, at + done);
        if (n === 0) break;
        done += n;
      }
      return out.subarray(0, done);
    },
    write(at, bytes) {
      // 'a+' appends whatever the position; the store only ever writes at the end.
      if (at !== fstatSync(fd).size) throw new Error(`journal file ${filePath}: a write at ${at} is not at its end`);
      let done = 0;
      while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done);
    },
    truncate: (size) => ftruncateSync(fd, size),
    flush: () => fdatasyncSync(fd),
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

function syncFolderSync(folder: string, platform: NodeJS.Platform): void {
  // Windows cannot open a folder for fsync (NTFS journals its metadata).
  if (platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function listFiles(folder: string): Promise<string[]> {
  return (await fs.readdir(folder, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

function checkName(name: string): string {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(name) || name.startsWith('.')) throw new Error(`not a journal file name: ${name}`);
  return name;
}

export async function nodeJournalFiles(folder: string, options: NodeJournalFilesOptions = {}): Promise<JournalFiles> {
  const platform = options.platform ?? process.platform;
  const blobFolder = path.join(folder, 'blobs');
  await fs.mkdir(blobFolder, { recursive: true, mode: 0o700 });
  const at = (name: string) => path.join(folder, checkName(name));
  const blobAt = (name: string) => path.join(blobFolder, checkName(name));
  const blobs: BlobFiles = {
    has: (name) => fs.stat(blobAt(name)).then(() => true, () => false),
    write: (name, bytes) => writeFileAtomic(blobAt(name), bytes, { mode: 0o600, platform }),
    read: async (name) => new Uint8Array(await fs.readFile(blobAt(name))),
    list: () => listFiles(blobFolder),
    remove: (name) => fs.rm(blobAt(name), { force: true }),
  };
  return {
    list: () => listFiles(folder),
    openAppend: (name) => Promise.resolve(appendFile(at(name))),
    read: async (name) => new Uint8Array(await fs.readFile(at(name))),
    writeAtomic: (name, bytes) => writeFileAtomic(at(name), bytes, { mode: 0o600, platform }),
    rename: async (from, to) => {
      await fs.rename(at(from), at(to));
      syncFolderSync(folder, platform);
    },
    remove: (name) => fs.rm(at(name), { force: true }),
    syncFolder: () => Promise.resolve(syncFolderSync(folder, platform)),
    blobs,
  };
}

