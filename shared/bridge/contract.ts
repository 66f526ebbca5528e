import type { z } from 'zod';
import type * as schemas from './contract-schemas.js';
import type { Result } from '../util/result.js';
import type { AppendOutcome, JournalHead, ReadResult } from '../journal/journal-store.js';

/**
 * The one contract between the renderer and its host (Electron's preload, or the browser
 * host). Each capability is one method, grouped by concern. Arguments are described by
 * zod schemas (contract-schemas.ts, apart so that the renderer's first screen, which needs
 * only this file's types and constants, loads no zod) so the Electron main process validates
 * every call it receives; results come
 * back as values with a typed error code, never as a thrown string.
 *
 * Private keys never cross this contract: the host signs and derives on the renderer's
 * behalf and hands out public keys only.
 */

export type BridgeErrorCode =
  | 'invalid-argument' // the call did not match its schema (main validates every call)
  | 'forbidden-sender' // the call came from a frame that is not the app's own
  | 'cancelled' // the user closed a dialog
  | 'not-found' // a file or a key that should be there is not
  | 'read-only' // the target folder cannot be written
  | 'disk-full' // no space left on the target
  | 'too-large' // a file over the stated limits
  | 'key-storage-unavailable' // no safe place for private keys (e.g. Linux plaintext backend)
  | 'not-permitted' // this device may not do that (a key backup on a device that is not the secretariat's)
  | 'internal'; // anything else; the message says what

export interface BridgeError {
  code: BridgeErrorCode;
  message: string;
}
export type BridgeResult<T> = Result<T, BridgeError>;

// ---- settings -------------------------------------------------------------------------

export type Settings = z.infer<typeof schemas.settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { language: 'zh-CN', fontSize: 14, lastFolder: null, photoLongEdge: 2048, keepPhotoOriginals: false };
export type SettingsPatch = z.infer<typeof schemas.settingsPatchSchema>;

// ---- files ----------------------------------------------------------------------------

/** Largest file the app reads or writes through the bridge (a scoresheet with photos). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export type FileKind = z.infer<typeof schemas.fileKindSchema>;

export type SaveFileArgs = z.infer<typeof schemas.saveFileArgsSchema>;

export type OpenFileArgs = z.infer<typeof schemas.openFileArgsSchema>;

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export type OpenManyArgs = z.infer<typeof schemas.openManyArgsSchema>;

/** Most files one pick reads (a whole panel's exchange is a few dozen). */
export const MAX_FILES_AT_ONCE = 500;
/** How deep a chosen or dropped folder is searched: a USB stick's member folders, not a whole disk. */
export const MAX_FOLDER_DEPTH = 3;

/** What one pick read; a file it could not read is listed with why, and the others still come. */
export interface OpenedFiles {
  files: OpenedFile[];
  skipped: { name: string; code: BridgeErrorCode; message: string }[];
  /** The person closed the dialog without choosing: nothing to say (an empty folder, by contrast, is told). */
  cancelled?: true;
}

// ---- files by handle: a package of any size read and written a slice at a time ---------

/**
 * Most bytes one `read`, `append` or `patch` moves across the bridge: a streamed package's
 * sealed chunk (1 MiB and its IV and tag) fits with room, so neither process ever holds more
 * of the file than a few of these.
 */
export const MAX_SLICE_BYTES = 4 * 1024 * 1024;
export type FileHandleArgs = z.infer<typeof schemas.fileHandleArgsSchema>;
export type ReadSliceArgs = z.infer<typeof schemas.readSliceArgsSchema>;
export type BeginSaveArgs = z.infer<typeof schemas.beginSaveArgsSchema>;
export type AppendSliceArgs = z.infer<typeof schemas.appendSliceArgsSchema>;
export type PatchSliceArgs = z.infer<typeof schemas.patchSliceArgsSchema>;

/** A picked file open for reading: its name and size, the rest through `files.read`. */
export interface OpenedHandle {
  handle: string;
  name: string;
  size: number;
}
/** A file being written where the person chose: nothing is at `savedAs` until `files.commit`. */
export interface SaveHandle {
  handle: string;
  savedAs: string;
}

// ---- keys -----------------------------------------------------------------------------

/** The device's public identity: SPKI DER of its two P-256 keys, base64. */
export interface PublicKeys {
  signingKey: string;
  encryptionKey: string;
}

export type CustodyRole = z.infer<typeof schemas.deviceRoleSchema>;
/** A key backup the host saved where the person chose, then read back and opened with the passphrase. */
export interface KeyBackupSaved {
  savedAs: string;
  /** The public keys recovered from the saved file: equal to this device's, or the export failed. */
  restoreTested: PublicKeys;
}

// ---- journal: the durable record of every acknowledged edit (docs/promises.md §1) ------

export type { AppendOutcome, JournalHead, ReadResult } from '../journal/journal-store.js';

/**
 * The journal outside IndexedDB (shared/journal/): in Electron an append-only file in the
 * user-data folder written by main with fsync, in the browser host the origin-private file
 * system through a worker. The renderer appends each transaction's record before it commits.
 */
export interface JournalBridge {
  head(): Promise<BridgeResult<JournalHead>>;
  /** Flushed to disk before it answers `appended`; `stale` when the head moved on. */
  append(args: z.infer<typeof schemas.journalAppendArgsSchema>): Promise<BridgeResult<AppendOutcome>>;
  /** Records after a seq (from a checkpoint when they are no longer kept), to rebuild the index. */
  read(args: z.infer<typeof schemas.journalReadArgsSchema>): Promise<BridgeResult<ReadResult>>;
  /** A blob's bytes; a disk-backed Blob where the host can hand one over without a copy. */
  blob(args: z.infer<typeof schemas.journalBlobArgsSchema>): Promise<BridgeResult<Blob | Uint8Array>>;
}

const JOURNAL_CHANNELS = {
  'journal.head': 'zqa:journal.head',
  'journal.append': 'zqa:journal.append',
  'journal.read': 'zqa:journal.read',
  'journal.blob': 'zqa:journal.blob',
} as const;

// ---- the contract ---------------------------------------------------------------------

export interface HostBridge {
  settings: {
    get(): Promise<BridgeResult<Settings>>;
    set(patch: SettingsPatch): Promise<BridgeResult<Settings>>;
  };
  files: {
    /** Asks the user for a file of this kind; `null` value when they cancel. */
    open(args: OpenFileArgs): Promise<BridgeResult<OpenedFile | null>>;
    /** Asks for several files, or a folder whose files of the kind are read (sub-folders too); no files when they cancel. */
    openMany(args: OpenManyArgs): Promise<BridgeResult<OpenedFiles>>;
    /** Writes atomically (temporary file, flush, rename); `null` when the user cancels. */
    save(args: SaveFileArgs): Promise<BridgeResult<{ savedAs: string } | null>>;
    /** Package files the OS asked the app to open (double-click, argv), taken once each. */
    takePendingOpens(): Promise<BridgeResult<OpenedFile[]>>;
    /** Asks for a file of this kind and keeps it open for `read`; `null` when the person cancels. No size limit but the format's. */
    openHandle(args: OpenFileArgs): Promise<BridgeResult<OpenedHandle | null>>;
    /** Exactly `length` bytes at `offset` of a file `openHandle` opened; refused past its end. */
    read(args: ReadSliceArgs): Promise<BridgeResult<Uint8Array>>;
    /** Closes a file `openHandle` opened, or abandons one `beginSave` began. */
    close(args: FileHandleArgs): Promise<BridgeResult<null>>;
    /** Asks where to save, and starts a temporary file beside it; `null` when the person cancels. */
    beginSave(args: BeginSaveArgs): Promise<BridgeResult<SaveHandle | null>>;
    append(args: AppendSliceArgs): Promise<BridgeResult<null>>;
    patch(args: PatchSliceArgs): Promise<BridgeResult<null>>;
    /** Flushes the temporary file and renames it over the target (then the folder is flushed): the whole file or the old one. */
    commit(args: FileHandleArgs): Promise<BridgeResult<{ savedAs: string }>>;
    /** Removes the temporary file: nothing half-written is left. */
    abort(args: FileHandleArgs): Promise<BridgeResult<null>>;
  };
  keys: {
    /** This device's public keys, created on first use. */
    publicKeys(): Promise<BridgeResult<PublicKeys>>;
    /** ECDSA P-256 / SHA-256 over the request's signed bytes (its purpose bound in); raw r‖s (64 bytes, WebCrypto's form). */
    sign(args: z.infer<typeof schemas.signArgsSchema>): Promise<BridgeResult<Uint8Array>>;
    /** ECDH P-256 shared secret (32 bytes) with a sender's ephemeral key, for unwrapping. */
    deriveBits(args: z.infer<typeof schemas.deriveArgsSchema>): Promise<BridgeResult<Uint8Array>>;
    /**
     * Records whether this device is the secretariat's. Becoming one is confirmed by the person
     * in the host's own dialog (not the page's), since it allows the key backup.
     */
    setDeviceRole(args: z.infer<typeof schemas.deviceRoleArgsSchema>): Promise<BridgeResult<{ role: CustodyRole }>>;
    /**
     * Secretariat device only: seals the private keys with the passphrase, saves the file where
     * the person chooses in the host's dialog (the page never holds it) and tests a restore of
     * the saved file at once; `null` when the person cancels.
     */
    exportBackup(args: z.infer<typeof schemas.backupArgsSchema>): Promise<BridgeResult<KeyBackupSaved | null>>;
    /** Secretariat device only: replaces this device's keys with a backup's, after the person confirms its fingerprint in the host's dialog. */
    restoreBackup(args: z.infer<typeof schemas.restoreArgsSchema>): Promise<BridgeResult<PublicKeys>>;
    /**
     * Browser host only (its keys sit in the page's IndexedDB, which Chromium may delete after
     * a crash): whether this device's keys are also kept where that deletion does not reach.
     * Absent where the host keeps the keys apart from the page anyway (the desktop app).
     */
    survivesDatabaseLoss?(): Promise<boolean>;
  };
  journal: JournalBridge;
}

/** Channel names, one per method, so preload and main cannot drift apart. */
export const BRIDGE_CHANNELS = {
  'settings.get': 'zqa:settings.get',
  'settings.set': 'zqa:settings.set',
  'files.open': 'zqa:files.open',
  'files.openMany': 'zqa:files.openMany',
  'files.save': 'zqa:files.save',
  'files.takePendingOpens': 'zqa:files.takePendingOpens',
  'files.openHandle': 'zqa:files.openHandle',
  'files.read': 'zqa:files.read',
  'files.close': 'zqa:files.close',
  'files.beginSave': 'zqa:files.beginSave',
  'files.append': 'zqa:files.append',
  'files.patch': 'zqa:files.patch',
  'files.commit': 'zqa:files.commit',
  'files.abort': 'zqa:files.abort',
  'keys.publicKeys': 'zqa:keys.publicKeys',
  'keys.sign': 'zqa:keys.sign',
  'keys.deriveBits': 'zqa:keys.deriveBits',
  'keys.setDeviceRole': 'zqa:keys.setDeviceRole',
  'keys.exportBackup': 'zqa:keys.exportBackup',
  'keys.restoreBackup': 'zqa:keys.restoreBackup',
  ...JOURNAL_CHANNELS,
} as const;
export type BridgeMethod = keyof typeof BRIDGE_CHANNELS;
