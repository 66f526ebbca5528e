import { bs } from '../crypto/buffer-source.js';
import { canonicalJsonBytes } from '../util/canonical-json.js';
import { PORTABLE_TAG, type PortableJson, type PortableTag } from '../backup/portable-value.js';
import { JournalError } from './journal-errors.js';
import { isValidKey } from './idb-key.js';

/**
 * One journal record: everything one committed IndexedDB transaction of the app changed,
 * table by table, in the order it was asked for. Keys and values are in the portable form
 * of portable-value.ts; a Blob or byte array is a blob reference (blob-ref below), its bytes
 * kept once in the journal's blob store under their SHA-256.
 *
 * `reset` records replace everything: every table is emptied before their ops apply (the
 * first record of a journal started from a database that already held data, a restore).
 *
 * Serialised as canonical JSON (UTF-8), which is what the hash chain covers.
 */
const JOURNAL_RECORD_VERSION = 1;
/** A record larger than this is refused (its binary parts are blobs, not in the record). */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** A key range; a bound of null is open-ended, `all` is the whole table. */
export interface JournalRange {
  lower: PortableJson;
  upper: PortableJson;
  lowerOpen: boolean;
  upperOpen: boolean;
}

export type JournalOp =
  | { t: string; put: [PortableJson, PortableJson][] }
  | { t: string; del: PortableJson[] }
  | { t: string; range: JournalRange | 'all' };

export interface JournalRecord {
  v: typeof JOURNAL_RECORD_VERSION;
  /** The database schema version (Dexie `verno`) the rows are in. */
  schema: number;
  /** When the transaction was journaled (ISO 8601). */
  at: string;
  reset: boolean;
  ops: JournalOp[];
}

/** The stand-in for a Blob or byte array: its SHA-256 (hex), size, and how to give it back. */
export interface BlobRef {
  sha256: string;
  size: number;
  kind: 'blob' | 'bytes' | 'buffer';
  type: string;
}

const BLOB_TAG = 'blob';
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function blobRefTag(ref: BlobRef): PortableTag {
  return { [PORTABLE_TAG]: BLOB_TAG, sha256: ref.sha256, size: ref.size, kind: ref.kind, type: ref.type };
}

/** The blob reference a tag stands for, or null when it is not a well-formed one. */
export function blobRefOf(tag: PortableTag): BlobRef | null {
  const { sha256, size, kind, type } = tag;
  if (tag[PORTABLE_TAG] !== BLOB_TAG || typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) return null;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) return null;
  if (kind !== 'blob' && kind !== 'bytes' && kind !== 'buffer') return null;
  if (typeof type !== 'string' || type.length > 300) return null;
  return { sha256, size, kind, type };
}

/** Every blob reference inside a portable value, added to `into` (sha256 → ref). */
export function collectBlobRefs(value: PortableJson, into: Map<string, BlobRef>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectBlobRefs(v, into);
    return;
  }
  if (value[PORTABLE_TAG] === BLOB_TAG) {
    const ref = blobRefOf(value);
    if (!ref) throw new JournalError('invalid-record', 'a blob reference is malformed');
    into.set(ref.sha256, ref);
    return;
  }
  for (const v of Object.values(value)) collectBlobRefs(v, into);
}

export function recordBlobRefs(record: JournalRecord): Map<string, BlobRef> {
  const refs = new Map<string, BlobRef>();
  for (const op of record.ops) if ('put' in op) for (const [, value] of op.put) collectBlobRefs(value, refs);
  return refs;
}

export function encodeJournalRecord(record: JournalRecord): Uint8Array<ArrayBuffer> {
  return bs(canonicalJsonBytes(record));
}

const TABLE_NAME = /^[A-Za-z0-9_$-]{1,200}$/;

function fail(message: string): never {
  throw new JournalError('invalid-record', message);
}

function checkOp(op: unknown, i: number): JournalOp {
  if (!op || typeof op !== 'object' || Array.isArray(op)) fail(`op ${i} is not an object`);
  const o = op as Record<string, unknown>;
  if (typeof o['t'] !== 'string' || !TABLE_NAME.test(o['t'])) fail(`op ${i} names no table`);
  const keys = Object.keys(o).filter((k) => k !== 't');
  if (keys.length !== 1) fail(`op ${i} must do exactly one of put, del, range`);
  const t = o['t'];
  if (Array.isArray(o['put'])) {
    for (const [j, pair] of (o['put'] as unknown[]).entries()) {
      if (!Array.isArray(pair) || pair.length !== 2 || !isValidKey(pair[0] as PortableJson)) fail(`op ${i} put ${j} has no valid key`);
    }
    return { t, put: o['put'] as [PortableJson, PortableJson][] };
  }
  if (Array.isArray(o['del'])) {
    for (const [j, key] of (o['del'] as PortableJson[]).entries()) if (!isValidKey(key)) fail(`op ${i} del ${j} is not a valid key`);
    return { t, del: o['del'] as PortableJson[] };
  }
  const range = o['range'];
  if (range === 'all') return { t, range };
  if (range && typeof range === 'object' && !Array.isArray(range)) {
    const r = range as Record<string, unknown>;
    const bound = (b: unknown) => b === null || isValidKey(b as PortableJson);
    if (bound(r['lower']) && bound(r['upper']) && typeof r['lowerOpen'] === 'boolean' && typeof r['upperOpen'] === 'boolean') {
      return { t, range: { lower: r['lower'] as PortableJson, upper: r['upper'] as PortableJson, lowerOpen: r['lowerOpen'], upperOpen: r['upperOpen'] } };
    }
  }
  fail(`op ${i} has no valid put, del or range`);
}

/** Parses and checks a record's bytes; anything malformed is a JournalError('invalid-record'). */
export function parseJournalRecord(bytes: Uint8Array): JournalRecord {
  if (bytes.byteLength > MAX_RECORD_BYTES) throw new JournalError('too-large', `a record of ${bytes.byteLength} bytes; at most ${MAX_RECORD_BYTES}`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    fail('the record is not UTF-8 JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('the record is not an object');
  const r = raw as Record<string, unknown>;
  if (r['v'] !== JOURNAL_RECORD_VERSION) fail(`record version ${JSON.stringify(r['v'])}; this program reads ${JOURNAL_RECORD_VERSION}`);
  if (typeof r['schema'] !== 'number' || !Number.isInteger(r['schema']) || r['schema'] < 1) fail('the record names no schema version');
  if (typeof r['at'] !== 'string' || r['at'].length > 64) fail('the record has no time');
  if (typeof r['reset'] !== 'boolean') fail('the record does not say whether it resets');
  if (!Array.isArray(r['ops'])) fail('the record has no ops');
  const record: JournalRecord = { v: JOURNAL_RECORD_VERSION, schema: r['schema'], at: r['at'], reset: r['reset'], ops: r['ops'].map(checkOp) };
  recordBlobRefs(record);
  return record;
}
