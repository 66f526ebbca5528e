import { z } from 'zod';
import type { PackageLimits } from '../packages/limits.js';
import { CHUNK_BYTES } from '../packages/stream/chunk-cipher.js';
import { concatBytes, sha256 } from '../util/bytes.js';
import { BACKUP_FORMAT, backupHeaderSchema } from './backup-format.js';

/**
 * The whole-database backup, format version 3 (docs/backup.md): written and read a chunk at a
 * time, so neither the page nor the host ever holds the whole database. A `.zqabak` of this
 * version is a zip of stored entries with the package container's fixed layout
 * (docs/package-format.md §2), in this order:
 *
 *   index          sealed: canonical JSON of BackupIndex (tables, byte sections, settings)
 *   blobs/NNNN     sealed: one per Blob or byte array met in a row (photos byte for byte)
 *   tables/NNNN    sealed: canonical JSON array of one table's rows (portable-value.ts)
 *   manifest.json  clear: canonical JSON of BackupManifest, the header and each entry's SHA-256
 *   manifest.sig   the device's signature (purpose `backup`) over "ZQABAK" 0 3 ‖ SHA-256(manifest.json)
 *
 * Every sealed entry is cut into 1 MiB chunks each sealed with AES-256-GCM under the key PBKDF2
 * derives from the passphrase, the entry's name, the chunk's index and whether it is the last
 * bound in as additional data (shared/packages/stream/chunk-cipher.ts, the packages' one chunk
 * cipher): a chunk moved, swapped with another entry's, or an entry cut short does not open.
 * The manifest is signed, so the SHA-256 of every entry as stored, the header and who made it
 * are checked before the passphrase is asked and before anything reaches the database.
 */
export const CHUNKED_BACKUP_VERSION = 3;
export const INDEX_ENTRY = 'index';
export const BACKUP_MANIFEST_ENTRY = 'manifest.json';
export const BACKUP_SIGNATURE_ENTRY = 'manifest.sig';
export const blobEntryName = (i: number) => `blobs/${String(i + 1).padStart(4, '0')}`;
export const tableEntryName = (i: number) => `tables/${String(i + 1).padStart(4, '0')}`;

/** What a version 3 statement starts with: the backup magic with version 3. */
const STATEMENT_MAGIC = new Uint8Array([0x5a, 0x51, 0x41, 0x42, 0x41, 0x4b, 0x00, CHUNKED_BACKUP_VERSION]);

/** What the device signs for a version 3 backup (purpose `backup`): the magic, then the SHA-256 of manifest.json. */
export async function chunkedBackupStatement(manifestBytes: Uint8Array): Promise<Uint8Array> {
  return concatBytes([STATEMENT_MAGIC, await sha256(manifestBytes)]);
}

/**
 * The container's limits for a backup: as large as a zip without zip64 (4 GiB, 65 535 entries),
 * an entry as large as the file; only manifest.json is parsed before the signature is checked.
 */
export const BACKUP_ZIP_LIMITS: PackageLimits = {
  maxFileBytes: 0xffffffff,
  maxEntryBytes: 0xffffffff,
  maxTotalBytes: 0xffffffff,
  maxEntries: 0xffff,
  maxManifestBytes: 16 * 1024 * 1024,
  maxContentJsonBytes: 0,
};
/** The decrypted index and each table's JSON are parsed in memory: they hold rows, not photos. */
export const MAX_JSON_ENTRY_BYTES = 512 * 1024 * 1024;

const header = backupHeaderSchema.shape;
export const backupManifestV3Schema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(CHUNKED_BACKUP_VERSION),
  schemaVersion: header.schemaVersion,
  createdAt: header.createdAt,
  kdf: header.kdf,
  cipher: z.strictObject({ name: z.literal('AES-256-GCM'), chunkBytes: z.literal(CHUNK_BYTES) }),
  passphraseCheck: header.passphraseCheck,
  signer: header.signer,
  entries: z.array(z.strictObject({ name: z.string().min(1).max(64), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(0xffff - 2),
});
export type BackupManifestV3 = z.infer<typeof backupManifestV3Schema>;

export const backupIndexSchema = z.strictObject({
  settings: z.unknown(),
  tables: z.array(z.strictObject({ name: z.string().min(1).max(200), count: z.number().int().min(0), entry: z.string() })).max(1000),
  sections: z.array(z.strictObject({ kind: z.enum(['blob', 'bytes', 'buffer']), type: z.string().max(300), size: z.number().int().min(0), entry: z.string() })),
});
export type BackupIndex = z.infer<typeof backupIndexSchema>;
