import { err, ok, type Result } from '../../util/result.js';
import type { BlobRef } from '../content/common.js';
import { contentRules } from '../content/registry.js';
import type { Crc32Update } from '../crc32.js';
import { packageError, type PackageError } from '../errors.js';
import { importPackage, type ImportedPackage, type ImportOptions } from '../import-package.js';
import { DEFAULT_PACKAGE_LIMITS, STREAMED_PACKAGE_LIMITS } from '../limits.js';
import { CONTENT_ENTRY, seriesIdOf, STREAMED_FORMAT_VERSION } from '../manifest.js';
import { blobMismatch, contentKeyFor, readContent } from '../open-package.js';
import { classifyRevision } from '../revision.js';
import { checkAgainstHeldScoresheet } from '../score-history.js';
import { checkEntryLayout } from '../signed-manifest.js';
import type { ZipRecord } from '../zip-read.js';
import type { ByteSource } from './byte-io.js';
import { CHUNK_BYTES, webCryptoChunkCipher, type ChunkCipherFactory } from './chunk-cipher.js';
import { openSealedEntry, sealedLayout } from './sealed-entry.js';
import { softwareSha256, type Sha256Factory } from '../../util/sha256-stream.js';
import { readSignedHead } from './signed-head.js';
import { entryReader } from './zip-stream-read.js';
import { readWhole } from './read-whole.js';

/**
 * Where the decrypted files of a package go as they are read: in the app, a Blob per
 * attachment for the database; in Node, a file. A writer is finished only when the whole
 * package has been checked; on a refusal every writer begun is discarded.
 */
export interface AttachmentStore<T> {
  begin(ref: BlobRef): AttachmentWriter<T>;
}

export interface AttachmentWriter<T> {
  write(plain: Uint8Array): Promise<void>;
  finish(): Promise<T>;
  discard(): Promise<void>;
}

/** With a native SHA-256, CRC-32 and chunk cipher where the host has them (the portable ones otherwise). */
export type StreamImportOptions = ImportOptions & { sha256?: Sha256Factory; crc32?: Crc32Update; chunkCipher?: ChunkCipherFactory };

/** What importPackage returns, the files as the store made them instead of bytes in memory. */
export type StreamImportedPackage<T> = WithoutBlobs<ImportedPackage> & { blobs: ReadonlyMap<string, T> };

/** Omit, once per member of the union, so the type still tells the content's shape. */
type WithoutBlobs<P> = P extends unknown ? Omit<P, 'blobs' | 'entries'> : never;

const fail = (code: PackageError['code'], detail: string) => err(packageError(code, detail));

/**
 * importPackage, reading the file a piece at a time: the directory, the manifest and its
 * signature, then each entry chunk by chunk (CRC-32, SHA-256 as stored, tag and SHA-256 of
 * the plaintext checked on the way), content.json before the files so each file is held to
 * its reference as it is written to the store. Resident memory is one chunk and the content,
 * whatever the file's size. Version 2 (whole entries) and panel returns (nested packages) are
 * read whole, within the in-memory limits, and handed to the store after every check.
 */
export async function importPackageStream<T>(source: ByteSource, options: StreamImportOptions, store: AttachmentStore<T>): Promise<Result<StreamImportedPackage<T>, PackageError>> {
  const limits = options.limits ?? STREAMED_PACKAGE_LIMITS;
  const head = await readSignedHead(source, options, limits);
  if (!head.ok) return head;
  const { placed, records, signed } = head.value;
  const { manifest } = signed;
  if (manifest.formatVersion !== STREAMED_FORMAT_VERSION || manifest.type === 'panel-return') return importWhole(source, options, store);
  const layout = checkEntryLayout(manifest, placed.map((r) => r.name));
  if (!layout.ok) return layout;
  const seriesId = seriesIdOf(manifest);
  const disposition = classifyRevision(manifest, signed.manifestSha256, await options.history.latest(seriesId));
  if (!disposition.ok) return disposition;
  const contentKey = await contentKeyFor(manifest, options.keys);
  if (!contentKey.ok) return contentKey;
  const key = contentKey.value ? await (options.chunkCipher ?? webCryptoChunkCipher)(contentKey.value) : null;
  const hash = options.sha256 ?? softwareSha256;

  /** One listed entry, read once: plaintext to `put`, then CRC-32 and SHA-256 as stored checked. */
  const readListed = async (name: string, put: (plain: Uint8Array) => Promise<void> | void): Promise<Result<null, PackageError>> => {
    const listed = manifest.entries.find((e) => e.name === name)!;
    const record: ZipRecord = records.get(name)!;
    if (record.size !== listed.size) return fail('entry-altered', `"${name}" is ${record.size} bytes, the manifest lists ${listed.size}`);
    const stored = hash();
    const reader = entryReader(source, record, (b) => stored.update(b), options.crc32);
    let opened: Result<unknown, PackageError> = ok(null);
    if (key) {
      opened = await openSealedEntry(key, name, record.size, (at, n) => reader.read(at, n), put);
      // A damaged copy is named as such (as the in-memory reader does, which checks hashes
      // first), not as a chunk that does not decrypt: read the rest to tell them apart.
      if (!opened.ok) await reader.drain();
    } else {
      for (let at = 0; at < record.size; at += CHUNK_BYTES) await put(await reader.read(at, Math.min(CHUNK_BYTES, record.size - at)));
    }
    const crc = reader.finish();
    if (!crc.ok) return crc;
    if (stored.digestHex() !== listed.sha256) return fail('entry-altered', `"${name}" does not match its SHA-256 in the manifest`);
    return opened.ok ? ok(null) : opened;
  };

  const contentRecord = records.get(CONTENT_ENTRY)!;
  const contentPlain = key ? sealedLayout(CONTENT_ENTRY, contentRecord.size) : ok({ plainBytes: contentRecord.size });
  if (!contentPlain.ok) return contentPlain;
  if (contentPlain.value.plainBytes > limits.maxContentJsonBytes) return fail('entry-too-large', `${CONTENT_ENTRY} is ${contentPlain.value.plainBytes} bytes, limit ${limits.maxContentJsonBytes}`);
  const contentBytes = new Uint8Array(contentPlain.value.plainBytes);
  let filled = 0;
  const readOne = await readListed(CONTENT_ENTRY, (p) => {
    contentBytes.set(p, filled);
    filled += p.length;
  });
  if (!readOne.ok) return readOne;
  const content = await readContent(contentBytes, manifest, limits);
  if (!content.ok) return content;
  if (content.value.typed.type === 'scoresheet' && options.held) {
    const against = await checkAgainstHeldScoresheet(content.value.typed.content, manifest.revision, options.held);
    if (!against.ok) return against;
  }

  const writers: AttachmentWriter<T>[] = [];
  try {
    const blobs = new Map<string, T>();
    for (const ref of content.value.refs) {
      const writer = store.begin(ref);
      writers.push(writer);
      const plain = hash();
      let size = 0;
      const read = await readListed(ref.entry, async (p) => {
        plain.update(p);
        size += p.length;
        await writer.write(p);
      });
      if (!read.ok) return read;
      if (size !== ref.size || plain.digestHex() !== ref.sha256) return fail('content-invalid', blobMismatch(ref));
    }
    for (const [i, ref] of content.value.refs.entries()) blobs.set(ref.entry, await writers[i]!.finish());
    writers.length = 0;
    return ok({ manifest, manifestSha256: signed.manifestSha256, signer: signed.signer, senderName: signed.senderName, assignment: signed.assignment, ...content.value.typed, seriesId, disposition: disposition.value, blobs });
  } finally {
    // Reached with writers left only on a refusal or a throw: nothing half-read is kept.
    for (const w of writers) await w.discard();
  }
}

/** Version 2, or a panel return: read whole (within the in-memory limits), then stored. */
async function importWhole<T>(source: ByteSource, options: StreamImportOptions, store: AttachmentStore<T>): Promise<Result<StreamImportedPackage<T>, PackageError>> {
  const whole = await readWhole(source, options.limits ?? DEFAULT_PACKAGE_LIMITS);
  if (!whole.ok) return whole;
  const imported = await importPackage(whole.value.bytes, { ...options, limits: whole.value.limits });
  if (!imported.ok) return imported;
  const { blobs, entries: _entries, ...rest } = imported.value;
  const stored = new Map<string, T>();
  for (const ref of contentRules(rest.type).blobs(rest.content)) {
    const writer = store.begin(ref);
    await writer.write(blobs.get(ref.entry)!);
    stored.set(ref.entry, await writer.finish());
  }
  return ok({ ...rest, blobs: stored });
}
