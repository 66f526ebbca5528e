import { canonicalJsonBytes } from '../util/canonical-json.js';
import type { PortableJson } from '../backup/portable-value.js';
import { compareKeys, keyId } from './idb-key.js';
import { JournalError } from './journal-errors.js';
import { collectBlobRefs, type BlobRef, type JournalRange, type JournalRecord } from './journal-record.js';

/**
 * The database as the journal says it is: every table's rows, keyed, in portable form. Folding
 * records into it gives the state a checkpoint holds; it never decodes values (Blobs stay
 * references), so it runs anywhere: the browser host's worker, Electron's main process, Node.
 */
export interface CheckpointBody {
  v: 1;
  /** The last record folded in, and its chain hash. */
  seq: number;
  hash: string;
  schema: number;
  at: string;
  /** table → rows as [key, value], in key order. */
  tables: Record<string, [PortableJson, PortableJson][]>;
}

function inRange(key: PortableJson, range: JournalRange): boolean {
  if (range.lower !== null) {
    const c = compareKeys(key, range.lower);
    if (c < 0 || (c === 0 && range.lowerOpen)) return false;
  }
  if (range.upper !== null) {
    const c = compareKeys(key, range.upper);
    if (c > 0 || (c === 0 && range.upperOpen)) return false;
  }
  return true;
}

export class JournalState {
  private readonly tables = new Map<string, Map<string, [PortableJson, PortableJson]>>();
  seq = 0;
  hash = '0'.repeat(64);
  schema = 1;
  at = '';

  private table(name: string): Map<string, [PortableJson, PortableJson]> {
    let rows = this.tables.get(name);
    if (!rows) this.tables.set(name, (rows = new Map<string, [PortableJson, PortableJson]>()));
    return rows;
  }

  /** Folds one record in; `seq` and `hash` must be the record's place in the chain. */
  apply(record: JournalRecord, seq: number, hash: string): void {
    if (seq !== this.seq + 1) throw new JournalError('damaged', `record ${seq} folded after ${this.seq}`);
    if (record.reset) this.tables.clear();
    for (const op of record.ops) {
      const rows = this.table(op.t);
      if ('put' in op) for (const [key, value] of op.put) rows.set(keyId(key), [key, value]);
      else if ('del' in op) for (const key of op.del) rows.delete(keyId(key));
      else if (op.range === 'all') rows.clear();
      else {
        const range = op.range;
        for (const [id, [key]] of rows) if (inRange(key, range)) rows.delete(id);
      }
    }
    this.seq = seq;
    this.hash = hash;
    this.schema = record.schema;
    this.at = record.at;
  }

  rowCount(): number {
    let n = 0;
    for (const rows of this.tables.values()) n += rows.size;
    return n;
  }

  blobRefs(): Map<string, BlobRef> {
    const refs = new Map<string, BlobRef>();
    for (const rows of this.tables.values()) for (const [, value] of rows.values()) collectBlobRefs(value, refs);
    return refs;
  }

  toBody(): CheckpointBody {
    const tables: CheckpointBody['tables'] = {};
    for (const [name, rows] of this.tables) {
      if (rows.size === 0) continue;
      tables[name] = [...rows.values()].sort((a, b) => compareKeys(a[0], b[0]));
    }
    return { v: 1, seq: this.seq, hash: this.hash, schema: this.schema, at: this.at, tables };
  }

  encode(): Uint8Array {
    return canonicalJsonBytes(this.toBody());
  }

  static fromBody(body: CheckpointBody): JournalState {
    const state = new JournalState();
    for (const [name, rows] of Object.entries(body.tables)) {
      const table = state.table(name);
      for (const [key, value] of rows) table.set(keyId(key), [key, value]);
    }
    state.seq = body.seq;
    state.hash = body.hash;
    state.schema = body.schema;
    state.at = body.at;
    return state;
  }
}

/** Parses a checkpoint body; a malformed one is JournalError('damaged'). */
export function parseCheckpointBody(bytes: Uint8Array): CheckpointBody {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new JournalError('damaged', 'a checkpoint is not UTF-8 JSON');
  }
  const b = raw as Partial<CheckpointBody> | null;
  const valid =
    !!b && b.v === 1 && typeof b.seq === 'number' && typeof b.hash === 'string' && typeof b.schema === 'number' && typeof b.at === 'string' &&
    !!b.tables && typeof b.tables === 'object' && Object.values(b.tables).every((rows) => Array.isArray(rows) && rows.every((r) => Array.isArray(r) && r.length === 2));
  if (!valid) throw new JournalError('damaged', 'a checkpoint does not have the expected shape');
  return b as CheckpointBody;
}
