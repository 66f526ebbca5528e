import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeJournalFiles } from '../../electron/journal/node-journal-files.js';
import type { JournalFiles } from '../../shared/journal/journal-files.js';
import { blobRefTag, encodeJournalRecord, type JournalOp } from '../../shared/journal/journal-record.js';
import { JournalState, parseCheckpointBody } from '../../shared/journal/journal-state.js';
import { JournalStore, type JournalHead } from '../../shared/journal/journal-store.js';
import { parseJournalRecord } from '../../shared/journal/journal-record.js';
import { chainHash, chainHashOfAppend, GENESIS_HASH } from '../../shared/journal/segment-format.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zqa-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const record = (ops: JournalOp[], reset = false) => encodeJournalRecord({ v: 1, schema: 5, at: '2026-11-30T08:00:00.000Z', reset, ops });
const note = (id: string, text: string): JournalOp => ({ t: 'notes', put: [[id, { id, text }]] });
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function appendAll(store: JournalStore, ops: JournalOp[][]): Promise<JournalHead> {
  for (const o of ops) {
    const h = store.head();
    const out = await store.append({ expectedSeq: h.seq, expectedHash: h.hash, record: record(o), blobs: [] });
    expect(out.status).toBe('appended');
  }
  return store.head();
}

/** Every record read back from the start, folded. */
async function foldAll(store: JournalStore): Promise<JournalState> {
  const out = await store.read(0, 1 << 30);
  const state = out.checkpoint ? JournalState.fromBody(parseCheckpointBody(out.checkpoint.body)) : new JournalState();
  for (const r of out.records) state.apply(parseJournalRecord(r.record), r.seq, r.hash);
  return state;
}

const segmentFiles = () => readdirSync(dir).filter((n) => /^journal-\d{12}\.zqj$/.test(n)).sort();

describe('the chain hash of an append', () => {
  it('is the same in script (small records) as with WebCrypto (the check at open), and as SHA-256(prevHash ‖ u32 seq ‖ record)', async () => {
    let prev = GENESIS_HASH;
    // Sizes around SHA-256's 64-byte blocks and padding, and beyond the script hash's limit (WebCrypto then).
    for (const [seq, size] of [[1, 0], [2, 27], [3, 28], [4, 55], [5, 56], [6, 64], [7, 1000], [0xfffffffe, 65536], [9, 65537], [10, 300_000]] as const) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 131 + seq) & 0xff);
      const expected = createHash('sha256').update(Buffer.from(prev, 'hex')).update(new Uint8Array([seq >>> 24, (seq >>> 16) & 0xff, (seq >>> 8) & 0xff, seq & 0xff])).update(bytes).digest('hex');
      expect(await chainHashOfAppend(prev, seq, bytes)).toBe(expected);
      expect(await chainHash(prev, seq, bytes)).toBe(expected);
      prev = expected;
    }
  });
});

describe('the journal store on real files', () => {
  it('appends hash-chained records, reads them back, and opens again at the same head', async () => {
    const files = await nodeJournalFiles(dir);
    const store = await JournalStore.open(files);
    expect(store.head()).toMatchObject({ seq: 0, hash: GENESIS_HASH });
    const head = await appendAll(store, [[note('a', '优势一')], [note('b', '改进机会')], [{ t: 'notes', del: ['a'] }]]);
    expect(head.seq).toBe(3);
    await store.close();
    const again = await JournalStore.open(await nodeJournalFiles(dir));
    expect(again.head()).toEqual(head);
    const state = (await foldAll(again)).toBody();
    expect(state.tables).toEqual({ notes: [['b', { id: 'b', text: '改进机会' }]] });
  });

  it('refuses an append that does not build on the head, and a malformed record, writing nothing', async () => {
    const store = await JournalStore.open(await nodeJournalFiles(dir));
    await appendAll(store, [[note('a', 'x')]]);
    const size = readFileSync(join(dir, segmentFiles()[0]!)).byteLength;
    const stale = await store.append({ expectedSeq: 0, expectedHash: GENESIS_HASH, record: record([note('b', 'y')]), blobs: [] });
    expect(stale).toMatchObject({ status: 'stale', head: { seq: 1 } });
    const head = store.head();
    await expect(store.append({ expectedSeq: head.seq, expectedHash: head.hash, record: new TextEncoder().encode('{"v":1}'), blobs: [] })).rejects.toThrow(/schema/);
    await expect(store.append({ expectedSeq: head.seq, expectedHash: head.hash, record: record([{ t: 'notes', put: [[{ x: 1 }, 1]] }]), blobs: [] })).rejects.toThrow(/valid key/);
    expect(readFileSync(join(dir, segmentFiles()[0]!)).byteLength).toBe(size);
  });

  it('keeps each blob once by SHA-256 and refuses a record whose blob it does not have', async () => {
    const store = await JournalStore.open(await nodeJournalFiles(dir));
    const photo = new Uint8Array(5000).map((_, i) => (i * 31) % 251);
    const ref = blobRefTag({ sha256: sha(photo), size: photo.byteLength, kind: 'blob', type: 'image/jpeg' });
    const put = (id: string): JournalOp[] => [{ t: 'attachments', put: [[id, { id, blob: ref }]] }];
    let h = store.head();
    expect(await store.append({ expectedSeq: h.seq, expectedHash: h.hash, record: record(put('p1')), blobs: [] })).toEqual({ status: 'missing-blobs', sha256s: [sha(photo)] });
    await expect(store.append({ expectedSeq: h.seq, expectedHash: h.hash, record: record(put('p1')), blobs: [{ sha256: sha(photo), bytes: photo.slice(1) }] })).rejects.toThrow(/another SHA-256/);
    expect(await store.append({ expectedSeq: h.seq, expectedHash: h.hash, record: record(put('p1')), blobs: [{ sha256: sha(photo), bytes: photo }] })).toMatchObject({ status: 'appended', seq: 1 });
    h = store.head();
    // The same photo attached again: no bytes sent, none stored twice.
    expect(await store.append({ expectedSeq: h.seq, expectedHash: h.hash, record: record(put('p2')), blobs: [] })).toMatchObject({ status: 'appended', seq: 2 });
    expect(readdirSync(join(dir, 'blobs'))).toEqual([sha(photo)]);
    const back = await store.blob(sha(photo));
    expect(new Uint8Array(back instanceof Uint8Array ? back : await back.arrayBuffer())).toEqual(photo);
  });

  it('cuts off a frame torn by a crash (cut short, or zeros the OS extended the file with) and goes on after the last whole record', async () => {
    const store = await JournalStore.open(await nodeJournalFiles(dir));
    const head = await appendAll(store, [[note('a', '1')], [note('b', '2')], [note('c', '3')]]);
    await store.close();
    const file = join(dir, segmentFiles()[0]!);
    const whole = readFileSync(file).byteLength;
    // A frame whose length says 400 bytes, of which 30 reached the disk.
    const torn = new Uint8Array(38);
    new DataView(torn.buffer).setUint32(0, 400);
    appendFileSync(file, torn);
    const reopened = await JournalStore.open(await nodeJournalFiles(dir));
    expect(reopened.head()).toMatchObject({ seq: 3, hash: head.hash, tornTailBytes: 38, damage: null });
    expect(readFileSync(file).byteLength).toBe(whole);
    await appendAll(reopened, [[note('d', '4')]]);
    await reopened.close();
    appendFileSync(file, new Uint8Array(4096));
    const third = await JournalStore.open(await nodeJournalFiles(dir));
    expect(third.head()).toMatchObject({ seq: 4, tornTailBytes: 4096, damage: null });
    expect(Object.keys((await foldAll(third)).toBody().tables['notes']!)).toHaveLength(4);
  });

  it('reports a damaged record in the middle, sets the bad file aside, and goes on from the last good record', async () => {
    const store = await JournalStore.open(await nodeJournalFiles(dir));
    await appendAll(store, [[note('a', 'first')], [note('b', 'second')], [note('c', 'third')]]);
    await store.close();
    const file = join(dir, segmentFiles()[0]!);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('second'));
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file, bytes);
    const reopened = await JournalStore.open(await nodeJournalFiles(dir));
    expect(reopened.head().seq).toBe(1);
    expect(reopened.head().damage).toMatch(/record 1/);
    expect(readdirSync(dir).some((n) => n.includes('.damaged-'))).toBe(true);
    await appendAll(reopened, [[note('d', 'after')]]);
    await reopened.close();
    const third = await JournalStore.open(await nodeJournalFiles(dir));
    expect(third.head()).toMatchObject({ seq: 2, damage: null });
  });

  it('rotates segments, flushing every append and the folder for each new segment, and checks the chain across them', async () => {
    const real = await nodeJournalFiles(dir);
    const calls = { flush: 0, syncFolder: 0 };
    const spy: JournalFiles = {
      ...real,
      openAppend: async (name) => {
        const f = await real.openAppend(name);
        return { ...f, flush: () => (calls.flush++, f.flush()) };
      },
      syncFolder: () => (calls.syncFolder++, real.syncFolder()),
    };
    const store = await JournalStore.open(spy, undefined, { rotateBytes: 600 });
    const many = Array.from({ length: 12 }, (_, i) => [note(`n${i}`, '现场观察'.repeat(20))]);
    const head = await appendAll(store, many);
    const segments = segmentFiles();
    expect(segments.length).toBeGreaterThan(3);
    // One flush per append plus one per new segment's header; the folder after each new segment.
    expect(calls.flush).toBe(12 + segments.length);
    expect(calls.syncFolder).toBe(segments.length);
    await store.close();
    expect((await JournalStore.open(await nodeJournalFiles(dir))).head()).toMatchObject({ seq: 12, hash: head.hash, damage: null });
    // A segment in the middle replaced by one that does not continue the chain.
    const middle = join(dir, segments[1]!);
    const bytes = readFileSync(middle);
    const at = bytes.indexOf(Buffer.from('"prevHash":"')) + 12;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    writeFileSync(middle, bytes);
    const broken = await JournalStore.open(await nodeJournalFiles(dir));
    expect(broken.head().damage).toMatch(/does not continue/);
    expect(broken.head().seq).toBeLessThan(12);
  });

  it('compacts into checkpoints kept in generations, never overwritten, and rebuilds from the newest with the records after it', async () => {
    const store = await JournalStore.open(await nodeJournalFiles(dir), undefined, { rotateBytes: 400, generations: 3 });
    const seqs: number[] = [];
    for (let round = 0; round < 5; round++) {
      await appendAll(store, [[note(`r${round}`, `round ${round}`)], [{ t: 'itemScores', put: [[['rev', '4.1.2'], { percent: round * 5 }]] }]]);
      expect(await store.compact()).toBe(true);
      expect(await store.compact()).toBe(false);
      seqs.push(store.head().seq);
    }
    await appendAll(store, [[note('tail', 'after the last checkpoint')]]);
    const checkpoints = readdirSync(dir).filter((n) => n.startsWith('checkpoint-')).sort();
    expect(checkpoints).toEqual(seqs.slice(-3).map((s) => `checkpoint-${String(s).padStart(12, '0')}.zqc`));
    // Segments before the oldest kept checkpoint are gone; what is kept still rolls forward.
    expect(segmentFiles()[0]! >= `journal-${String(seqs.at(-3)! + 1).padStart(12, '0')}.zqj`).toBe(true);
    const read = await store.read(0);
    expect(read.checkpoint?.seq).toBe(seqs.at(-1));
    expect(read.records.map((r) => r.seq)).toEqual([store.head().seq]);
    const state = (await foldAll(store)).toBody();
    expect(state.tables['notes']!.map(([k]) => k)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'tail']);
    expect(state.tables['itemScores']).toEqual([[['rev', '4.1.2'], { percent: 20 }]]);
    // The newest generation damaged: the one before it and the records after it give the same state.
    const newest = join(dir, checkpoints.at(-1)!);
    const bytes = readFileSync(newest);
    bytes[bytes.byteLength - 3] = bytes[bytes.byteLength - 3]! ^ 1;
    writeFileSync(newest, bytes);
    const reopened = await JournalStore.open(await nodeJournalFiles(dir));
    const fallback = await reopened.read(0);
    expect(fallback.checkpoint?.seq).toBe(seqs.at(-2));
    expect((await foldAll(reopened)).toBody().tables).toEqual(state.tables);
  });

  it('lets go of blobs no kept checkpoint or record refers to', async () => {
    const store = await JournalStore.open(await nodeJournalFiles(dir), undefined, { generations: 1 });
    const a = new Uint8Array([1, 2, 3]);
    const b = new Uint8Array([4, 5, 6]);
    const put = (id: string, bytes: Uint8Array): JournalOp[] => [{ t: 'attachments', put: [[id, { blob: blobRefTag({ sha256: sha(bytes), size: 3, kind: 'bytes', type: '' }) }]] }];
    for (const [id, bytes] of [['a', a], ['b', b]] as const) {
      const h = store.head();
      await store.append({ expectedSeq: h.seq, expectedHash: h.hash, record: record(put(id, bytes)), blobs: [{ sha256: sha(bytes), bytes }] });
    }
    await appendAll(store, [[{ t: 'attachments', del: ['a'] }]]);
    await store.compact();
    expect(readdirSync(join(dir, 'blobs'))).toEqual([sha(b)]);
    await expect(store.blob(sha(a))).rejects.toThrow(/no blob/);
  });

  it('knows a reset record: every table emptied before its rows apply', async () => {
    const store = await JournalStore.open(await nodeJournalFiles(dir));
    await appendAll(store, [[note('old', 'x')], [{ t: 'reviews', put: [['r1', { id: 'r1' }]] }]]);
    const h = store.head();
    await store.append({ expectedSeq: h.seq, expectedHash: h.hash, record: record([note('new', 'y')], true), blobs: [] });
    expect((await foldAll(store)).toBody().tables).toEqual({ notes: [['new', { id: 'new', text: 'y' }]] });
  });

  it('finds no leftover of an interrupted atomic write', async () => {
    writeFileSync(join(dir, 'checkpoint-000000000001.zqc.tmp-abcdef'), 'partial');
    await JournalStore.open(await nodeJournalFiles(dir));
    expect(existsSync(join(dir, 'checkpoint-000000000001.zqc.tmp-abcdef'))).toBe(false);
  });
});
