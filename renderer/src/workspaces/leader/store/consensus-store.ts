import { Dexie } from 'dexie';
import type { ConsensusEdit } from '../../../../../shared/consensus/consensus-edits.js';
import type { Consolidation } from '../../../../../shared/consensus/consolidate.js';
import type { MemberScores } from '../../../../../shared/consensus/member-scores.js';
import { acceptCommonValues, clearOpenExclusions, undoBulkSettlement, type BulkSettled } from '../../../../../shared/workflow/settle-in-bulk.js';
import type { ConsensusRecord } from '../../../../../shared/consensus/consensus-record.js';
import type { EditLogEntry } from '../../../../../shared/consensus/edit-log.js';
import type { CriteriaSet } from '../../../../../shared/criteria/criteria-set.js';
import type { Result } from '../../../../../shared/util/result.js';
import { settleConsensus, startConsensus, verifyConsensusTrail as verifyTrail, type ConsensusLedger } from '../../../../../shared/workflow/settle-consensus.js';
import type { WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ConsensusEditRecord } from '../../../db/leader-records.js';

/**
 * The leader's consensus on this device: the shared step settles each edit
 * (shared/workflow/settle-consensus.ts) over this ledger of three Dexie tables — the record,
 * the edit log, the score history — and each edit runs in one transaction of its own, so a
 * refused edit or a failed write leaves all three as they were.
 */
export interface LeaderWriteContext {
  db: ZqaDatabase;
  /** The leader's key id: who made the edit. */
  actor: string;
  now: () => Date;
}

const range = (reviewId: string) => [[reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]] as const;

function stripReview(r: ConsensusEditRecord): EditLogEntry {
  const { reviewId: _r, ...entry } = r;
  return entry as EditLogEntry;
}

function dexieLedger(db: ZqaDatabase): ConsensusLedger {
  return {
    async head(reviewId) {
      const state = await db.consensusStates.get(reviewId);
      if (!state) return null;
      const [lastEdit] = await db.consensusEdits.where('[reviewId+seq]').between(...range(reviewId)).reverse().limit(1).toArray();
      const [lastScore] = await db.consensusScoreHistory.where('[reviewId+seq]').between(...range(reviewId)).reverse().limit(1).toArray();
      return { record: state.record, lastEdit: lastEdit && stripReview(lastEdit), lastScore: lastScore && (({ reviewId: _r, ...e }) => e)(lastScore) };
    },
    async start(reviewId, record, at, actor) {
      await db.consensusStates.add({ reviewId, record, createdAt: at, updatedAt: at, updatedBy: actor });
    },
    async append(reviewId, settled) {
      const state = await db.consensusStates.get(reviewId);
      if (!state) throw new Error(`no consensus started for review ${reviewId}`);
      await db.consensusEdits.add({ reviewId, ...settled.edit });
      if (settled.scores.length > 0) await db.consensusScoreHistory.bulkAdd(settled.scores.map((score) => ({ reviewId, ...score })));
      await db.consensusStates.put({ ...state, record: settled.record, updatedAt: settled.at, updatedBy: settled.actor });
    },
    async trail(reviewId) {
      const [state, edits, scores] = await Promise.all([
        db.consensusStates.get(reviewId),
        db.consensusEdits.where('[reviewId+seq]').between(...range(reviewId)).toArray(),
        db.consensusScoreHistory.where('[reviewId+seq]').between(...range(reviewId)).toArray(),
      ]);
      return state ? { record: state.record, edits: edits.map(stripReview), scores: scores.map(({ reviewId: _r, ...e }) => e) } : null;
    },
  };
}

const tables = (db: ZqaDatabase) => [db.consensusStates, db.consensusEdits, db.consensusScoreHistory];

/** The empty consensus the leader starts from, created once per review. */
export function ensureConsensus(ctx: LeaderWriteContext, reviewId: string, set: CriteriaSet): Promise<ConsensusRecord> {
  return ctx.db.transaction('rw', tables(ctx.db), () => startConsensus(dexieLedger(ctx.db), reviewId, set, ports(ctx)));
}

/** One consensus edit in one transaction; a refusal changes nothing. */
export function applyLeaderEdit(ctx: LeaderWriteContext, reviewId: string, edit: ConsensusEdit): Promise<Result<ConsensusRecord, WorkflowError>> {
  return ctx.db.transaction('rw', tables(ctx.db), () => settleConsensus(dexieLedger(ctx.db), reviewId, edit, ports(ctx)));
}

const ports = (ctx: LeaderWriteContext) => ({ clock: { now: ctx.now }, actor: ctx.actor });

/** Every open, non-divergent item that all members scored, at its common value: one bulk settlement, one transaction. */
export function acceptLeaderCommonValues(ctx: LeaderWriteContext, reviewId: string, matrix: Consolidation): Promise<Result<BulkSettled, WorkflowError>> {
  return ctx.db.transaction('rw', tables(ctx.db), () => acceptCommonValues(dexieLedger(ctx.db), reviewId, matrix, ports(ctx)));
}

/** Undoes one bulk settlement: the items it still holds open again, hand-settled items stay. */
export function undoLeaderBulk(ctx: LeaderWriteContext, reviewId: string, bulkId: string): Promise<Result<BulkSettled, WorkflowError>> {
  return ctx.db.transaction('rw', tables(ctx.db), () => undoBulkSettlement(dexieLedger(ctx.db), reviewId, bulkId, ports(ctx)));
}

/** The open Art. 14 exclusions the leader confirmed, set to 未发现 in one edit. */
export function clearLeaderExclusions(ctx: LeaderWriteContext, reviewId: string, sheets: readonly MemberScores[], confirmed: readonly number[]): Promise<Result<ConsensusRecord, WorkflowError>> {
  return ctx.db.transaction('rw', tables(ctx.db), () => clearOpenExclusions(dexieLedger(ctx.db), reviewId, sheets, confirmed, ports(ctx)));
}

/** The shared check of the record against both chains, as read in one transaction. */
export async function verifyConsensusTrail(db: ZqaDatabase, reviewId: string, set: CriteriaSet): Promise<Result<{ edits: number }, string>> {
  return verifyTrail(await db.transaction('r', tables(db), () => dexieLedger(db).trail(reviewId)), set);
}
