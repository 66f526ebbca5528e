import { z } from 'zod';
import { bs } from '../crypto/buffer-source.js';
import type { SignRequest } from '../crypto/sign-request.js';
import { concatBytes, sha256 } from '../util/bytes.js';

/**
 * The whole-database backup file (`.zqabak`), format version 2: read (an existing backup still
 * restores), no longer written; the app writes version 3 (chunked-format.ts, docs/backup.md).
 * What both versions share lives here too: the header's fields, PBKDF2, the error codes. Layout, all lengths
 * unsigned 32-bit big-endian:
 *
 *   signed part = "ZQABAK" 0x00 0x02 | header length | header (canonical JSON, UTF-8) | ciphertext
 *   file        = signed part | signature (DER, low S) | signature length
 *
 * The device that made the backup signs it (purpose `backup`, shared/crypto/sign-request.ts)
 * over the statement "ZQABAK" 0x00 0x02 | SHA-256(signed part); the header names that device
 * (`signer`: its signing key, name and role), so a restore checks the signature with the key
 * in the header, before the passphrase is even asked, and shows who made the file. Version 1
 * files carried no signature: they are refused as `unsigned` (docs/security.md).
 *
 * The header is in clear so the program can say "made by a newer version" or "weak KDF"
 * before asking anything; it is the AES-GCM additional data, so it cannot be altered
 * unnoticed. It holds { format, version, schemaVersion, createdAt, kdf: { PBKDF2,
 * SHA-256, iterations ≥ 600 000, salt }, cipher: { AES-256-GCM, iv }, passphraseCheck }.
 * PBKDF2 gives 512 bits: the first 256 are the AES key, SHA-256 of the other 256 is the
 * passphrase check, which tells a wrong passphrase apart from a damaged file.
 *
 * The plaintext is   manifest length | manifest (canonical JSON) | body
 * where the manifest lists each table { name, count, offset, length, sha256 } (the body
 * slice is the canonical JSON array of its rows, in the portable form of portable-value.ts)
 * and each byte section { kind, type, offset, length, sha256 } (photos and other Blobs),
 * plus the app settings. Every SHA-256 is checked on opening.
 */
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_MAGIC = new Uint8Array([0x5a, 0x51, 0x41, 0x42, 0x41, 0x4b, 0x00, BACKUP_FORMAT_VERSION]); // "ZQABAK\0\2"
/** The magic's first seven bytes, the same in every version; the eighth is the version. */
export const BACKUP_MAGIC_STEM = BACKUP_MAGIC.subarray(0, 7);
export const BACKUP_FORMAT = 'zqa-database-backup';
/** A DER ECDSA P-256 signature is at most 72 bytes; anything longer is damage. */
export const MAX_SIGNATURE_BYTES = 80;
export const BACKUP_ITERATIONS = 600_000;
/** Opening refuses more: a hostile file must not make us spin for minutes. */
export const MAX_BACKUP_ITERATIONS = 10_000_000;
export const MAX_HEADER_BYTES = 64 * 1024;

const b64 = z.string().max(4096);
export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string().max(64),
  kdf: z.strictObject({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int(), salt: b64 }),
  cipher: z.strictObject({ name: z.literal('AES-256-GCM'), iv: b64 }),
  passphraseCheck: b64,
  /** The device that made and signed the backup, as its profile named it then. */
  signer: z.strictObject({ signingKey: b64, name: z.string().max(200), role: z.enum(['expert', 'secretariat']).nullable() }),
});
export type BackupSigner = BackupHeader['signer'];

/** The device making a backup: who it says it is, and its key holder's `sign` (raw r‖s). */
export interface BackupSigningDevice {
  signer: BackupSigner;
  sign(request: SignRequest): Promise<Uint8Array>;
}
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

const slice = { offset: z.number().int().min(0), length: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) };
export const backupManifestSchema = z.strictObject({
  schemaVersion: z.number().int().min(1),
  createdAt: z.string().max(64),
  settings: z.unknown(),
  tables: z.array(z.strictObject({ name: z.string().min(1).max(200), count: z.number().int().min(0), ...slice })).max(1000),
  sections: z.array(z.strictObject({ kind: z.enum(['blob', 'bytes', 'buffer']), type: z.string().max(300), ...slice })),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** What a backup holds, as the database gave it (rows with real Blobs, Dates, byte arrays). */
export interface BackupContents {
  /** The database schema version (Dexie `verno`) the rows are in. */
  schemaVersion: number;
  createdAt: string;
  /** The app settings (language, font size …); never keys. */
  settings: unknown;
  tables: { name: string; rows: unknown[] }[];
}

export type BackupErrorCode = 'not-a-backup' | 'unsigned' | 'bad-signature' | 'unsupported-version' | 'newer-schema' | 'weak-or-excessive-kdf' | 'wrong-passphrase' | 'damaged';
export interface BackupError {
  code: BackupErrorCode;
  message: string;
}

export interface DerivedKeys {
  aesKey: CryptoKey;
  check: Uint8Array;
}

/**
 * PBKDF2's 512 bits from the passphrase: the first 256 are the key (raw, for version 3's chunk
 * cipher), SHA-256 of the other 256 the passphrase check. Every version derives them alike.
 */
export async function deriveBackupKeyBits(passphrase: string, salt: Uint8Array, iterations: number): Promise<{ raw: Uint8Array; check: Uint8Array }> {
  const base = await crypto.subtle.importKey('raw', bs(new TextEncoder().encode(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: bs(salt), iterations }, base, 512));
  return { raw: bits.slice(0, 32), check: await sha256(bits.slice(32)) };
}

/** Version 2's keys: the same bits, the AES key imported whole (one AES-GCM seal over the plaintext). */
export async function deriveBackupKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<DerivedKeys> {
  const { raw, check } = await deriveBackupKeyBits(passphrase, salt, iterations);
  const aesKey = await crypto.subtle.importKey('raw', bs(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { aesKey, check };
}

// The byte helpers moved to shared/util/bytes.ts (the journal uses them without zod); kept here for the backup's own callers.
export { readU32, writeU32 } from '../util/bytes.js';

/** What the device signs for a backup (purpose `backup`): the magic, then the SHA-256 of the file's signed part. */
export async function backupStatement(signedPart: Uint8Array): Promise<Uint8Array> {
  return concatBytes([BACKUP_MAGIC, await sha256(signedPart)]);
}
