import { z } from 'zod';
import { signPurposeSchema } from '../crypto/sign-request.js';
import type { Result } from '../util/result.js';
import type { AppendOutcome, JournalHead, ReadResult } from '../journal/journal-store.js';

/**
 * The one contract between the renderer and its host (Electron's preload, or the browser
 * host). Each capability is one method, grouped by concern. Arguments are described by
 * zod schemas so the Electron main process validates every call it receives; results come
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

export const settingsSchema = z.strictObject({
  language: z.enum(['zh-CN', 'en']),
  /** Base UI font size in px; experts read on small laptops in bright rooms. */
  fontSize: z.number().int().min(12).max(28),
  /** Last folder a package was opened from or saved to (Electron host only). */
  lastFolder: z.string().max(4096).nullable(),
  /**
   * Photos are scaled down on import to this long edge (px) so that two hundred of them do not
   * make a scoresheet of hundreds of megabytes; a panel that photographs small print may want more.
   */
  photoLongEdge: z.number().int().min(1024).max(8192),
  /** The expert asked to keep photos as taken (no scaling): for the day a detail matters more than size. */
  keepPhotoOriginals: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { language: 'zh-CN', fontSize: 14, lastFolder: null, photoLongEdge: 2048, keepPhotoOriginals: false };
/**
 * What the renderer may change. `lastFolder` is not in it: the host records the folder the
 * person chose in its own dialog, so a page can never point the next dialog somewhere else.
 * Marked pure so a bundle that needs only BRIDGE_CHANNELS (the sandboxed preload) leaves zod out.
 */
export const settingsPatchSchema = /* @__PURE__ */ settingsSchema.omit({ lastFolder: true }).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

// ---- files ----------------------------------------------------------------------------

/** Largest file the app reads or writes through the bridge (a scoresheet with photos). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const fileKindSchema = z.enum(['package', 'pdf', 'spreadsheet', 'csv', 'backup', 'key-backup', 'identity-card', 'criteria-set']);
export type FileKind = z.infer<typeof fileKindSchema>;

export const saveFileArgsSchema = z.strictObject({
  kind: fileKindSchema,
  // A plain file name: no folders, none of the characters Windows forbids, no control characters.
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 0x20), 'a plain file name'),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large'),
});
export type SaveFileArgs = z.infer<typeof saveFileArgsSchema>;

export const openFileArgsSchema = z.strictObject({ kind: fileKindSchema });
export type OpenFileArgs = z.infer<typeof openFileArgsSchema>;

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** Several files at once: chosen together in one dialog, or every file of the kind in a folder (a USB stick's). */
export const openManyArgsSchema = z.strictObject({ kind: fileKindSchema, from: z.enum(['files', 'folder']) });
export type OpenManyArgs = z.infer<typeof openManyArgsSchema>;

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
/** Opaque and unguessable: the host makes one only for a file the person picked in its own dialog. */
const fileHandleSchema = /* @__PURE__ */ z.string().regex(/^[0-9a-f]{32}$/, 'not a file handle');
const sliceBytesSchema = /* @__PURE__ */ z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SLICE_BYTES, `a slice is at most ${MAX_SLICE_BYTES} bytes`);
const fileOffsetSchema = /* @__PURE__ */ z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const fileHandleArgsSchema = /* @__PURE__ */ z.strictObject({ handle: fileHandleSchema });
export type FileHandleArgs = z.infer<typeof fileHandleArgsSchema>;
export const readSliceArgsSchema = /* @__PURE__ */ z.strictObject({ handle: fileHandleSchema, offset: fileOffsetSchema, length: z.number().int().min(1).max(MAX_SLICE_BYTES) });
export type ReadSliceArgs = z.infer<typeof readSliceArgsSchema>;
export const beginSaveArgsSchema = /* @__PURE__ */ saveFileArgsSchema.omit({ bytes: true });
export type BeginSaveArgs = z.infer<typeof beginSaveArgsSchema>;
export const appendSliceArgsSchema = /* @__PURE__ */ z.strictObject({ handle: fileHandleSchema, bytes: sliceBytesSchema });
export type AppendSliceArgs = z.infer<typeof appendSliceArgsSchema>;
/** Overwrites bytes already appended (a zip entry's CRC-32 goes into its header after its data). */
export const patchSliceArgsSchema = /* @__PURE__ */ z.strictObject({ handle: fileHandleSchema, offset: fileOffsetSchema, bytes: sliceBytesSchema });
export type PatchSliceArgs = z.infer<typeof patchSliceArgsSchema>;

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

/** A typed signing request (shared/crypto/sign-request.ts): the purpose is bound into the signature. */
export const signArgsSchema = z.strictObject({
  purpose: signPurposeSchema,
  data: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 64 * 1024 * 1024, 'data too large to sign'),
});
export const deriveArgsSchema = z.strictObject({
  /** The sender's ephemeral ECDH P-256 public key, SPKI DER. */
  peerPublicKey: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= 512, 'not a public key'),
});
/** Who this device's keys belong to, as the host records it: only a secretariat device may back its keys up. */
export const deviceRoleSchema = z.enum(['expert', 'secretariat']);
export type CustodyRole = z.infer<typeof deviceRoleSchema>;
export const deviceRoleArgsSchema = z.strictObject({ role: deviceRoleSchema });
export const backupArgsSchema = z.strictObject({ passphrase: z.string().min(12).max(1024) });
/** A key backup the host saved where the person chose, then read back and opened with the passphrase. */
export interface KeyBackupSaved {
  savedAs: string;
  /** The public keys recovered from the saved file: equal to this device's, or the export failed. */
  restoreTested: PublicKeys;
}
export const restoreArgsSchema = z.strictObject({
  passphrase: z.string().min(1).max(1024),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 1024 * 1024, 'not a key backup file'),
});

// ---- journal: the durable record of every acknowledged edit (docs/promises.md §1) ------

export type { AppendOutcome, JournalHead, ReadResult } from '../journal/journal-store.js';
const sha256Hex = /* @__PURE__ */ z.string().regex(/^[0-9a-f]{64}$/);
/** Largest journal record: its photos and files are blobs, sent beside it. */
const MAX_JOURNAL_RECORD_BYTES = 64 * 1024 * 1024;
// Marked pure like settingsPatchSchema: the sandboxed preload bundles BRIDGE_CHANNELS only.
export const journalAppendArgsSchema = /* @__PURE__ */ z.strictObject({
  expectedSeq: z.number().int().min(0),
  expectedHash: sha256Hex,
  record: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_JOURNAL_RECORD_BYTES, 'record too large'),
  blobs: z.array(z.strictObject({ sha256: sha256Hex, bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'blob too large') })).max(100_000),
});
export const journalReadArgsSchema = /* @__PURE__ */ z.strictObject({ afterSeq: z.number().int().min(0), maxBytes: z.number().int().min(1).max(256 * 1024 * 1024) });
export const journalBlobArgsSchema = /* @__PURE__ */ z.strictObject({ sha256: sha256Hex });

/**
 * The journal outside IndexedDB (shared/journal/): in Electron an append-only file in the
 * user-data folder written by main with fsync, in the browser host the origin-private file
 * system through a worker. The renderer appends each transaction's record before it commits.
 */
export interface JournalBridge {
  head(): Promise<BridgeResult<JournalHead>>;
  /** Flushed to disk before it answers `appended`; `stale` when the head moved on. */
  append(args: z.infer<typeof journalAppendArgsSchema>): Promise<BridgeResult<AppendOutcome>>;
  /** Records after a seq (from a checkpoint when they are no longer kept), to rebuild the index. */
  read(args: z.infer<typeof journalReadArgsSchema>): Promise<BridgeResult<ReadResult>>;
  /** A blob's bytes; a disk-backed Blob where the host can hand one over without a copy. */
  blob(args: z.infer<typeof journalBlobArgsSchema>): Promise<BridgeResult<Blob | Uint8Array>>;
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
    sign(args: z.infer<typeof signArgsSchema>): Promise<BridgeResult<Uint8Array>>;
    /** ECDH P-256 shared secret (32 bytes) with a sender's ephemeral key, for unwrapping. */
    deriveBits(args: z.infer<typeof deriveArgsSchema>): Promise<BridgeResult<Uint8Array>>;
    /**
     * Records whether this device is the secretariat's. Becoming one is confirmed by the person
     * in the host's own dialog (not the page's), since it allows the key backup.
     */
    setDeviceRole(args: z.infer<typeof deviceRoleArgsSchema>): Promise<BridgeResult<{ role: CustodyRole }>>;
    /**
     * Secretariat device only: seals the private keys with the passphrase, saves the file where
     * the person chooses in the host's dialog (the page never holds it) and tests a restore of
     * the saved file at once; `null` when the person cancels.
     */
    exportBackup(args: z.infer<typeof backupArgsSchema>): Promise<BridgeResult<KeyBackupSaved | null>>;
    /** Secretariat device only: replaces this device's keys with a backup's, after the person confirms its fingerprint in the host's dialog. */
    restoreBackup(args: z.infer<typeof restoreArgsSchema>): Promise<BridgeResult<PublicKeys>>;
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
