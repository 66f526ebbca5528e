import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { PortableJson } from '../../../shared/backup/portable-value.js';
import type { JournalOp, JournalRange } from '../../../shared/journal/journal-record.js';
import { JOURNAL_META_TABLE, POSITION_KEY, UNJOURNALED, type JournalPosition } from './journal-meta.js';
import { OpEncoder, type CapturedOp } from './record-encoding.js';

/**
 * What one read-write transaction of the app asked IndexedDB to do, captured at the lowest
 * level of Dexie (right above IndexedDB itself, so every write path is seen: explicit
 * transactions, single-table writes, bulk operations, Collection.modify and delete).
 *
 * Every such transaction also gets `journalMeta` in its scope and reads the position at once,
 * in parallel with its own first requests: all of the app's read-write transactions then
 * overlap and IndexedDB runs them one after the other, which is what keeps the journal's order
 * the database's order (docs/ARCHITECTURE.md, "The journal").
 */
export class TransactionCapture {
  readonly ops: CapturedOp[] = [];
  private order = 0;
  /** 'open' while the app's requests run; then journaling; then done (or failed). */
  state: 'open' | 'journaling' | 'done' | 'failed' = 'open';
  readonly position: Promise<JournalPosition | undefined>;

  constructor(readonly transaction: IDBTransaction) {
    this.position = new Promise((resolve, reject) => {
      const request = transaction.objectStore(JOURNAL_META_TABLE).get(POSITION_KEY);
      request.onsuccess = () => resolve(request.result as JournalPosition | undefined);
      request.onerror = (e) => {
        e.preventDefault();
        reject(request.error ?? new Error('the journal position could not be read'));
      };
    });
    // Read by the journaling step; an aborted transaction must not warn about it unread.
    this.position.catch(() => undefined);
  }

  nextOrder(): number {
    return this.order++;
  }
}

// Dexie's DBCoreRangeType (a const enum, which isolated modules cannot import): 3 any, 4 never.
const RANGE_ANY = 3;
const RANGE_NEVER = 4;

/** Thrown into a transaction that is used after it was handed to the journal. */
class JournalCaptureError extends Error {
  override name = 'JournalCaptureError';
}

function rangeOf(req: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>, encoder: OpEncoder): JournalRange | 'all' {
  const { range } = req;
  if ((range.type as number) === RANGE_ANY) return 'all';
  const bound = (b: unknown): PortableJson => (b === undefined ? null : encoder.key(b));
  return { lower: bound(range.lower), upper: bound(range.upper), lowerOpen: !!range.lowerOpen, upperOpen: !!range.upperOpen };
}

/** The op a request makes, encoded now; null for a request that changes nothing. */
function encodeRequest(table: DBCoreTable, req: DBCoreMutateRequest, encoder: OpEncoder): JournalOp | null {
  const t = table.name;
  switch (req.type) {
    case 'add':
    case 'put': {
      const keys: unknown[] = req.keys ?? req.values.map((v): unknown => table.schema.primaryKey.extractKey?.(v));
      if (keys.some((k) => k === undefined)) throw new JournalCaptureError(`a row of ${t} has no key the journal can record`);
      return { t, put: req.values.map((v, i) => [encoder.key(keys[i]), encoder.value(v, `${t}[${i}]`)]) };
    }
    case 'delete':
      return req.keys.length === 0 ? null : { t, del: req.keys.map((k) => encoder.key(k)) };
    case 'deleteRange':
      return (req.range.type as number) === RANGE_NEVER ? null : { t, range: rangeOf(req, encoder) };
  }
}

/** The op without the rows IndexedDB refused (a bulk write the app let partly fail). */
function withoutFailures(op: JournalOp, res: DBCoreMutateResponse): JournalOp | null {
  if (res.numFailures === 0) return op;
  const failed = (i: number) => res.failures[i] !== undefined;
  if ('put' in op) return op.put.some((_, i) => !failed(i)) ? { t: op.t, put: op.put.filter((_, i) => !failed(i)) } : null;
  if ('del' in op) return op.del.some((_, i) => !failed(i)) ? { t: op.t, del: op.del.filter((_, i) => !failed(i)) } : null;
  return null;
}

export interface CaptureHooks {
  /** Whether transactions are journaled at all (false when the host has no journal). */
  enabled(): boolean;
  /** A journaled read-write transaction was created (commit interception is wired here). */
  created(capture: TransactionCapture): void;
  captures: WeakMap<object, TransactionCapture>;
}

export function captureMiddleware(hooks: CaptureHooks): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'JournalCapture',
    // Below Dexie's own middlewares (the lowest is -1): this sees exactly what reaches IndexedDB.
    level: -10,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options): DBCoreTransaction {
          const writes = mode === 'readwrite' && stores.some((s) => s !== JOURNAL_META_TABLE);
          const scope = writes && !stores.includes(JOURNAL_META_TABLE) ? [...stores, JOURNAL_META_TABLE] : stores;
          const trans = down.transaction(scope, mode, options);
          if (writes && hooks.enabled()) {
            const capture = new TransactionCapture(trans as unknown as IDBTransaction);
            hooks.captures.set(trans, capture);
            hooks.created(capture);
          } else if (writes) {
            // Written without the journal: the next start must carry this into it.
            (trans as unknown as IDBTransaction).objectStore(JOURNAL_META_TABLE).put(UNJOURNALED);
          }
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (name === JOURNAL_META_TABLE) return table;
          return {
            ...table,
            mutate(req) {
              const capture = hooks.captures.get(req.trans);
              if (!capture) return table.mutate(req);
              if (capture.state !== 'open') return Promise.reject(new JournalCaptureError(`a write to ${name} after its transaction was handed to the journal`));
              const encoder = new OpEncoder();
              let encoded: ReturnType<typeof encodeRequest>;
              try {
                encoded = encodeRequest(table, req, encoder);
              } catch (e) {
                return Promise.reject(e instanceof Error ? e : new Error(String(e)));
              }
              const order = capture.nextOrder();
              return table.mutate(req).then((res) => {
                const op = encoded && withoutFailures(encoded, res);
                if (op) capture.ops.push({ order, op, binaries: encoder.binaries });
                return res;
              });
            },
          };
        },
      };
    },
  };
}
