import { randomBytes } from '../crypto/buffer-source.js';
import { rawSignatureToDer } from '../crypto/ecdsa-signature.js';
import type { Crc32Update } from '../packages/crc32.js';
import type { ByteSink } from '../packages/stream/byte-io.js';
import { CHUNK_BYTES, sealedSize, webCryptoChunkCipher, type ChunkCipherFactory } from '../packages/stream/chunk-cipher.js';
import { sealEntry } from '../packages/stream/sealed-entry.js';
import { StoredZipStream } from '../packages/stream/zip-stream-write.js';
import { canonicalJsonBytes } from '../util/canonical-json.js';
import { toBase64 } from '../util/bytes.js';
import { softwareSha256, type Sha256Factory } from '../util/sha256-stream.js';
import { BACKUP_FORMAT, BACKUP_ITERATIONS, deriveBackupKeyBits, type BackupContents, type BackupSigningDevice } from './backup-format.js';
import {
  BACKUP_MANIFEST_ENTRY,
  BACKUP_SIGNATURE_ENTRY,
  blobEntryName,
  CHUNKED_BACKUP_VERSION,
  chunkedBackupStatement,
  INDEX_ENTRY,
  tableEntryName,
  type BackupIndex,
  type BackupManifestV3,
} from './chunked-format.js';
import { encodePortable, PORTABLE_TAG, type BinaryValue } from './portable-value.js';

export interface BackupStreamOptions {
  iterations?: number;
  /** Native implementations where the host has them (Node's, in tests and benches); WebCrypto's and the portable ones otherwise. */
  chunkCipher?: ChunkCipherFactory;
  sha256?: Sha256Factory;
  crc32?: Crc32Update;
}

/** One sealed entry's plaintext: its size, and a reader of it a piece at a time. */
interface Plain {
  name: string;
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

const inMemory = (name: string, bytes: Uint8Array): Plain => ({ name, size: bytes.length, read: (at, n) => Promise.resolve(bytes.subarray(at, at + n)) });

/** A Blob read a slice at a time: only the slice asked for is ever in memory. */
function fromBlob(name: string, blob: Blob): Plain {
  return {
    name,
    size: blob.size,
    async read(at, n) {
      const bytes = new Uint8Array(await blob.slice(at, at + n).arrayBuffer());
      if (bytes.length !== n) throw new Error(`${name}: read ${bytes.length} of ${n} bytes at ${at}`);
      return bytes;
    },
  };
}

/**
 * The rows as portable JSON (portable-value.ts), each Blob or byte array met replaced by a
 * reference to a byte section. A Blob is kept as the Blob (read later, a slice at a time); a
 * byte array is copied now, so the backup holds it as it was when the rows were read.
 */
function encodeRows(contents: BackupContents) {
  const sections: { plain: Plain; kind: BinaryValue['kind']; type: string }[] = [];
  const onBinary = (binary: BinaryValue) => {
    const name = blobEntryName(sections.length);
    const tag = { [PORTABLE_TAG]: 'section', i: sections.length };
    if (binary.kind === 'blob') sections.push({ plain: fromBlob(name, binary.value), kind: 'blob', type: binary.value.type });
    else if (binary.kind === 'bytes') sections.push({ plain: inMemory(name, binary.value.slice()), kind: 'bytes', type: '' });
    else sections.push({ plain: inMemory(name, new Uint8Array(binary.value.slice(0))), kind: 'buffer', type: '' });
    return tag;
  };
  const seen = new Set<string>();
  const tables = contents.tables.map((table, t) => {
    if (seen.has(table.name)) throw new Error(`table ${table.name} is listed twice`);
    seen.add(table.name);
    const rows = table.rows.map((row, i) => encodePortable(row, onBinary, `${table.name}[${i}]`));
    return { name: table.name, count: rows.length, plain: inMemory(tableEntryName(t), canonicalJsonBytes(rows)) };
  });
  const settings = encodePortable(contents.settings ?? null, () => {
    throw new Error('settings: binary values are not kept in the settings');
  }, 'settings');
  return { sections, tables, settings };
}

/**
 * Writes a whole-database backup, format version 3 (chunked-format.ts), to `sink` a chunk at
 * a time: each Blob is read a slice at a time, sealed and written before the next slice is
 * read, so memory holds the rows and a chunk or two, whatever the photos weigh. Returns the
 * file's size. Throws on a value that cannot be stored (a CryptoKey in a row, by its path):
 * the caller aborts the sink, so no partial file is left.
 */
export async function writeBackupStream(contents: BackupContents, passphrase: string, device: BackupSigningDevice, sink: ByteSink, options: BackupStreamOptions = {}): Promise<number> {
  const iterations = options.iterations ?? BACKUP_ITERATIONS;
  if (iterations < BACKUP_ITERATIONS) throw new Error(`PBKDF2 needs at least ${BACKUP_ITERATIONS} iterations`);
  const { sections, tables, settings } = encodeRows(contents);
  const index: BackupIndex = {
    settings,
    tables: tables.map((t) => ({ name: t.name, count: t.count, entry: t.plain.name })),
    sections: sections.map((s) => ({ kind: s.kind, type: s.type, size: s.plain.size, entry: s.plain.name })),
  };
  const salt = randomBytes(16);
  const { raw, check } = await deriveBackupKeyBits(passphrase, salt, iterations);
  const cipher = await (options.chunkCipher ?? webCryptoChunkCipher)(raw);
  const hash = options.sha256 ?? softwareSha256;
  const zip = new StoredZipStream(sink, new Date(contents.createdAt), options.crc32);

  const entries: BackupManifestV3['entries'] = [];
  for (const plain of [inMemory(INDEX_ENTRY, canonicalJsonBytes(index)), ...sections.map((s) => s.plain), ...tables.map((t) => t.plain)]) {
    const stored = hash();
    const size = sealedSize(plain.size);
    await zip.entry(plain.name, size, (put) =>
      sealEntry(cipher, plain.name, plain.size, (at, n) => plain.read(at, n), async (sealed) => {
        for (const piece of sealed) {
          stored.update(piece);
          await put(piece);
        }
      }),
    );
    entries.push({ name: plain.name, size, sha256: stored.digestHex() });
  }
  const manifest: BackupManifestV3 = {
    format: BACKUP_FORMAT,
    version: CHUNKED_BACKUP_VERSION,
    schemaVersion: contents.schemaVersion,
    createdAt: contents.createdAt,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-256-GCM', chunkBytes: CHUNK_BYTES },
    passphraseCheck: toBase64(check),
    signer: device.signer,
    entries,
  };
  const manifestBytes = canonicalJsonBytes(manifest);
  const signature = rawSignatureToDer(await device.sign({ purpose: 'backup', data: await chunkedBackupStatement(manifestBytes) }));
  await zip.entry(BACKUP_MANIFEST_ENTRY, manifestBytes.length, (put) => put(manifestBytes));
  await zip.entry(BACKUP_SIGNATURE_ENTRY, signature.length, (put) => put(signature));
  return zip.finish();
}
