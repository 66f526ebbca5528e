import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { AppendSliceArgs, FileHandleArgs, PatchSliceArgs, ReadSliceArgs } from '../../shared/bridge/contract.js';
import { AtomicFileSink, openFileSource, type FileSource } from '../../node/file-stream.js';
import { BridgeFailure } from '../ipc/bridge-failure.js';

/**
 * The files the renderer reads and writes a slice at a time (a 1.5 GB scoresheet never sits
 * whole in either process). A handle is made here only for a path the person picked in the
 * host's own dialog (the file service calls `openRead` and `beginWrite` after its dialogs), so
 * a page can name no other file. Reads are positional on the open file; writes go to a
 * temporary file beside the target (node/file-stream.ts's AtomicFileSink), renamed over it only
 * by `commit` after an fsync, removed by `abort` or when the window closes.
 */
type Entry = { kind: 'read'; source: FileSource; name: string } | { kind: 'write'; sink: AtomicFileSink; savedAs: string; written: number };

/** At most this many files open at once, so a page cannot run the process out of descriptors. */
const MAX_OPEN = 64;

export function createFileHandles() {
  const open = new Map<string, Entry>();

  const add = (entry: Entry): string => {
    const handle = randomBytes(16).toString('hex');
    open.set(handle, entry);
    return handle;
  };
  const room = () => {
    if (open.size >= MAX_OPEN) throw new BridgeFailure('too-large', `同时打开的文件过多（${MAX_OPEN}）。Too many files open at once (${MAX_OPEN}); close some first.`);
  };
  const entry = (handle: string): Entry => {
    const found = open.get(handle);
    if (!found) throw new BridgeFailure('not-found', `文件句柄无效或已关闭。No open file has this handle (closed, finished, or never opened).`);
    return found;
  };
  const writing = (handle: string) => {
    const found = entry(handle);
    if (found.kind !== 'write') throw new BridgeFailure('invalid-argument', '该文件仅供读取。This handle is a file opened for reading, not one being saved.');
    return found;
  };

  /** Closes a read or abandons a write; a handle already gone is not an error (the window may have closed it). */
  const close = async ({ handle }: FileHandleArgs): Promise<null> => {
    const found = open.get(handle);
    open.delete(handle);
    if (found?.kind === 'read') await found.source.close();
    if (found?.kind === 'write') await found.sink.abandon();
    return null;
  };

  return {
    openRead: async (filePath: string): Promise<{ handle: string; name: string; size: number }> => {
      room();
      const source = await openFileSource(filePath);
      const name = path.basename(filePath);
      return { handle: add({ kind: 'read', source, name }), name, size: source.size };
    },

    read: async ({ handle, offset, length }: ReadSliceArgs): Promise<Uint8Array> => {
      const found = entry(handle);
      if (found.kind !== 'read') throw new BridgeFailure('invalid-argument', '该文件正在保存，不能读取。This handle is a file being saved, not one opened for reading.');
      if (offset + length > found.source.size) {
        throw new BridgeFailure('invalid-argument', `读取超出文件末尾。Read of ${length} bytes at ${offset} is past the end of ${found.name} (${found.source.size} bytes).`);
      }
      return found.source.read(offset, length);
    },

    beginWrite: async (targetPath: string): Promise<{ handle: string; savedAs: string }> => {
      room();
      const sink = await AtomicFileSink.create(targetPath);
      return { handle: add({ kind: 'write', sink, savedAs: targetPath, written: 0 }), savedAs: targetPath };
    },

    append: async ({ handle, bytes }: AppendSliceArgs): Promise<null> => {
      const found = writing(handle);
      await found.sink.write(bytes);
      found.written += bytes.length;
      return null;
    },

    patch: async ({ handle, offset, bytes }: PatchSliceArgs): Promise<null> => {
      const found = writing(handle);
      if (offset + bytes.length > found.written) {
        throw new BridgeFailure('invalid-argument', `只能改写已写入的部分。A patch of ${bytes.length} bytes at ${offset} reaches past the ${found.written} bytes written.`);
      }
      await found.sink.writeAt(offset, bytes);
      return null;
    },

    /** The whole file at its place, or (on any failure) the temporary file removed and the old file untouched. */
    commit: async ({ handle }: FileHandleArgs): Promise<{ savedAs: string }> => {
      const found = writing(handle);
      open.delete(handle);
      try {
        await found.sink.commit();
      } catch (error) {
        await found.sink.abandon();
        throw error;
      }
      return { savedAs: found.savedAs };
    },

    close,

    abort: async ({ handle }: FileHandleArgs): Promise<null> => {
      writing(handle);
      return close({ handle });
    },

    /** When the window closes (or reloads): every read closed, every unfinished save removed. */
    closeAll: async (): Promise<void> => {
      await Promise.allSettled([...open.keys()].map((handle) => close({ handle })));
    },

    /** How many files are open (tests; a leak shows here). */
    openCount: () => open.size,
  };
}

export type FileHandles = ReturnType<typeof createFileHandles>;
