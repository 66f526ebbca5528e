import { Dexie } from 'dexie';
import { applyConsensusEdit, replayConsensus, type ConsensusEdit } from '../../../shared/consensus/consensus-edits.js';
import { scoreHistoryChange } from '../../../shared/consensus/consensus-history.js';
import type { ConsensusRecord } from '../../../shared/consensus/consensus-record.js';
import { newConsensusRecord } from '../../../shared/consensus/new-consensus.js';
import type { CriteriaSet } from '../../../shared/criteria/criteria-set.js';
import { nextHistoryEntrySync, verifyHistoryChain } from '../../../shared/history/hash-chain.js';
import { canonicalJson } from '../../../shared/util/canonical-json.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import type { ZqaDatabase } from '../db/database.js';
import { nextEditLogEntry, verifyEditLog, type EditLogEntry } from './edit-chain.js';
import type { ConsensusEditRecord, ConsensusStateRecord } from './leader-records.js';

export class ConsensusEditError extends Error {
  override name = 'ConsensusEditError';
}

export interface LeaderWriteContext {
  db: ZqaDatabase;
  /** The leader's key id: who made the edit. */
  actor: string;
  now: () => Date;
}

const range = (reviewId: string) => [[reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]] as const;

/** The empty consensus the leader starts from, created once per review. */
export async function ensureConsensus(ctx: LeaderWriteContext, reviewId: string, set: CriteriaSet): Promise<ConsensusStateRecord> {
  const { db } = ctx;
  return db.transaction('rw', db.consensusStates, async () => {
    const existing = await db.consensusStates.get(reviewId);
    if (existing) return existing;
    const at = ctx.now().toISOString();
    const state: ConsensusStateRecord = { reviewId, record: newConsensusRecord(set), createdAt: at, updatedAt: at, updatedBy: ctx.actor };
    await db.consensusStates.add(state);
    return state;
  });
}

/**
 * One consensus edit in one transaction: the record changes, the edit log gains its
 * hash-chained entry, and a percentage also goes into the score history chain. A refused
 * edit (off the grid, a note without its source…) throws and nothing changes. An edit that
 * changes nothing is not recorded.
 */
export async function applyLeaderEdit(ctx: LeaderWriteContext, reviewId: string, edit: ConsensusEdit): Promise<ConsensusRecord> {
  const { db } = ctx;
  return db.transaction('rw', [db.consensusStates, db.consensusEdits, db.consensusScoreHistory], async () => {
    const state = await db.consensusStates.get(reviewId);
    if (!state) throw new ConsensusEditError(`no consensus started for review ${reviewId}`);
    const applied = applyConsensusEdit(state.record, edit);
    if (!applied.ok) throw new ConsensusEditError(applied.error);
    if (canonicalJson(applied.value.entry.from ?? null) === canonicalJson(applied.value.entry.to ?? null)) return state.record;
    const at = ctx.now().toISOString();
    const [lastEdit] = await db.consensusEdits.where('[reviewId+seq]').between(...range(reviewId)).reverse().limit(1).toArray();
    const entry = nextEditLogEntry(lastEdit && stripReview(lastEdit), applied.value.entry, at, ctx.actor);
    await db.consensusEdits.add({ reviewId, ...entry });
    const change = scoreHistoryChange(applied.value.entry, at, ctx.actor);
    if (change) {
      const [lastScore] = await db.consensusScoreHistory.where('[reviewId+seq]').between(...range(reviewId)).reverse().limit(1).toArray();
      const prev = lastScore ? (({ reviewId: _r, ...e }) => e)(lastScore) : undefined;
      await db.consensusScoreHistory.add({ reviewId, ...nextHistoryEntrySync(prev, change) });
    }
    await db.consensusStates.put({ ...state, record: applied.value.record, updatedAt: at, updatedBy: ctx.actor });
    return applied.value.record;
  });
}

function stripReview(r: ConsensusEditRecord): EditLogEntry {
  const { reviewId: _r, ...entry } = r;
  return entry as EditLogEntry;
}

export async function readEditLog(db: ZqaDatabase, reviewId: string): Promise<EditLogEntry[]> {
  const rows = await db.consensusEdits.where('[reviewId+seq]').between(...range(reviewId)).toArray();
  return rows.map(stripReview);
}

/**
 * Checks both chains and that replaying the edit log from the empty record gives exactly the
 * stored consensus: the record cannot have changed without a trace.
 */
export async function verifyConsensusTrail(db: ZqaDatabase, reviewId: string, set: CriteriaSet): Promise<Result<{ edits: number }, string>> {
  const [state, log, scores] = await db.transaction('r', [db.consensusStates, db.consensusEdits, db.consensusScoreHistory], () =>
    Promise.all([db.consensusStates.get(reviewId), readEditLog(db, reviewId), db.consensusScoreHistory.where('[reviewId+seq]').between(...range(reviewId)).toArray()]),
  );
  if (!state) return err('no consensus recorded');
  const chain = verifyEditLog(log);
  if (!chain.ok) return chain;
  const scoreChain = await verifyHistoryChain(scores.map(({ reviewId: _r, ...e }) => e));
  if (!scoreChain.ok) return err(scoreChain.error.message);
  const replayed = replayConsensus(newConsensusRecord(set), log);
  if (!replayed.ok) return err(replayed.error);
  if (canonicalJson(replayed.value) !== canonicalJson(state.record)) return err('the stored consensus is not what its edit history says');
  return ok({ edits: log.length });
}
