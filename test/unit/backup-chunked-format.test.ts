import { describe, expect, it } from 'vitest';
import { readBackupHead } from '../../shared/backup/backup-head.js';
import type { BackupContents, BackupSigningDevice } from '../../shared/backup/backup-format.js';
import { BACKUP_ZIP_LIMITS, chunkedBackupStatement } from '../../shared/backup/chunked-format.js';
import { openBackupFrom } from '../../shared/backup/open-backup-stream.js';
import { writeBackupStream } from '../../shared/backup/write-backup-stream.js';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { signRequestProblem } from '../../shared/crypto/sign-request.js';
import { MemorySink, memorySource } from '../../shared/packages/stream/byte-io.js';
import { CHUNK_BYTES, CHUNK_OVERHEAD } from '../../shared/packages/stream/chunk-cipher.js';
import { StoredZipStream } from '../../shared/packages/stream/zip-stream-write.js';
import { readStoredZip, type ZipEntry } from '../../shared/packages/zip-read.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { testBackupDevice } from './backup-test-device.js';
import { sealBackup } from '../support/seal-backup-v2.js';

const PASS = '分块备份口令 chunked 2026';
const SEALED_CHUNK = CHUNK_BYTES + CHUNK_OVERHEAD;

/** Bytes that differ from chunk to chunk, so a moved chunk is a real change. */
const pattern = (length: number, seed: number) => new Uint8Array(length).map((_, i) => (i * 131 + seed * 17 + (i >> 20)) % 251);

function contents(): BackupContents {
  return {
    schemaVersion: 1,
    createdAt: '2026-12-01T08:00:00.000Z',
    settings: { language: 'zh-CN', fontSize: 18, lastFolder: null },
    tables: [
      { name: 'reviews', rows: [{ id: 'r1', nested: { a: [1, { b: '质量' }] }, gone: undefined, when: new Date('2026-12-01T09:00:00Z'), odd: { $zqa: 'section', i: 0 } }] },
      {
        name: 'attachments',
        rows: [
          // Four chunks, the last one short; then two of the same size, for chunks swapped between entries.
          { id: 'a1', blob: new Blob([pattern(3 * CHUNK_BYTES + 5, 1)], { type: 'image/jpeg' }) },
          { id: 'a2', blob: new Blob([pattern(3 * CHUNK_BYTES + 5, 2)], { type: 'image/png' }), raw: new Uint8Array([9, 8]), buffer: new Uint8Array([7]).buffer },
          { id: 'a3', blob: new Blob([], { type: '' }), inf: Number.NEGATIVE_INFINITY },
        ],
      },
      { name: 'empty', rows: [] },
    ],
  };
}

let written: { file: Uint8Array; device: BackupSigningDevice } | undefined;
/** One backup of contents(), written once (PBKDF2's 600 000 iterations take a while). */
async function backup() {
  if (!written) {
    const device = await testBackupDevice('王芳', 'secretariat');
    const sink = new MemorySink();
    const size = await writeBackupStream(contents(), PASS, device, sink);
    written = { file: sink.bytes(), device };
    expect(written.file.length).toBe(size);
  }
  return written;
}

async function open(file: Uint8Array, passphrase = PASS) {
  const source = memorySource(file);
  const head = await readBackupHead(source);
  if (!head.ok) return head;
  return openBackupFrom(source, head.value, passphrase, { maxSchemaVersion: 1 });
}

const failure = async (file: Uint8Array) => {
  const opened = await open(file);
  return opened.ok ? 'opened' : `${opened.error.code}: ${opened.error.message}`;
};

/**
 * The backup's zip rewritten with its entries changed by `change`; the manifest kept as signed,
 * or listing the changed entries and signed again by `resign` (as a thief of the device's key
 * could: then only the chunks' own binding stands between the change and the database).
 */
async function rewrite(file: Uint8Array, change: (entries: ZipEntry[]) => ZipEntry[], resign?: BackupSigningDevice): Promise<Uint8Array> {
  const all = readStoredZip(file, BACKUP_ZIP_LIMITS);
  if (!all.ok) throw new Error(all.error.message);
  const body = change(all.value.filter((e) => !e.name.startsWith('manifest.')));
  let manifest = all.value.find((e) => e.name === 'manifest.json')!.data;
  let signature = all.value.find((e) => e.name === 'manifest.sig')!.data;
  if (resign) {
    const parsed = JSON.parse(new TextDecoder().decode(manifest)) as Record<string, unknown>;
    parsed['entries'] = await Promise.all(body.map(async (e) => ({ name: e.name, size: e.data.length, sha256: await sha256Hex(e.data) })));
    manifest = canonicalJsonBytes(parsed);
    signature = rawSignatureToDer(await resign.sign({ purpose: 'backup', data: await chunkedBackupStatement(manifest) }));
  }
  const sink = new MemorySink();
  const zip = new StoredZipStream(sink, new Date());
  for (const e of [...body, { name: 'manifest.json', data: manifest }, { name: 'manifest.sig', data: signature }]) await zip.entry(e.name, e.data.length, (put) => put(e.data));
  await zip.finish();
  return sink.bytes();
}

const chunksOf = (data: Uint8Array) => Array.from({ length: Math.ceil(data.length / SEALED_CHUNK) }, (_, i) => data.subarray(i * SEALED_CHUNK, (i + 1) * SEALED_CHUNK));
const joined = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const withEntry = (name: string, data: (old: Uint8Array, all: ZipEntry[]) => Uint8Array) => (entries: ZipEntry[]) => entries.map((e) => (e.name === name ? { name, data: data(e.data, entries) } : e));

describe('database backup, format version 3 (chunked)', { timeout: 120_000 }, () => {
  it('round-trips every value IndexedDB keeps, Blobs of several chunks byte for byte, and shows nothing but the manifest in clear', async () => {
    const { file } = await backup();
    const opened = await open(file);
    if (!opened.ok) throw new Error(opened.error.message);
    const { tables, settings, schemaVersion, createdAt } = opened.value;
    expect({ schemaVersion, createdAt, settings }).toEqual({ schemaVersion: 1, createdAt: '2026-12-01T08:00:00.000Z', settings: { language: 'zh-CN', fontSize: 18, lastFolder: null } });
    expect(tables.map((t) => [t.name, t.rows.length])).toEqual([['reviews', 1], ['attachments', 3], ['empty', 0]]);
    const review = tables[0]!.rows[0] as Record<string, unknown>;
    expect(review).toEqual({ id: 'r1', nested: { a: [1, { b: '质量' }] }, gone: undefined, when: new Date('2026-12-01T09:00:00Z'), odd: { $zqa: 'section', i: 0 } });
    expect('gone' in review).toBe(true);
    const [a1, a2, a3] = tables[1]!.rows as Record<string, unknown>[];
    for (const [row, seed, type] of [[a1, 1, 'image/jpeg'], [a2, 2, 'image/png']] as const) {
      const blob = row!['blob'] as Blob;
      expect(blob).toBeInstanceOf(Blob);
      expect(blob.type).toBe(type);
      expect(await sha256Hex(new Uint8Array(await blob.arrayBuffer()))).toBe(await sha256Hex(pattern(3 * CHUNK_BYTES + 5, seed)));
    }
    expect(a2!['raw']).toEqual(new Uint8Array([9, 8]));
    expect(a2!['buffer']).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(a2!['buffer'] as ArrayBuffer)]).toEqual([7]);
    expect((a3!['blob'] as Blob).size).toBe(0);
    expect(a3!['inf']).toBe(Number.NEGATIVE_INFINITY);

    // A zip of stored entries, manifest and signature last; no table name or setting in clear.
    const zip = readStoredZip(file, BACKUP_ZIP_LIMITS);
    expect(zip.ok && zip.value.map((e) => e.name)).toEqual(['index', 'blobs/0001', 'blobs/0002', 'blobs/0003', 'blobs/0004', 'blobs/0005', 'tables/0001', 'tables/0002', 'tables/0003', 'manifest.json', 'manifest.sig']);
    expect(zip.ok && zip.value[1]!.data.length).toBe(3 * CHUNK_BYTES + 5 + 4 * CHUNK_OVERHEAD);
    const text = new TextDecoder().decode(file);
    for (const secret of ['reviews', 'attachments', 'fontSize', '质量', 'image/jpeg']) expect(text).not.toContain(secret);
    const head = await readBackupHead(memorySource(file));
    expect(head.ok && head.value.signer).toMatchObject({ name: '王芳', role: 'secretariat' });
    expect(head.ok && head.value.version).toBe(3);
  });

  it('refuses a wrong passphrase, a newer schema, a foreign zip and a file cut short, each with its own code', async () => {
    const { file } = await backup();
    const wrong = await open(file, 'wrong');
    expect(!wrong.ok && wrong.error.code).toBe('wrong-passphrase');
    const head = await readBackupHead(memorySource(file));
    if (!head.ok) throw new Error(head.error.message);
    const newer = await openBackupFrom(memorySource(file), head.value, PASS, { maxSchemaVersion: 0 });
    expect(!newer.ok && newer.error.code).toBe('newer-schema');
    expect(await failure(file.subarray(0, file.length - 10))).toMatch(/^damaged: the backup file is damaged/);
    expect(await failure(file.subarray(0, 3 * SEALED_CHUNK))).toMatch(/^damaged/);
    const foreign = await rewriteManifest(file, '{"format":"zqa-package"}');
    expect(await failure(foreign)).toMatch(/^not-a-backup/);
    expect(await failure(new TextEncoder().encode('plain text, not a backup'))).toMatch(/^not-a-backup/);
  });

  it('refuses an altered manifest (signature), and entries reordered or dropped, before the passphrase is tried', async () => {
    const { file, device } = await backup();
    const altered = await rewriteManifest(file, (m) => m.replace('"iterations":600000', '"iterations":600001'));
    expect(await failure(altered)).toMatch(/^bad-signature/);
    const reordered = await rewrite(file, (entries) => [entries[0]!, entries[2]!, entries[1]!, ...entries.slice(3)]);
    expect(await failure(reordered)).toMatch(/^damaged: .*are not the ones its manifest lists/);
    const dropped = await rewrite(file, (entries) => entries.filter((e) => e.name !== 'blobs/0003'));
    expect(await failure(dropped)).toMatch(/^damaged: .*are not the ones its manifest lists/);
    // Signed again by the device itself, a dropped entry still does not pass the index.
    expect(await failure(await rewrite(file, (entries) => entries.filter((e) => e.name !== 'blobs/0003'), device))).toMatch(/^damaged: .*index names "blobs\/0003"/);
  });

  it('refuses chunks swapped, moved from another entry, or an entry cut short, naming the chunk, even when the manifest is signed again', async () => {
    const { file, device } = await backup();
    const swapped = withEntry('blobs/0001', (old) => {
      const c = chunksOf(old);
      return joined([c[1]!, c[0]!, ...c.slice(2)]);
    });
    const fromOther = withEntry('blobs/0001', (old, all) => {
      const other = chunksOf(all.find((e) => e.name === 'blobs/0002')!.data);
      const c = chunksOf(old);
      return joined([c[0]!, other[1]!, ...c.slice(2)]);
    });
    const cutShort = withEntry('blobs/0001', (old) => joined(chunksOf(old).slice(0, 3)));
    const hashFails = /does not match its SHA-256 in the signed manifest/;
    // As the file came (manifest untouched), and with the manifest signed again to fit the change.
    const cases: [string, (e: ZipEntry[]) => ZipEntry[], RegExp[], RegExp][] = [
      ['two chunks swapped', swapped, [/"blobs\/0001": chunk 1 of 4 does not decrypt \(altered, moved, or from another entry\)/, hashFails], /"blobs\/0001": chunk 1 of 4 does not decrypt \(altered, moved, or from another entry\)/],
      ['a chunk of another entry', fromOther, [/"blobs\/0001": chunk 2 of 4 does not decrypt/, hashFails], /"blobs\/0001": chunk 2 of 4 does not decrypt/],
      ['the last chunk dropped', cutShort, [/"blobs\/0001" is 3145812 bytes, its manifest says 3145845/], /"blobs\/0001": chunk 3 of 3 is not marked as the last: the entry was cut short/],
    ];
    for (const [what, change, asCame, message] of cases) {
      const unsigned = await failure(await rewrite(file, change));
      for (const m of asCame) expect(unsigned, what).toMatch(m);
      const resigned = await failure(await rewrite(file, change, device));
      expect(resigned, `${what}, signed again`).toMatch(message);
      expect(resigned, `${what}, signed again`).toMatch(/^damaged: the backup file is damaged or was altered/);
      expect(resigned, `${what}, signed again`).not.toMatch(hashFails);
    }
    // A byte flipped inside a chunk: the copy is damaged (its hash), and the chunk is named.
    const flipped = file.slice();
    flipped[100_000]! ^= 1;
    expect(await failure(flipped)).toMatch(/^damaged: .*chunk 1 of 4 does not decrypt.*CRC-32 mismatch; "blobs\/0001" does not match its SHA-256/);
  });

  it('the host signs as `backup` a version 3 statement (manifest digest), and no later version', async () => {
    const statement = await chunkedBackupStatement(new TextEncoder().encode('{"format":"zqa-database-backup"}'));
    expect([...statement.subarray(0, 8)]).toEqual([0x5a, 0x51, 0x41, 0x42, 0x41, 0x4b, 0, 3]);
    expect(signRequestProblem({ purpose: 'backup', data: statement })).toBeNull();
    const later = statement.slice();
    later[7] = 4;
    expect(signRequestProblem({ purpose: 'backup', data: later })).toMatch(/backup/);
  });

  it('still reads version 2, written by the writer the app shipped before', async () => {
    const v2 = await sealBackup(contents(), PASS, await testBackupDevice());
    expect(new TextDecoder().decode(v2.subarray(0, 6))).toBe('ZQABAK');
    expect(v2[7]).toBe(2);
    const head = await readBackupHead(memorySource(v2));
    expect(head.ok && head.value.version).toBe(2);
    const opened = await open(v2);
    if (!opened.ok) throw new Error(opened.error.message);
    const a1 = (opened.value.tables[1]!.rows[0] as Record<string, unknown>)['blob'] as Blob;
    expect(await sha256Hex(new Uint8Array(await a1.arrayBuffer()))).toBe(await sha256Hex(pattern(3 * CHUNK_BYTES + 5, 1)));
    const unsigned = v2.slice();
    unsigned[7] = 1;
    expect(await failure(unsigned)).toMatch(/^unsigned/);
  });
});

/** The backup with its manifest.json replaced (by text, or changed by a function), the signature kept. */
async function rewriteManifest(file: Uint8Array, change: string | ((manifest: string) => string)): Promise<Uint8Array> {
  const all = readStoredZip(file, BACKUP_ZIP_LIMITS);
  if (!all.ok) throw new Error(all.error.message);
  const sink = new MemorySink();
  const zip = new StoredZipStream(sink, new Date());
  for (const e of all.value) {
    const text = new TextDecoder().decode(e.data);
    const data = e.name === 'manifest.json' ? new TextEncoder().encode(typeof change === 'string' ? change : change(text)) : e.data;
    await zip.entry(e.name, data.length, (put) => put(data));
  }
  await zip.finish();
  return sink.bytes();
}
