import { bs, randomBytes } from '../../shared/crypto/buffer-source.js';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { concatBytes, sha256Hex, toBase64 } from '../../shared/util/bytes.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_ITERATIONS,
  BACKUP_MAGIC,
  backupStatement,
  deriveBackupKeys,
  writeU32,
  type BackupContents,
  type BackupHeader,
  type BackupManifest,
  type BackupSigningDevice,
} from '../../shared/backup/backup-format.js';
import { toPortable, type ByteSection } from '../../shared/backup/portable-value.js';

// The writer of backup format version 2 (one AES-GCM seal over the whole plaintext), as the
// app shipped it until version 3 (shared/backup/chunked-format.ts) replaced it. Kept with the
// tests so the version 2 reader, which still restores every existing backup, is tested
// against files exactly as they were written.

/** Builds the plaintext: manifest with a SHA-256 per table and per byte section, then the body. */
async function encodeBackupPlaintext(contents: BackupContents): Promise<Uint8Array> {
  const sections: ByteSection[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  const add = async (bytes: Uint8Array) => {
    const entry = { offset, length: bytes.byteLength, sha256: await sha256Hex(bytes) };
    parts.push(bytes);
    offset += bytes.byteLength;
    return entry;
  };
  const tables: BackupManifest['tables'] = [];
  const seen = new Set<string>();
  for (const table of contents.tables) {
    if (seen.has(table.name)) throw new Error(`table ${table.name} is listed twice`);
    seen.add(table.name);
    const rows = [];
    for (const [i, row] of table.rows.entries()) rows.push(await toPortable(row, sections, `${table.name}[${i}]`));
    tables.push({ name: table.name, count: rows.length, ...(await add(canonicalJsonBytes(rows))) });
  }
  const sectionEntries: BackupManifest['sections'] = [];
  for (const s of sections) sectionEntries.push({ kind: s.kind, type: s.type, ...(await add(s.bytes)) });
  const manifest: BackupManifest = {
    schemaVersion: contents.schemaVersion,
    createdAt: contents.createdAt,
    settings: await toPortable(contents.settings ?? null, [], 'settings'),
    tables,
    sections: sectionEntries,
  };
  const manifestBytes = canonicalJsonBytes(manifest);
  const length = new Uint8Array(4);
  writeU32(length, 0, manifestBytes.byteLength);
  return concatBytes([length, manifestBytes, ...parts]);
}

/**
 * Encrypts a whole-database backup under a passphrase into the bytes of a `.zqabak` file,
 * signed by the device that made it (backup-format.ts).
 */
export async function sealBackup(contents: BackupContents, passphrase: string, device: BackupSigningDevice, iterations = BACKUP_ITERATIONS): Promise<Uint8Array> {
  if (iterations < BACKUP_ITERATIONS) throw new Error(`PBKDF2 needs at least ${BACKUP_ITERATIONS} iterations`);
  const plaintext = await encodeBackupPlaintext(contents);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { aesKey, check } = await deriveBackupKeys(passphrase, salt, iterations);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    schemaVersion: contents.schemaVersion,
    createdAt: contents.createdAt,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-256-GCM', iv: toBase64(iv) },
    passphraseCheck: toBase64(check),
    signer: device.signer,
  };
  const headerBytes = canonicalJsonBytes(header);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: bs(iv), additionalData: bs(headerBytes) }, aesKey, bs(plaintext)));
  const length = new Uint8Array(4);
  writeU32(length, 0, headerBytes.byteLength);
  const signedPart = concatBytes([BACKUP_MAGIC, length, headerBytes, ciphertext]);
  const signature = rawSignatureToDer(await device.sign({ purpose: 'backup', data: await backupStatement(signedPart) }));
  const signatureLength = new Uint8Array(4);
  writeU32(signatureLength, 0, signature.byteLength);
  return concatBytes([signedPart, signature, signatureLength]);
}
