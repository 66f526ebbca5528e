import { Dexie } from 'dexie';
import type { JournalBridge, JournalHead } from '../../../shared/bridge/contract.js';
import { encodeJournalRecord } from '../../../shared/journal/journal-record.js';
import { indexAsOps } from './index-as-ops.js';
import { applyJournalRead, readJournal, type JournalRead } from './index-rebuild.js';
import { appTables, JOURNAL_META_TABLE, POSITION_KEY, UNJOURNALED, type JournalPosition } from './journal-meta.js';
import { hashBinaries } from './record-encoding.js';

/**
 * At start, before any screen reads: compares the database (the index) with the journal (the
 * source of truth) and puts them level, with no click needed:
 * - the database empty (Chromium deleted a store it found corrupt), or unreadable, or not on
 *   the journal's chain: rebuilt whole from the journal;
 * - behind the journal (a crash between the journal's flush and the database's commit):
 *   the records it lacks are replayed;
 * - holding data the journal lacks (an upgrade from a version without the journal; a
 *   journal whose damaged tail was set aside): the journal goes on from a record of
 *   everything the database holds (a reset record: appended, nothing overwritten).
 */
export type RecoveryOutcome = (
  | { kind: 'fresh' | 'level' }
  | { kind: 'caught-up'; records: number }
  | { kind: 'rebuilt'; reason: 'empty' | 'corrupt' | 'diverged'; records: number; rows: number }
  | { kind: 'seeded' | 'reseeded'; rows: number; reason: string | null }
  | { kind: 'unavailable' | 'failed'; reason: string }
) & { ms: number; head: JournalHead | null };

type WithoutTiming<T> = T extends unknown ? Omit<T, 'ms' | 'head'> : never;
type Outcome = WithoutTiming<RecoveryOutcome>;

async function holdsAnyRow(db: Dexie): Promise<boolean> {
  const tables = appTables(db);
  const counts = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.limit(1).count())));
  return counts.some((c) => c > 0);
}

/** The position when the journal has `pos` on its chain: the record at it has its hash. */
async function onChain(journal: JournalBridge, pos: JournalPosition): Promise<JournalRead | null> {
  const read = await readJournal(journal, pos.seq - 1);
  const first = read.checkpoint ?? read.records[0];
  if (!first || first.seq !== pos.seq || first.hash !== pos.hash) return null;
  // Its checkpoint's rows are what the database holds already: only the records after it apply.
  return read.checkpoint ? { checkpoint: null, records: read.records } : { checkpoint: null, records: read.records.slice(1) };
}

async function rebuild(db: Dexie, journal: JournalBridge, reason: 'empty' | 'corrupt' | 'diverged'): Promise<Outcome> {
  const reading = performance.now();
  const read = await readJournal(journal, 0);
  performance.measure('zqa:rebuild-read', { start: reading, end: performance.now() });
  const done = await applyJournalRead(db, journal, read, true);
  return { kind: 'rebuilt', reason, records: done.records, rows: done.rows };
}

/** Appends a reset record of everything the database holds, after the journal's head, and moves the position there. */
async function seedFromIndex(db: Dexie, journal: JournalBridge, head: JournalHead): Promise<number> {
  const { ops, binaries } = await indexAsOps(db);
  const blobs = await hashBinaries(binaries, new Set());
  const record = encodeJournalRecord({ v: 1, schema: db.verno, at: new Date().toISOString(), reset: true, ops });
  const answer = await journal.append({ expectedSeq: head.seq, expectedHash: head.hash, record, blobs });
  if (!answer.ok) throw new Error(answer.error.message);
  if (answer.value.status !== 'appended') throw new Error(`the journal did not take the database's contents (${answer.value.status})`);
  await db.table(JOURNAL_META_TABLE).put({ id: POSITION_KEY, seq: answer.value.seq, hash: answer.value.hash } satisfies JournalPosition);
  return ops.reduce((n, op) => n + ('put' in op ? op.put.length : 0), 0);
}

function isVersionError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'VersionError' || (e instanceof Dexie.DexieError && e.name === Dexie.errnames.Version);
}

/**
 * Puts the database level with the journal (see above). `open` gives a connection without the
 * journal attached; `remove` deletes the database (one Chromium could not read).
 */
export async function recoverIndex(journal: JournalBridge, open: () => Dexie, remove: () => Promise<void>): Promise<RecoveryOutcome> {
  const started = performance.now();
  // The database's two reads go alongside the journal's head (its worker's start, the
  // journal opened and checked): the start waits for the longer of them, not their sum.
  // Nothing is written before both have answered. (Async, so that a schema without the
  // table, which Dexie throws at once, is an answer like a store that cannot be read.)
  let db = open();
  const opened = db;
  const reads = (async () => Promise.all([opened.table<JournalPosition, string>(JOURNAL_META_TABLE).get(POSITION_KEY), holdsAnyRow(opened)]))().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const answer = await journal.head();
  // User Timing: asking the host for the journal's head starts its worker and opens the journal.
  performance.measure('zqa:recovery-head', { start: started, end: performance.now() });
  if (!answer.ok) {
    await reads;
    db.close();
    return { kind: 'unavailable', reason: answer.error.message, ms: performance.now() - started, head: null };
  }
  const head = answer.value;
  const finish = (outcome: Outcome): RecoveryOutcome => ({ ...outcome, ms: performance.now() - started, head });
  try {
    const read = await reads;
    if (!read.ok) {
      const e = read.error;
      if (isVersionError(e)) return finish({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
      // A store Chromium cannot read: start it afresh and put the journal back into it.
      db.close();
      await remove();
      db = open();
      return finish(head.seq === 0 ? { kind: 'fresh' } : await rebuild(db, journal, 'corrupt'));
    }
    const [position, holds] = read.value;
    if (!holds) return finish(head.seq === 0 ? { kind: 'fresh' } : await rebuild(db, journal, 'empty'));
    if (head.seq === 0) return finish({ kind: 'seeded', rows: await seedFromIndex(db, journal, head), reason: null });
    if (!position) return finish(await rebuild(db, journal, 'diverged'));
    if (position.seq === head.seq && position.hash === head.hash) return finish({ kind: 'level' });
    if (position.seq > head.seq) {
      const reason =
        position.hash === UNJOURNALED.hash
          ? 'changes were made while the journal was unavailable'
          : (head.damage ?? `the journal ends at record ${head.seq}, the database holds record ${position.seq}`);
      return finish({ kind: 'reseeded', rows: await seedFromIndex(db, journal, head), reason });
    }
    const behind = position.seq < head.seq ? await onChain(journal, position) : null;
    if (!behind) return finish(await rebuild(db, journal, 'diverged'));
    const done = await applyJournalRead(db, journal, behind, false);
    return finish({ kind: 'caught-up', records: done.records });
  } catch (e) {
    return finish({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
  } finally {
    db.close();
  }
}
