import type { Crc32Update } from '../packages/crc32.js';
import type { ByteSource } from '../packages/stream/byte-io.js';
import { webCryptoChunkCipher, type ChunkCipher, type ChunkCipherFactory } from '../packages/stream/chunk-cipher.js';
import { openSealedEntry, sealedLayout } from '../packages/stream/sealed-entry.js';
import { entryReader } from '../packages/stream/zip-stream-read.js';
import { err, ok, type Result } from '../util/result.js';
import { softwareSha256, type Sha256Factory } from '../util/sha256-stream.js';
import type { BackupContents, BackupError } from './backup-format.js';
import type { BackupHead } from './backup-head.js';
import { backupIndexSchema, INDEX_ENTRY, MAX_JSON_ENTRY_BYTES, type BackupIndex } from './chunked-format.js';
import { parseJson, openBackup, unlockBackup, type OpenBackupOptions } from './open-backup.js';
import { decodePortable, fromPortable, PORTABLE_TAG, type PortableJson } from './portable-value.js';

export type OpenStreamOptions = OpenBackupOptions & { chunkCipher?: ChunkCipherFactory; sha256?: Sha256Factory; crc32?: Crc32Update };

const damaged = (why: string) => err<BackupError>({ code: 'damaged', message: `the backup file is damaged or was altered: ${why}` });

/**
 * Opens a backup whose head (backup-head.ts) was read and whose signature holds: version 2 as
 * it always was, version 3 entry by entry from `source`. Each Blob comes back grown a chunk at
 * a time (a Blob of a Blob and a chunk refers to the first: Chromium keeps large ones on
 * disk), so the page holds the rows and a chunk, not the photos. Nothing is written anywhere:
 * the caller restores the contents in one transaction only once every entry has passed.
 */
export async function openBackupFrom(source: ByteSource, head: BackupHead, passphrase: string, options: OpenStreamOptions): Promise<Result<BackupContents, BackupError>> {
  if (head.version === 2) return openBackup(head.bytes, passphrase, options);
  const { manifest, records } = head;
  const raw = await unlockBackup(manifest, passphrase, options);
  if (!raw.ok) return raw;
  const cipher = await (options.chunkCipher ?? webCryptoChunkCipher)(raw.value);
  const read = (name: string, put: (plain: Uint8Array) => void) => readEntry(source, head, cipher, options, name, put);

  const index = await readJson(read, INDEX_ENTRY, records.get(INDEX_ENTRY)?.size);
  if (!index.ok) return index;
  const parsedIndex = backupIndexSchema.safeParse(index.value);
  if (!parsedIndex.success) return damaged(`its index is unreadable (${parsedIndex.error.issues[0]?.message ?? 'bad shape'})`);
  const listed = listedOnce(parsedIndex.data, manifest.entries.map((e) => e.name));
  if (listed) return damaged(listed);

  const sections: Blob[] = [];
  for (const s of parsedIndex.data.sections) {
    let blob = new Blob([], { type: s.type });
    let size = 0;
    const opened = await read(s.entry, (plain) => {
      size += plain.length;
      blob = new Blob([blob, plain as Uint8Array<ArrayBuffer>], { type: s.type });
    });
    if (!opened.ok) return opened;
    if (size !== s.size) return damaged(`"${s.entry}" holds ${size} bytes, its index says ${s.size}`);
    sections.push(blob);
  }
  // Byte arrays (a received package's bytes, a key's) come back as arrays, as IndexedDB gave them.
  const values: unknown[] = [];
  for (const [i, s] of parsedIndex.data.sections.entries()) {
    const blob = sections[i]!;
    values.push(s.kind === 'blob' ? blob : s.kind === 'bytes' ? new Uint8Array(await blob.arrayBuffer()) : await blob.arrayBuffer());
  }
  const resolve = (tag: Record<string, PortableJson>) => {
    const i = tag['i'];
    if (tag[PORTABLE_TAG] !== 'section' || typeof i !== 'number' || !(i in values)) throw new Error(`a record refers to ${JSON.stringify(tag)}, which the backup lacks`);
    const value = values[i];
    return value instanceof Uint8Array ? value.slice() : value instanceof ArrayBuffer ? value.slice(0) : value;
  };

  const tables: BackupContents['tables'] = [];
  const names = new Set<string>();
  for (const t of parsedIndex.data.tables) {
    if (names.has(t.name)) return damaged(`table ${t.name} is listed twice`);
    names.add(t.name);
    const rows = await readJson(read, t.entry, records.get(t.entry)?.size);
    if (!rows.ok) return rows;
    if (!Array.isArray(rows.value) || rows.value.length !== t.count) return damaged(`table ${t.name} does not hold the ${t.count} rows its index states`);
    try {
      tables.push({ name: t.name, rows: rows.value.map((r) => decodePortable(r as PortableJson, resolve)) });
    } catch (e) {
      return damaged(`table ${t.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let settings: unknown;
  try {
    settings = fromPortable(parsedIndex.data.settings as PortableJson, []);
  } catch {
    return damaged('its settings are unreadable');
  }
  return ok({ schemaVersion: manifest.schemaVersion, createdAt: manifest.createdAt, settings, tables });
}

/** Every entry the manifest signed is the index or named once by it, and it names no other. */
function listedOnce(index: BackupIndex, signed: readonly string[]): string | null {
  const named = [INDEX_ENTRY, ...index.sections.map((s) => s.entry), ...index.tables.map((t) => t.entry)];
  if (new Set(named).size !== named.length) return 'its index names an entry twice';
  const missing = named.find((n) => !signed.includes(n));
  if (missing) return `its index names "${missing}", which the file does not hold`;
  if (named.length !== signed.length) return 'the file holds entries its index does not name';
  return null;
}

type ReadEntry = (name: string, put: (plain: Uint8Array) => void) => Promise<Result<null, BackupError>>;

/** A sealed entry holding JSON (the index, a table), decrypted into memory and parsed. */
async function readJson(read: ReadEntry, name: string, storedBytes: number | undefined): Promise<Result<unknown, BackupError>> {
  const layout = sealedLayout(name, storedBytes ?? 0);
  if (!layout.ok) return damaged(layout.error.detail);
  if (layout.value.plainBytes > MAX_JSON_ENTRY_BYTES) return damaged(`"${name}" would be ${layout.value.plainBytes} bytes decrypted, more than ${MAX_JSON_ENTRY_BYTES}`);
  const bytes = new Uint8Array(layout.value.plainBytes);
  let at = 0;
  const opened = await read(name, (plain) => {
    bytes.set(plain, at);
    at += plain.length;
  });
  if (!opened.ok) return opened;
  const json = parseJson(bytes);
  return json === undefined ? damaged(`"${name}" is not JSON`) : ok(json);
}

/**
 * One entry read front to back: each chunk opened (tag, place, finality) and handed to `put`,
 * the CRC-32 and the SHA-256 as stored checked against the signed manifest at the end. A chunk
 * that does not open is named (swapped, moved from another entry, cut short), and the rest of
 * the entry is still read so the message also says whether the copy itself changed (its CRC-32,
 * its signed hash) or was made so by someone holding the device's key (neither).
 */
async function readEntry(source: ByteSource, head: BackupHead & { version: 3 }, cipher: ChunkCipher, options: OpenStreamOptions, name: string, put: (plain: Uint8Array) => void): Promise<Result<null, BackupError>> {
  const record = head.records.get(name);
  const listed = head.manifest.entries.find((e) => e.name === name);
  if (!record || !listed) return damaged(`"${name}" is missing`);
  const stored = (options.sha256 ?? softwareSha256)();
  const reader = entryReader(source, record, (b) => stored.update(b), options.crc32);
  const opened = await openSealedEntry(cipher, name, record.size, (at, n) => reader.read(at, n), put);
  if (!opened.ok) await reader.drain();
  const crc = reader.finish();
  const problems = [
    !opened.ok && opened.error.detail,
    !crc.ok && crc.error.detail,
    stored.digestHex() !== listed.sha256 && `"${name}" does not match its SHA-256 in the signed manifest`,
  ].filter((p) => typeof p === 'string');
  return problems.length === 0 ? ok(null) : damaged(problems.join('; '));
}
