import { z } from 'zod';
import { SIGN_PURPOSES } from '../crypto/sign-request.js';
import { MAX_FILE_BYTES, MAX_SLICE_BYTES } from './contract.js';
import { FONT_SIZE_MAX, FONT_SIZE_MIN, MAX_FOLDER_CHARS, PHOTO_EDGE_MAX, PHOTO_EDGE_MIN, SETTINGS_LANGUAGES } from './settings-fields.js';

/**
 * The zod schemas of the bridge's arguments (contract.ts): the Electron main process checks
 * every call it receives with them, the browser host every call it serves. Apart from the
 * contract's types and constants so that a bundle needing only those (the sandboxed preload,
 * the renderer's first screen) loads no zod; the browser host imports this file when a call
 * that needs a check is first made.
 */

export const settingsSchema = z.strictObject({
  language: z.enum(SETTINGS_LANGUAGES),
  /** Base UI font size in px; experts read on small laptops in bright rooms. */
  fontSize: z.number().int().min(FONT_SIZE_MIN).max(FONT_SIZE_MAX),
  /** Last folder a package was opened from or saved to (Electron host only). */
  lastFolder: z.string().max(MAX_FOLDER_CHARS).nullable(),
  /**
   * Photos are scaled down on import to this long edge (px) so that two hundred of them do not
   * make a scoresheet of hundreds of megabytes; a panel that photographs small print may want more.
   */
  photoLongEdge: z.number().int().min(PHOTO_EDGE_MIN).max(PHOTO_EDGE_MAX),
  /** The expert asked to keep photos as taken (no scaling): for the day a detail matters more than size. */
  keepPhotoOriginals: z.boolean(),
});

/**
 * What the renderer may change. `lastFolder` is not in it: the host records the folder the
 * person chose in its own dialog, so a page can never point the next dialog somewhere else.
 */
export const settingsPatchSchema = settingsSchema.omit({ lastFolder: true }).partial();

export const fileKindSchema = z.enum(['package', 'pdf', 'spreadsheet', 'csv', 'backup', 'key-backup', 'identity-card', 'criteria-set']);

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

export const openFileArgsSchema = z.strictObject({ kind: fileKindSchema });

/** Several files at once: chosen together in one dialog, or every file of the kind in a folder (a USB stick's). */
export const openManyArgsSchema = z.strictObject({ kind: fileKindSchema, from: z.enum(['files', 'folder']) });

// Files by handle (contract.ts): a package of any size read and written a slice at a time.
/** Opaque and unguessable: the host makes one only for a file the person picked in its own dialog. */
const fileHandleSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a file handle');
const sliceBytesSchema = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SLICE_BYTES, `a slice is at most ${MAX_SLICE_BYTES} bytes`);
const fileOffsetSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const fileHandleArgsSchema = z.strictObject({ handle: fileHandleSchema });
export const readSliceArgsSchema = z.strictObject({ handle: fileHandleSchema, offset: fileOffsetSchema, length: z.number().int().min(1).max(MAX_SLICE_BYTES) });
export const beginSaveArgsSchema = saveFileArgsSchema.omit({ bytes: true });
export const appendSliceArgsSchema = z.strictObject({ handle: fileHandleSchema, bytes: sliceBytesSchema });
/** Overwrites bytes already appended (a zip entry's CRC-32 goes into its header after its data). */
export const patchSliceArgsSchema = z.strictObject({ handle: fileHandleSchema, offset: fileOffsetSchema, bytes: sliceBytesSchema });

/** A typed signing request (shared/crypto/sign-request.ts): the purpose is bound into the signature. */
export const signArgsSchema = z.strictObject({
  purpose: z.enum(SIGN_PURPOSES),
  data: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 64 * 1024 * 1024, 'data too large to sign'),
});

export const deriveArgsSchema = z.strictObject({
  /** The sender's ephemeral ECDH P-256 public key, SPKI DER. */
  peerPublicKey: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= 512, 'not a public key'),
});

/** Who this device's keys belong to, as the host records it: only a secretariat device may back its keys up. */
export const deviceRoleSchema = z.enum(['expert', 'secretariat']);

export const deviceRoleArgsSchema = z.strictObject({ role: deviceRoleSchema });

export const backupArgsSchema = z.strictObject({ passphrase: z.string().min(12).max(1024) });

export const restoreArgsSchema = z.strictObject({
  passphrase: z.string().min(1).max(1024),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 1024 * 1024, 'not a key backup file'),
});

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Largest journal record: its photos and files are blobs, sent beside it. */
const MAX_JOURNAL_RECORD_BYTES = 64 * 1024 * 1024;

export const journalAppendArgsSchema = z.strictObject({
  expectedSeq: z.number().int().min(0),
  expectedHash: sha256Hex,
  record: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_JOURNAL_RECORD_BYTES, 'record too large'),
  blobs: z.array(z.strictObject({ sha256: sha256Hex, bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'blob too large') })).max(100_000),
});

export const journalReadArgsSchema = z.strictObject({ afterSeq: z.number().int().min(0), maxBytes: z.number().int().min(1).max(256 * 1024 * 1024) });

export const journalBlobArgsSchema = z.strictObject({ sha256: sha256Hex });
