import { bulkAcceptCandidates, exclusionClearCandidates } from '../consensus/bulk-candidates.js';
import { bulkIdForSeq, bulkSettlementsInEffect, EXCLUSIONS_TARGET } from '../consensus/bulk-settlement.js';
import type { ConsensusRecord } from '../consensus/consensus-record.js';
import type { Consolidation } from '../consensus/consolidate.js';
import type { MemberScores } from '../consensus/member-scores.js';
import { ok, type Result } from '../util/result.js';
import { settleConsensus, type ConsensusLedger, type SettlePorts } from './settle-consensus.js';
import { refuse, type WorkflowError } from './workflow-error.js';

/**
 * The leader's bulk decisions (shared/consensus/bulk-settlement.ts) as workflow steps: each
 * reads what qualifies from the consensus as it stands in the ledger — not from what a screen
 * showed a moment ago — and settles it as one edit through `settleConsensus`, so it lands in
 * the edit log and the score history like any hand edit. Like that step, each reads and
 * writes only through the ledger, so a store runs it inside one transaction.
 */
export interface BulkSettled {
  record: ConsensusRecord;
  /** The settlement's id (bulk-<seq>), its edit's place in the log. */
  bulkId: string;
  itemIds: string[];
}

/** Settles every open, non-divergent item that every member scored at its common value. */
export async function acceptCommonValues(ledger: ConsensusLedger, reviewId: string, matrix: Consolidation, ports: SettlePorts): Promise<Result<BulkSettled, WorkflowError>> {
  const head = await ledger.head(reviewId);
  if (!head) return refuse('not-ready', `评审 ${reviewId} 的共识尚未开始`, `no consensus started for review ${reviewId}`);
  const { accept } = bulkAcceptCandidates(matrix, head.record);
  if (accept.length === 0) {
    return refuse('not-ready', '没有可批量确定的条款：其余条款或已确定，或存在分歧，或尚有成员未评分', 'no item to settle in bulk: every other item is settled, divergent, or not yet scored by every member');
  }
  const bulkId = bulkIdForSeq((head.lastEdit?.seq ?? 0) + 1);
  const settled = await settleConsensus(ledger, reviewId, { kind: 'consensus-bulk-accept', itemId: bulkId, to: accept }, ports);
  return settled.ok ? ok({ record: settled.value, bulkId, itemIds: accept.map((a) => a.itemId) }) : settled;
}

/** Opens again exactly the items still settled by `bulkId`; items changed by hand since stay. */
export async function undoBulkSettlement(ledger: ConsensusLedger, reviewId: string, bulkId: string, ports: SettlePorts): Promise<Result<BulkSettled, WorkflowError>> {
  const head = await ledger.head(reviewId);
  if (!head) return refuse('not-ready', `评审 ${reviewId} 的共识尚未开始`, `no consensus started for review ${reviewId}`);
  const inEffect = bulkSettlementsInEffect(head.record).find((b) => b.bulkId === bulkId);
  if (!inEffect) return refuse('mismatch', '这次批量确定的条款都已逐条修改过，没有可撤销的内容', `no item is still settled by ${bulkId}: nothing to undo`);
  const settled = await settleConsensus(ledger, reviewId, { kind: 'consensus-bulk-undo', itemId: bulkId, to: inEffect.itemIds }, ports);
  return settled.ok ? ok({ record: settled.value, bulkId, itemIds: inEffect.itemIds }) : settled;
}

/**
 * Sets the open Art. 14 exclusions no member flagged to 未发现, exactly the ones the leader
 * confirmed: if the list changed since the confirmation was shown, nothing is set.
 */
export async function clearOpenExclusions(
  ledger: ConsensusLedger,
  reviewId: string,
  sheets: readonly MemberScores[],
  confirmed: readonly number[],
  ports: SettlePorts,
): Promise<Result<ConsensusRecord, WorkflowError>> {
  const head = await ledger.head(reviewId);
  if (!head) return refuse('not-ready', `评审 ${reviewId} 的共识尚未开始`, `no consensus started for review ${reviewId}`);
  const { clear } = exclusionClearCandidates(head.record, sheets);
  if (clear.length === 0) return refuse('not-ready', '没有待定且无成员发现的否决项', 'no open Art. 14 exclusion that no member flagged');
  if (clear.join(',') !== [...confirmed].sort((a, b) => a - b).join(',')) {
    return refuse('mismatch', `待定的否决项已有变化（现为第 ${clear.join('、')} 项），请重新确认`, `the open exclusions changed (now ${clear.join(', ')}): confirm again`);
  }
  return settleConsensus(ledger, reviewId, { kind: 'consensus-exclusions-clear', itemId: EXCLUSIONS_TARGET, to: clear }, ports);
}
