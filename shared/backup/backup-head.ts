import { verifyPurposeSignature } from '../crypto/verify-signature.js';
import { fingerprintOf } from '../identity/fingerprint.js';
import type { PackageError } from '../packages/errors.js';
import type { ByteSource } from '../packages/stream/byte-io.js';
import { entryReader, readZipDirectoryFrom } from '../packages/stream/zip-stream-read.js';
import type { ZipRecord } from '../packages/zip-read.js';
import { startsWithLocalHeader } from '../packages/zip-read.js';
import { bytesEqual, fromBase64 } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import { BACKUP_FORMAT, BACKUP_MAGIC_STEM, type BackupError, type BackupErrorCode } from './backup-format.js';
import { BACKUP_MANIFEST_ENTRY, BACKUP_SIGNATURE_ENTRY, BACKUP_ZIP_LIMITS, backupManifestV3Schema, CHUNKED_BACKUP_VERSION, chunkedBackupStatement, type BackupManifestV3 } from './chunked-format.js';
import { parseJson, verifyBackupSignature, type VerifiedSigner } from './open-backup.js';

/**
 * A chosen backup file with its signature checked, before the passphrase is asked: who made
 * it and when, and what else its version needs to open it. Version 2 (one AES-GCM seal over
 * the whole plaintext) is read whole, as it always was; version 3 only its zip directory and
 * signed manifest, the entries later, a chunk at a time (open-backup-stream.ts).
 */
export type BackupHead = { createdAt: string; schemaVersion: number; signer: VerifiedSigner } & (
  | { version: 2; bytes: Uint8Array }
  | { version: 3; manifest: BackupManifestV3; records: ReadonlyMap<string, ZipRecord> }
);

const fail = (code: BackupErrorCode, message: string) => err<BackupError>({ code, message });
const damagedContainer = (e: PackageError) => fail('damaged', `the backup file is damaged: ${e.detail}`);

/** Reads which version a backup file is and checks its signature; nothing is decrypted. */
export async function readBackupHead(source: ByteSource): Promise<Result<BackupHead, BackupError>> {
  const head = await source.read(0, Math.min(8, source.size));
  if (startsWithLocalHeader(head)) return readChunkedHead(source);
  if (head.length > 0 && bytesEqual(head.subarray(0, BACKUP_MAGIC_STEM.length), BACKUP_MAGIC_STEM.subarray(0, Math.min(head.length, BACKUP_MAGIC_STEM.length)))) {
    const bytes = await source.read(0, source.size);
    const verified = await verifyBackupSignature(bytes);
    if (!verified.ok) return verified;
    const { header, signer } = verified.value;
    return ok({ version: 2, bytes, createdAt: header.createdAt, schemaVersion: header.schemaVersion, signer });
  }
  return fail('not-a-backup', 'not a database backup file (.zqabak): its first bytes are wrong');
}

async function readChunkedHead(source: ByteSource): Promise<Result<BackupHead, BackupError>> {
  const placed = await readZipDirectoryFrom(source, BACKUP_ZIP_LIMITS);
  if (!placed.ok) return damagedContainer(placed.error);
  const records = new Map(placed.value.map((r) => [r.name, r]));
  const small = async (name: string): Promise<Uint8Array | null> => {
    const record = records.get(name);
    if (!record || record.size > BACKUP_ZIP_LIMITS.maxManifestBytes) return null;
    const reader = entryReader(source, record, () => undefined);
    const bytes = (await reader.read(0, record.size)).slice();
    return reader.finish().ok ? bytes : null;
  };
  const manifestBytes = await small(BACKUP_MANIFEST_ENTRY);
  const json = manifestBytes && (parseJson(manifestBytes) as { format?: unknown; version?: unknown } | undefined);
  // A zip that is not ours (a review package, say) is not a backup; ours, damaged, is.
  if (!json || json.format !== BACKUP_FORMAT) {
    return manifestBytes ? fail('not-a-backup', 'not a database backup file (.zqabak): a zip without a backup manifest') : fail('damaged', `the backup file is damaged: ${BACKUP_MANIFEST_ENTRY} is missing or unreadable`);
  }
  if (json.version !== CHUNKED_BACKUP_VERSION) return fail('unsupported-version', `backup format version ${String(json.version)} is not supported (this program reads versions 2 and 3)`);
  const signature = await small(BACKUP_SIGNATURE_ENTRY);
  if (!signature || signature.length > 80) return fail('bad-signature', 'the backup file has no readable signature: it is damaged or was altered');
  const parsed = backupManifestV3Schema.safeParse(json);
  if (!parsed.success) return fail('damaged', `the backup file is damaged: its manifest is unreadable (${parsed.error.issues[0]?.message ?? 'bad shape'})`);
  const manifest = parsed.data;
  let spki: Uint8Array;
  try {
    spki = fromBase64(manifest.signer.signingKey);
  } catch {
    return fail('bad-signature', 'the backup names its signer with an unreadable key');
  }
  const checked = await verifyPurposeSignature(spki, { purpose: 'backup', data: await chunkedBackupStatement(manifestBytes) }, signature);
  if (!checked.ok) return fail('bad-signature', `the backup's signature does not verify (${checked.error}): it is damaged or was altered`);
  // The file holds exactly the signed entries, in the signed order and sizes, then the manifest and its signature.
  const expected = [...manifest.entries.map((e) => e.name), BACKUP_MANIFEST_ENTRY, BACKUP_SIGNATURE_ENTRY];
  const found = placed.value.map((r) => r.name);
  if (found.length !== expected.length || found.some((name, i) => name !== expected[i])) return fail('damaged', `the backup file is damaged: its entries (${found.join(', ')}) are not the ones its manifest lists`);
  const resized = manifest.entries.find((e) => records.get(e.name)!.size !== e.size);
  if (resized) return fail('damaged', `the backup file is damaged: "${resized.name}" is ${records.get(resized.name)!.size} bytes, its manifest says ${resized.size}`);
  const signer = { ...manifest.signer, fingerprint: await fingerprintOf(spki) };
  return ok({ version: 3, manifest, records, createdAt: manifest.createdAt, schemaVersion: manifest.schemaVersion, signer });
}
