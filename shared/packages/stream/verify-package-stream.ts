import { err, ok, type Result } from '../../util/result.js';
import { softwareSha256, type Sha256Factory } from '../../util/sha256-stream.js';
import type { Crc32Update } from '../crc32.js';
import { packageError, type PackageError } from '../errors.js';
import { STREAMED_PACKAGE_LIMITS } from '../limits.js';
import { STREAMED_FORMAT_VERSION } from '../manifest.js';
import { checkEntryLayout, type SignedManifest, type VerifyOptions } from '../signed-manifest.js';
import { verifyPackage } from '../verify-package.js';
import type { ByteSource } from './byte-io.js';
import { CHUNK_BYTES } from './chunk-cipher.js';
import { readWhole } from './read-whole.js';
import { readSignedHead } from './signed-head.js';
import { entryReader } from './zip-stream-read.js';

export type StreamVerifyOptions = VerifyOptions & { sha256?: Sha256Factory; crc32?: Crc32Update };

/**
 * verifyPackage, reading the file a piece at a time: everything that can be checked without
 * a private key (steps 1 to 6 of docs/package-format.md §7), each entry's CRC-32 and SHA-256
 * as stored computed over pieces of 1 MiB, none of it kept: resident memory does not grow
 * with the package. Version 2 is read whole, within the in-memory limits, by verifyPackage.
 */
export async function verifyPackageStream(source: ByteSource, options: StreamVerifyOptions): Promise<Result<SignedManifest, PackageError>> {
  const limits = options.limits ?? STREAMED_PACKAGE_LIMITS;
  const head = await readSignedHead(source, options, limits);
  if (!head.ok) return head;
  const { placed, records, signed } = head.value;
  const { manifest } = signed;
  if (manifest.formatVersion !== STREAMED_FORMAT_VERSION) return verifyWhole(source, options);
  const layout = checkEntryLayout(manifest, placed.map((r) => r.name));
  if (!layout.ok) return layout;
  const hash = options.sha256 ?? softwareSha256;
  for (const listed of manifest.entries) {
    const record = records.get(listed.name)!;
    if (record.size !== listed.size) return err(packageError('entry-altered', `"${listed.name}" is ${record.size} bytes, the manifest lists ${listed.size}`));
    const stored = hash();
    const reader = entryReader(source, record, (b) => stored.update(b), options.crc32);
    // The next piece is asked for before this one is hashed: the read and the hash overlap.
    let ahead: Promise<unknown> = Promise.resolve();
    for (let at = 0; at < record.size; at += CHUNK_BYTES) {
      const next = reader.read(at, Math.min(CHUNK_BYTES, record.size - at));
      await ahead;
      ahead = next;
    }
    await ahead;
    const crc = reader.finish();
    if (!crc.ok) return crc;
    if (stored.digestHex() !== listed.sha256) return err(packageError('entry-altered', `"${listed.name}" does not match its SHA-256 in the manifest`));
  }
  return ok(signed);
}

async function verifyWhole(source: ByteSource, options: StreamVerifyOptions): Promise<Result<SignedManifest, PackageError>> {
  const whole = await readWhole(source, options.limits ?? STREAMED_PACKAGE_LIMITS);
  if (!whole.ok) return whole;
  const verified = await verifyPackage(whole.value.bytes, { ...options, limits: whole.value.limits });
  if (!verified.ok) return verified;
  const { entries: _entries, ...signed } = verified.value;
  return ok(signed);
}
