import { z } from 'zod';
import { bs } from '../crypto/buffer-source.js';
import { sha256 } from '../util/bytes.js';

/**
 * The whole-database backup file (`.zqabak`), format version 1. Layout, all lengths
 * unsigned 32-bit big-endian:
 *
 *   "ZQABAK" 0x00 0x01 | header length | header (canonical JSON, UTF-8) | ciphertext
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
export const BACKUP_MAGIC = new Uint8Array([0x5a, 0x51, 0x41, 0x42, 0x41, 0x4b, 0x00, 0x01]); // "ZQABAK\0\1"
export const BACKUP_FORMAT = 'zqa-database-backup';
export const BACKUP_FORMAT_VERSION = 1;
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
});
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

export type BackupErrorCode = 'not-a-backup' | 'unsupported-version' | 'newer-schema' | 'weak-or-excessive-kdf' | 'wrong-passphrase' | 'damaged';
export interface BackupError {
  code: BackupErrorCode;
  message: string;
}

export interface DerivedKeys {
  aesKey: CryptoKey;
  check: Uint8Array;
}

export async function deriveBackupKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<DerivedKeys> {
  const base = await crypto.subtle.importKey('raw', bs(new TextEncoder().encode(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: bs(salt), iterations }, base, 512));
  const aesKey = await crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { aesKey, check: await sha256(bits.slice(32)) };
}

// The byte helpers moved to shared/util/bytes.ts (the journal uses them without zod); kept here for the backup's own callers.
export { concatBytes, readU32, writeU32 } from '../util/bytes.js';
