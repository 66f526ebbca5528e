import { Dexie, type Table } from 'dexie';
import { decodePortable, type PortableJson, type PortableTag } from '../../../shared/backup/portable-value.js';
import type { JournalBridge, ReadResult } from '../../../shared/bridge/contract.js';
import { blobRefOf, parseJournalRecord, type BlobRef, type JournalOp, type JournalRecord } from '../../../shared/journal/journal-record.js';
import { JournalState, parseCheckpointBody, type CheckpointBody } from '../../../shared/journal/journal-state.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { appTables, JOURNAL_META_TABLE, POSITION_KEY, type JournalPosition } from './journal-meta.js';

/**
 * Puts what the journal holds into the database, in ONE transaction (the database is either
 * rebuilt whole or left as it was): a checkpoint's rows and the records after it into emptied
 * tables (a full rebuild), or only the records after the database's position (a catch-up).
 * Blobs come from the journal's blob store (in the browser host as Files read from disk when
 * IndexedDB stores them, not copied into memory first).
 */
class RebuildError extends Error {
  override name = 'RebuildError';
}

const PAGE_BYTES = 32 * 1024 * 1024;

export interface JournalRead {
  checkpoint: CheckpointBody | null;
  records: { seq: number; hash: string; record: JournalRecord }[];
}

/** Every record after `afterSeq` (from a checkpoint when the journal no longer keeps them). */
export async function readJournal(journal: JournalBridge, afterSeq: number): Promise<JournalRead> {
  const out: JournalRead = { checkpoint: null, records: [] };
  let after = afterSeq;
  for (;;) {
    const answer = await journal.read({ afterSeq: after, maxBytes: PAGE_BYTES });
    if (!answer.ok) throw new RebuildError(answer.error.message);
    const page: ReadResult = answer.value;
    if (page.checkpoint) {
      if (out.checkpoint || out.records.length > 0) throw new RebuildError('the journal gave a checkpoint in the middle of its records');
      out.checkpoint = parseCheckpointBody(page.checkpoint.body);
    }
    for (const r of page.records) out.records.push({ seq: r.seq, hash: r.hash, record: parseJournalRecord(r.record) });
    const last = out.records.at(-1)?.seq ?? out.checkpoint?.seq;
    if (!page.more || last === undefined) return out;
    after = last;
  }
}

/** Records of an older schema replay as they are only if no migration since changed rows. */
function checkSchema(schema: number, current: number): void {
  if (schema > current) throw new RebuildError(`the journal holds rows of database version ${schema}; this program knows up to ${current}`);
  const reshaping = MIGRATIONS.find((m) => m.version > schema && m.version <= current && m.upgrade);
  if (reshaping) throw new RebuildError(`the journal holds rows of database version ${schema}, and version ${reshaping.version} changes rows on upgrade`);
}

type Resolved = Map<string, unknown>;
const refKey = (ref: BlobRef) => `${ref.sha256}|${ref.kind}|${ref.type}`;

/** Fetches every blob the rows refer to, in the form the row held it (Blob, Uint8Array, ArrayBuffer). */
async function fetchBlobs(journal: JournalBridge, values: Iterable<PortableJson>): Promise<Resolved> {
  const refs = new Map<string, BlobRef>();
  const byKey = new Map<string, BlobRef>();
  // The same bytes may be held as a Blob in one row and as an array in another.
  const walk = (x: PortableJson): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    const ref = blobRefOf(x);
    if (!ref) return Object.values(x).forEach(walk);
    refs.set(ref.sha256, ref);
    byKey.set(refKey(ref), ref);
  };
  for (const v of values) walk(v);
  const fetched = new Map<string, Blob | Uint8Array>();
  const shas = [...refs.keys()];
  // A few at a time: each is a file read by the host.
  for (let i = 0; i < shas.length; i += 8) {
    await Promise.all(
      shas.slice(i, i + 8).map(async (sha256) => {
        const answer = await journal.blob({ sha256 });
        if (!answer.ok) throw new RebuildError(`attachment ${sha256}: ${answer.error.message}`);
        fetched.set(sha256, answer.value);
      }),
    );
  }
  const resolved: Resolved = new Map();
  for (const [key, ref] of byKey) {
    const data = fetched.get(ref.sha256)!;
    const size = data instanceof Uint8Array ? data.byteLength : data.size;
    if (size !== ref.size) throw new RebuildError(`attachment ${ref.sha256} has ${size} bytes; the journal recorded ${ref.size}`);
    if (ref.kind === 'blob') resolved.set(key, data instanceof Uint8Array ? new Blob([data as Uint8Array<ArrayBuffer>], { type: ref.type }) : data.slice(0, size, ref.type));
    else {
      const bytes = data instanceof Uint8Array ? data.slice() : new Uint8Array(await data.arrayBuffer());
      resolved.set(key, ref.kind === 'bytes' ? bytes : bytes.buffer);
    }
  }
  return resolved;
}

function decodeWith(resolved: Resolved) {
  return (value: PortableJson): unknown =>
    decodePortable(value, (tag: PortableTag) => {
      const ref = blobRefOf(tag);
      if (!ref) throw new RebuildError(`unknown tag ${JSON.stringify(tag['$zqa'])} in the journal`);
      return resolved.get(refKey(ref));
    });
}

function tableOf(tables: Map<string, Table>, name: string): Table {
  const table = tables.get(name);
  if (!table) throw new RebuildError(`the journal writes a table "${name}" this program does not have`);
  return table;
}

async function putRows(table: Table, rows: [PortableJson, PortableJson][], decode: (v: PortableJson) => unknown): Promise<void> {
  const values = rows.map(([, v]) => decode(v));
  if (table.schema.primKey.keyPath) await table.bulkPut(values);
  else await table.bulkPut(values, rows.map(([k]) => decode(k)) as never);
}

async function applyOp(tables: Map<string, Table>, op: JournalOp, decode: (v: PortableJson) => unknown): Promise<void> {
  const table = tableOf(tables, op.t);
  if ('put' in op) return putRows(table, op.put, decode);
  if ('del' in op) return table.bulkDelete(op.del.map((k) => decode(k)) as never);
  if (op.range === 'all') return table.clear();
  const { lower, upper, lowerOpen, upperOpen } = op.range;
  await table
    .where(':id')
    .between(lower === null ? Dexie.minKey : decode(lower), upper === null ? Dexie.maxKey : decode(upper), !lowerOpen, !upperOpen)
    .delete();
}

export interface RebuildOutcome {
  /** Journal records replayed (the checkpoint not counted). */
  records: number;
  /** Rows put from the checkpoint. */
  rows: number;
  seq: number;
}

/**
 * Writes `read` into `db` (a connection without the journal attached: a rebuild is not an
 * edit). `full` empties every table first and needs the journal from its start (a checkpoint
 * or record 1): the records are folded into the final rows first (journal-state.ts), so the
 * database gets one write per table and only the blobs still referred to are fetched.
 * Otherwise the records follow the database's position and are replayed in order.
 */
export async function applyJournalRead(db: Dexie, journal: JournalBridge, read: JournalRead, full: boolean): Promise<RebuildOutcome> {
  const current = db.verno;
  if (read.checkpoint) checkSchema(read.checkpoint.schema, current);
  for (const r of read.records) checkSchema(r.record.schema, current);
  const app = appTables(db);
  const tables = new Map(app.map((t) => [t.name, t]));
  const last = read.records.at(-1) ?? read.checkpoint;
  const position: JournalPosition | null = last ? { id: POSITION_KEY, seq: last.seq, hash: last.hash } : null;
  let rows = 0;
  if (full) {
    const state = read.checkpoint ? JournalState.fromBody(read.checkpoint) : new JournalState();
    for (const r of read.records) state.apply(r.record, r.seq, r.hash);
    const final = Object.entries(state.toBody().tables);
    const fetching = performance.now();
    const decode = decodeWith(await fetchBlobs(journal, final.flatMap(([, tableRows]) => tableRows.map(([, v]) => v))));
    final.forEach(([name]) => tableOf(tables, name));
    // User Timing: the benchmark reports the rebuild's parts.
    performance.measure('zqa:rebuild-blobs', { start: fetching, end: performance.now() });
    const writing = performance.now();
    await db.transaction('rw', [...app, db.table(JOURNAL_META_TABLE)], async () => {
      await Promise.all(app.map((t) => t.clear()));
      await Promise.all(final.map(([name, tableRows]) => putRows(tables.get(name)!, tableRows, decode)));
      if (position) await db.table(JOURNAL_META_TABLE).put(position);
    });
    performance.measure('zqa:rebuild-write', { start: writing, end: performance.now() });
    rows = final.reduce((n, [, tableRows]) => n + tableRows.length, 0);
    return { records: read.records.length, rows, seq: position?.seq ?? 0 };
  }
  const values = function* () {
    for (const r of read.records) for (const op of r.record.ops) if ('put' in op) for (const [, v] of op.put) yield v;
  };
  const decode = decodeWith(await fetchBlobs(journal, values()));
  await db.transaction('rw', [...app, db.table(JOURNAL_META_TABLE)], async () => {
    for (const { record } of read.records) {
      if (record.reset) for (const t of app) await t.clear();
      for (const op of record.ops) await applyOp(tables, op, decode);
    }
    if (position) await db.table(JOURNAL_META_TABLE).put(position);
  });
  return { records: read.records.length, rows, seq: position?.seq ?? 0 };
}
