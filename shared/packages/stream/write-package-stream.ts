import { canonicalJsonBytes } from '../../util/canonical-json.js';
import { err, ok, type Result } from '../../util/result.js';
import type { Crc32Update } from '../crc32.js';
import { packageError, type PackageError } from '../errors.js';
import { CONTENT_ENTRY, MANIFEST_ENTRY, PACKAGE_FORMAT, SIGNATURE_ENTRY, STREAMED_FORMAT_VERSION, type Manifest, type PackageType } from '../manifest.js';
import { checkContentToWrite, filesMatchRefs, packageSetup, signManifest, type WritePackageInput } from '../write-package.js';
import { memorySource, type ByteSink, type ByteSource } from './byte-io.js';
import { CHUNK_BYTES, sealedSize, webCryptoChunkCipher, type ChunkCipherFactory } from './chunk-cipher.js';
import { sealEntry } from './sealed-entry.js';
import { softwareSha256, type Sha256Factory } from '../../util/sha256-stream.js';
import { StoredZipStream } from './zip-stream-write.js';

/** A file the content refers to, read a piece at a time (a File in the browser, a file handle in Node). */
export interface StreamedFile {
  entry: string;
  source: ByteSource;
}

export type StreamWriteInput<T extends PackageType> = Omit<WritePackageInput<T>, 'blobs'> & { blobs?: readonly StreamedFile[] };

export interface StreamWriteOptions {
  sink: ByteSink;
  /** A native incremental SHA-256 where the host has one; the portable one otherwise. */
  sha256?: Sha256Factory;
  /** A native CRC-32 likewise. */
  crc32?: Crc32Update;
  /** A native AES-GCM chunk cipher likewise (chunk-cipher.ts). */
  chunkCipher?: ChunkCipherFactory;
}

/**
 * Writes a package of format version 3 (docs/package-format.md §4) to a sink, holding no more
 * than one chunk of any file: each entry is read, sealed, hashed and written a chunk at a time,
 * the manifest (with every entry's SHA-256 as stored) and its signature last. A file that does
 * not match its reference is found while it is written: the result is then an error and what
 * reached the sink must be thrown away (hosts write to a temporary file and rename on success).
 */
export async function writePackageStream<T extends PackageType>(given: StreamWriteInput<T>, options: StreamWriteOptions): Promise<Result<{ manifest: Manifest; bytes: number }, PackageError>> {
  const checked = await checkContentToWrite(given);
  if (!checked.ok) return checked;
  const { input, refs } = checked.value;
  const files = new Map((given.blobs ?? []).map((b) => [b.entry, b.source]));
  const mismatch = filesMatchRefs(refs, new Map([...files].map(([entry, source]) => [entry, source.size])));
  if (mismatch) return err(mismatch);
  const setup = await packageSetup(input, STREAMED_FORMAT_VERSION);
  if (!setup.ok) return setup;
  const { sender, encrypted, packageId, createdAt, contentKey, recipients } = setup.value;

  const hash = options.sha256 ?? softwareSha256;
  const key = contentKey ? await (options.chunkCipher ?? webCryptoChunkCipher)(contentKey) : null;
  const zip = new StoredZipStream(options.sink, createdAt, options.crc32);
  const entries: Manifest['entries'] = [];
  const parts = [{ name: CONTENT_ENTRY, source: memorySource(canonicalJsonBytes(input.content)), sha256: null as string | null }, ...refs.map((r) => ({ name: r.entry, source: files.get(r.entry)!, sha256: r.sha256 }))];
  for (const part of parts) {
    const size = key ? sealedSize(part.source.size) : part.source.size;
    const stored = hash();
    const plain = hash();
    await zip.entry(part.name, size, async (put) => {
      const keep = async (bytes: Uint8Array) => {
        stored.update(bytes);
        await put(bytes);
      };
      if (key) {
        await sealEntry(key, part.name, part.source.size, (at, n) => part.source.read(at, n), async (sealed, p) => {
          plain.update(p);
          for (const piece of sealed) await keep(piece);
        });
      } else {
        for (let at = 0; at < part.source.size; at += CHUNK_BYTES) {
          const piece = await part.source.read(at, Math.min(CHUNK_BYTES, part.source.size - at));
          plain.update(piece);
          await keep(piece);
        }
      }
    });
    // The file changed since its reference was made (or was never the one referred to).
    if (part.sha256 !== null && plain.digestHex() !== part.sha256) return err(packageError('content-invalid', `file ${part.name} does not match its reference`));
    entries.push({ name: part.name, size, sha256: stored.digestHex() });
  }
  const signed = await signManifest(
    { format: PACKAGE_FORMAT, formatVersion: STREAMED_FORMAT_VERSION, type: input.type, packageId, revision: input.revision, supersedes: input.supersedes ?? null, subject: input.subject, createdAt: createdAt.toISOString(), sender, encrypted, recipients, entries },
    input.sender.keys,
  );
  if (!signed.ok) return signed;
  await zip.entry(MANIFEST_ENTRY, signed.value.manifestBytes.length, (put) => put(signed.value.manifestBytes));
  await zip.entry(SIGNATURE_ENTRY, signed.value.signature.length, (put) => put(signed.value.signature));
  return ok({ manifest: signed.value.manifest, bytes: await zip.finish() });
}
