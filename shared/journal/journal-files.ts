/**
 * What the journal needs from the place it lives, so one store (journal-store.ts) runs on
 * Node's files in Electron's main process and on the origin-private file system in a browser
 * worker. Appends go through an open file whose `flush` is the durability point (fsync in
 * Node, FileSystemSyncAccessHandle.flush in Chromium); everything else is written whole and
 * atomically (temporary name, flushed, renamed, folder flushed where the platform can).
 */
export interface AppendFile {
  size(): number;
  read(at: number, length: number): Uint8Array;
  write(at: number, bytes: Uint8Array): void;
  truncate(size: number): void;
  /** Returns once the written bytes are on disk. */
  flush(): void;
  close(): void;
}

export interface JournalFiles {
  /** File names in the journal's folder (not the blob store). */
  list(): Promise<string[]>;
  /** Opens (creating if missing) a file for appending; one open file per name at a time. */
  openAppend(name: string): Promise<AppendFile>;
  read(name: string): Promise<Uint8Array>;
  writeAtomic(name: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(name: string): Promise<void>;
  /** Makes files created or renamed in the folder durable (fsync of the folder). */
  syncFolder(): Promise<void>;
  blobs: BlobFiles;
}

/** The blob store: one file per name (the store names them by SHA-256), written atomically. */
export interface BlobFiles {
  has(name: string): Promise<boolean>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** A File backed by the disk where the platform has one (no copy in memory), else the bytes. */
  read(name: string): Promise<Blob | Uint8Array>;
  list(): Promise<string[]>;
  remove(name: string): Promise<void>;
}

/**
 * Encryption at rest: `none` in the browser host (it relies on the OS account and disk
 * encryption), AES-256-GCM under a device key wrapped by the OS in Electron.
 */
export interface AtRestCipher {
  readonly name: 'none' | 'aes-256-gcm';
  seal(plain: Uint8Array, aad: Uint8Array): Uint8Array;
  /** Throws when the bytes were altered or sealed under another key. */
  open(sealed: Uint8Array, aad: Uint8Array): Uint8Array;
}

export const PLAIN: AtRestCipher = { name: 'none', seal: (p) => p, open: (s) => s };
