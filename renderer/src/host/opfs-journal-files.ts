import type { AppendFile, BlobFiles, JournalFiles } from '../../../shared/journal/journal-files.js';

/**
 * The journal's files in the origin-private file system (journal-files.ts), for the browser
 * host's journal worker: Chromium keeps them apart from IndexedDB, so a store it deletes as
 * corrupt leaves them. Appends go through a FileSystemSyncAccessHandle, whose `flush()` puts
 * the bytes on disk; whole files are written under a temporary name, flushed, closed, then
 * moved into place. Chromium commits the folder's entries itself (no folder fsync to ask for).
 */
interface SyncAccessHandle {
  getSize(): number;
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}
type SyncCapableFileHandle = FileSystemFileHandle & {
  createSyncAccessHandle(): Promise<SyncAccessHandle>;
  move(name: string): Promise<void>;
};

const JOURNAL_FOLDER = 'zqa-journal';

function wrap(handle: SyncAccessHandle): AppendFile {
  return {
    size: () => handle.getSize(),
    read(at, length) {
      const out = new Uint8Array(length);
      return out.subarray(0, handle.read(out, { at }));
    },
    write(at, bytes) {
      const n = handle.write(bytes, { at });
      if (n !== bytes.byteLength) throw new Error(`only ${n} of ${bytes.byteLength} bytes were written`);
    },
    truncate: (size) => handle.truncate(size),
    flush: () => handle.flush(),
    close: () => handle.close(),
  };
}

async function fileNames(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  for await (const [name, entry] of dir.entries()) if (entry.kind === 'file') names.push(name);
  return names;
}

async function fileHandle(dir: FileSystemDirectoryHandle, name: string, create = false): Promise<SyncCapableFileHandle> {
  return (await dir.getFileHandle(name, { create })) as SyncCapableFileHandle;
}

async function writeAtomic(dir: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const temp = `${name}.tmp-${crypto.randomUUID()}`;
  const file = await fileHandle(dir, temp, true);
  const handle = await file.createSyncAccessHandle();
  try {
    handle.truncate(0);
    if (handle.write(bytes, { at: 0 }) !== bytes.byteLength) throw new Error(`${name}: not every byte was written`);
    handle.flush();
  } catch (e) {
    handle.close();
    await dir.removeEntry(temp).catch(() => undefined);
    throw e;
  }
  handle.close();
  await file.move(name);
}

async function exists(dir: FileSystemDirectoryHandle, name: string): Promise<boolean> {
  try {
    await dir.getFileHandle(name);
    return true;
  } catch {
    return false;
  }
}

export async function opfsJournalFiles(root: FileSystemDirectoryHandle): Promise<JournalFiles> {
  const dir = await root.getDirectoryHandle(JOURNAL_FOLDER, { create: true });
  const blobDir = await dir.getDirectoryHandle('blobs', { create: true });
  const open = new Map<string, AppendFile>();
  const blobs: BlobFiles = {
    has: (name) => exists(blobDir, name),
    write: (name, bytes) => writeAtomic(blobDir, name, bytes),
    // A File read straight from disk: handed to IndexedDB without a copy in memory.
    read: async (name) => (await fileHandle(blobDir, name)).getFile(),
    list: () => fileNames(blobDir),
    remove: (name) => blobDir.removeEntry(name),
  };
  return {
    list: () => fileNames(dir),
    async openAppend(name) {
      const handle = await (await fileHandle(dir, name, true)).createSyncAccessHandle();
      const file = wrap(handle);
      const tracked: AppendFile = {
        ...file,
        close() {
          open.delete(name);
          file.close();
        },
      };
      open.set(name, tracked);
      return tracked;
    },
    async read(name) {
      // An open file is locked for other readers: read it through its own handle.
      const opened = open.get(name);
      if (opened) return opened.read(0, opened.size());
      return new Uint8Array(await (await (await fileHandle(dir, name)).getFile()).arrayBuffer());
    },
    writeAtomic: (name, bytes) => writeAtomic(dir, name, bytes),
    rename: async (from, to) => (await fileHandle(dir, from)).move(to),
    remove: (name) => dir.removeEntry(name),
    syncFolder: () => Promise.resolve(),
    blobs,
  };
}
