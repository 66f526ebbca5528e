import { err, ok, type Result } from '../../util/result.js';
import type { Crc32Update } from '../crc32.js';
import { packageError, type PackageError } from '../errors.js';
import type { PackageLimits } from '../limits.js';
import { MANIFEST_ENTRY, SIGNATURE_ENTRY } from '../manifest.js';
import { checkSignedManifest, type SignedManifest, type VerifyOptions } from '../signed-manifest.js';
import type { ZipRecord } from '../zip-read.js';
import type { ByteSource } from './byte-io.js';
import { entryReader, readZipDirectoryFrom } from './zip-stream-read.js';

export interface SignedHead {
  /** The entries in file order, their data not yet read. */
  placed: ZipRecord[];
  records: ReadonlyMap<string, ZipRecord>;
  signed: SignedManifest;
}

/**
 * Steps 1 to 5 of docs/package-format.md §7 read from a source without reading the entries'
 * data: the container's directory and layout, then manifest.json and manifest.sig (each at
 * most the manifest limit, CRC-32 checked) and everything checkSignedManifest checks. What
 * the streamed verifier and importer both start with, so they refuse alike.
 */
export async function readSignedHead(source: ByteSource, options: VerifyOptions & { crc32?: Crc32Update }, limits: PackageLimits): Promise<Result<SignedHead, PackageError>> {
  const placed = await readZipDirectoryFrom(source, limits);
  if (!placed.ok) return placed;
  const records = new Map(placed.value.map((r) => [r.name, r]));
  const small = async (name: string): Promise<Result<Uint8Array, PackageError>> => {
    const record = records.get(name);
    if (!record) return err(packageError('entry-missing', name));
    if (record.size > limits.maxManifestBytes) return err(packageError('entry-too-large', `${name} is ${record.size} bytes, limit ${limits.maxManifestBytes}`));
    const reader = entryReader(source, record, () => undefined, options.crc32);
    const bytes = (await reader.read(0, record.size)).slice();
    const crc = reader.finish();
    return crc.ok ? ok(bytes) : crc;
  };
  const manifestBytes = await small(MANIFEST_ENTRY);
  if (!manifestBytes.ok) return manifestBytes;
  const signature = await small(SIGNATURE_ENTRY);
  if (!signature.ok) return signature;
  const signed = await checkSignedManifest(manifestBytes.value, signature.value, { ...options, limits });
  if (!signed.ok) return signed;
  return ok({ placed: placed.value, records, signed: signed.value });
}
