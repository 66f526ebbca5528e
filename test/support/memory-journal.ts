import type { BridgeResult, JournalBridge } from '../../shared/bridge/contract.js';
import { journalBridgeError } from '../../shared/journal/journal-bridge-error.js';
import type { AppendFile, BlobFiles, JournalFiles } from '../../shared/journal/journal-files.js';
import { JournalStore } from '../../shared/journal/journal-store.js';

/** The journal's files in memory, for tests of what sits above the store (the real ports are tested on disk). */
export function memoryJournalFiles(): JournalFiles & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const blobFiles = new Map<string, Uint8Array>();
  const appendFile = (name: string): AppendFile => ({
    size: () => files.get(name)?.byteLength ?? 0,
    read: (at, length) => (files.get(name) ?? new Uint8Array()).slice(at, at + length),
    write(at, bytes) {
      const old = files.get(name) ?? new Uint8Array();
      const next = new Uint8Array(Math.max(old.byteLength, at + bytes.byteLength));
      next.set(old);
      next.set(bytes, at);
      files.set(name, next);
    },
    truncate: (size) => void files.set(name, (files.get(name) ?? new Uint8Array()).slice(0, size)),
    flush: () => undefined,
    close: () => undefined,
  });
  const blobs: BlobFiles = {
    has: (name) => Promise.resolve(blobFiles.has(name)),
    write: (name, bytes) => Promise.resolve(void blobFiles.set(name, bytes.slice())),
    read: (name) => (blobFiles.has(name) ? Promise.resolve(blobFiles.get(name)!.slice()) : Promise.reject(new Error(`no blob ${name}`))),
    list: () => Promise.resolve([...blobFiles.keys()]),
    remove: (name) => Promise.resolve(void blobFiles.delete(name)),
  };
  return {
    files,
    list: () => Promise.resolve([...files.keys()]),
    openAppend: (name) => {
      if (!files.has(name)) files.set(name, new Uint8Array());
      return Promise.resolve(appendFile(name));
    },
    read: (name) => (files.has(name) ? Promise.resolve(files.get(name)!.slice()) : Promise.reject(new Error(`no file ${name}`))),
    writeAtomic: (name, bytes) => Promise.resolve(void files.set(name, bytes.slice())),
    rename: (from, to) => {
      files.set(to, files.get(from)!);
      files.delete(from);
      return Promise.resolve();
    },
    remove: (name) => Promise.resolve(void files.delete(name)),
    syncFolder: () => Promise.resolve(),
    blobs,
  };
}

async function answer<T>(work: () => Promise<T>): Promise<BridgeResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    return { ok: false, error: journalBridgeError(e) ?? { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** The journal bridge over a store, as both hosts answer it. */
export function bridgeOverStore(store: JournalStore): JournalBridge {
  return {
    head: () => answer(() => Promise.resolve(store.head())),
    append: (args) => answer(() => store.append(args)),
    read: ({ afterSeq, maxBytes }) => answer(() => store.read(afterSeq, maxBytes)),
    blob: ({ sha256 }) => answer(() => store.blob(sha256)),
  };
}

export async function memoryJournal(): Promise<{ store: JournalStore; bridge: JournalBridge; files: ReturnType<typeof memoryJournalFiles> }> {
  const files = memoryJournalFiles();
  const store = await JournalStore.open(files);
  return { store, bridge: bridgeOverStore(store), files };
}
