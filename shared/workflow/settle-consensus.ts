import { applyConsensusEdit, replayConsensus, type ConsensusEdit } from '../consensus/consensus-edits.js';
import { scoreHistoryChanges } from '../consensus/consensus-history.js';
import type { ConsensusRecord } from '../consensus/consensus-record.js';
import { nextEditLogEntry, verifyEditLog, type EditLogEntry } from '../consensus/edit-log.js';
import { newConsensusRecord } from '../consensus/new-consensus.js';
import type { CriteriaSet } from '../criteria/criteria-set.js';
import { nextHistoryEntrySync, verifyHistoryChain, type HistoryEntry } from '../history/hash-chain.js';
import { canonicalJson } from '../util/canonical-json.js';
import { err, ok, type Result } from '../util/result.js';
import type { Clock } from './ports/clock.js';
import { refuse, type WorkflowError } from './workflow-error.js';

/**
 * Settle the consensus (the leader): each decision is one edit — a percentage, a rationale,
 * the panel's notes, an exclusion, the overall evaluation — recorded in the leader's
 * hash-chained edit log, and a percentage also in the score history chain, so the consensus
 * can never change without a trace. A refused edit (off the grid, a note without its
 * source…) changes nothing; an edit that changes nothing is not recorded.
 *
 * The step reads and writes only through the ledger and hashes synchronously, so a store
 * can run it inside one transaction of its own (the app does: one Dexie transaction an edit).
 */
export interface ConsensusHead {
  record: ConsensusRecord;
  lastEdit: EditLogEntry | undefined;
  lastScore: HistoryEntry | undefined;
}

/** One settled edit, as the ledger stores it. */
export interface SettledEdit {
  record: ConsensusRecord;
  edit: EditLogEntry;
  /** For a percentage: its entry in the score history chain; for a bulk settlement, one an item. */
  scores: HistoryEntry[];
  at: string;
  actor: string;
}

/** The storage this step needs: one review's consensus and its two chains. */
export interface ConsensusLedger {
  /** The consensus as it stands and the heads of its chains; null before it is started. */
  head(reviewId: string): Promise<ConsensusHead | null>;
  start(reviewId: string, record: ConsensusRecord, at: string, actor: string): Promise<void>;
  append(reviewId: string, settled: SettledEdit): Promise<void>;
  /** Everything recorded, for checking it: the record and both chains in order. */
  trail(reviewId: string): Promise<ConsensusTrail | null>;
}

export interface ConsensusTrail {
  record: ConsensusRecord;
  edits: EditLogEntry[];
  scores: HistoryEntry[];
}

export interface SettlePorts {
  clock: Clock;
  /** The leader's key id: who made the edit. */
  actor: string;
}

/** The empty consensus the leader starts from, once per review. */
export async function startConsensus(ledger: ConsensusLedger, reviewId: string, set: CriteriaSet, ports: SettlePorts): Promise<ConsensusRecord> {
  const held = await ledger.head(reviewId);
  if (held) return held.record;
  const record = newConsensusRecord(set);
  await ledger.start(reviewId, record, ports.clock.now().toISOString(), ports.actor);
  return record;
}

export async function settleConsensus(ledger: ConsensusLedger, reviewId: string, edit: ConsensusEdit, ports: SettlePorts): Promise<Result<ConsensusRecord, WorkflowError>> {
  const head = await ledger.head(reviewId);
  if (!head) return refuse('not-ready', `评审 ${reviewId} 的共识尚未开始`, `no consensus started for review ${reviewId}`);
  const applied = applyConsensusEdit(head.record, edit);
  if (!applied.ok) return refuse('mismatch', `共识修改被拒绝：${applied.error}`, applied.error);
  if (canonicalJson(applied.value.entry.from ?? null) === canonicalJson(applied.value.entry.to ?? null)) return ok(head.record);
  const at = ports.clock.now().toISOString();
  const scores: HistoryEntry[] = [];
  for (const change of scoreHistoryChanges(applied.value.entry, at, ports.actor)) scores.push(nextHistoryEntrySync(scores.at(-1) ?? head.lastScore, change));
  await ledger.append(reviewId, {
    record: applied.value.record,
    edit: nextEditLogEntry(head.lastEdit, applied.value.entry, at, ports.actor),
    scores,
    at,
    actor: ports.actor,
  });
  return ok(applied.value.record);
}

/**
 * Checks both chains and that replaying the edit log from the empty record gives exactly the
 * stored consensus: the record cannot have changed without a trace.
 */
export async function verifyConsensusTrail(trail: ConsensusTrail | null, set: CriteriaSet): Promise<Result<{ edits: number }, string>> {
  if (!trail) return err('no consensus recorded');
  const chain = verifyEditLog(trail.edits);
  if (!chain.ok) return chain;
  const scoreChain = await verifyHistoryChain(trail.scores);
  if (!scoreChain.ok) return err(scoreChain.error.message);
  const replayed = replayConsensus(newConsensusRecord(set), trail.edits);
  if (!replayed.ok) return err(replayed.error);
  if (canonicalJson(replayed.value) !== canonicalJson(trail.record)) return err('the stored consensus is not what its edit history says');
  return ok({ edits: trail.edits.length });
}
