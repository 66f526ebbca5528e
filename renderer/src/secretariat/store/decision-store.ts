import type { ProposalList } from '../../../../shared/ranking/applicant-result.js';
import { evaluateDecisions, recordDecisions, type CommitteeVote, type DecisionProblem, type DecisionRecord } from '../../../../shared/ranking/committee-decision.js';
import { err, ok, type Result } from '../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../db/database.js';
import type { DecisionRow } from '../records.js';
import { loadOverview, type Overview } from './overview.js';
import { nowIso } from './messages.js';

/**
 * The committee's decision, recorded one applicant at a time as the meeting goes. Each is
 * checked with every decision recorded so far (recordDecisions): a departure without a
 * reason, an Award under the threshold, a place for an excluded applicant or a quota
 * overrun is refused and not stored. "Missing" decisions are only a status, not a refusal.
 */
export function decisionStatus(overview: Overview): { records: DecisionRecord[] | null; problems: DecisionProblem[] } {
  const r = recordDecisions(overview.proposal, overview.decisions.map(inputOf), overview.cycle.rules);
  return r.ok ? { records: r.value, problems: [] } : { records: null, problems: r.error };
}

/** The decisions recorded so far, complete or not (for the exports and the overview's table). */
export function recordedDecisions(overview: Overview): DecisionRecord[] {
  return evaluateDecisions(overview.proposal, overview.decisions.map(inputOf), overview.cycle.rules).records;
}

/** A decision stored before votes were recorded reads as one with no vote: it must be recorded again. */
const NO_VOTE: CommitteeVote = { for: 0, against: 0, abstaining: 0 };

function inputOf(d: DecisionRow) {
  return { applicantId: d.applicantId, outcome: d.outcome, ...(d.reason ? { reason: d.reason } : {}), vote: d.vote ?? NO_VOTE };
}

export async function recordDecision(
  db: ZqaDatabase,
  cycleId: string,
  applicantId: string,
  decision: { outcome: ProposalList; reason: string; vote: CommitteeVote },
  actor: string,
): Promise<Result<DecisionRow, DecisionProblem[]>> {
  const overview = await loadOverview(db, cycleId);
  if (!overview) return err([{ code: 'unknown-applicant', zh: '届次不存在', en: 'unknown cycle' }]);
  const reason = decision.reason.trim();
  const row: DecisionRow = { cycleId, applicantId, outcome: decision.outcome, ...(reason ? { reason } : {}), vote: decision.vote, updatedAt: nowIso(), updatedBy: actor };
  const others = overview.decisions.filter((d) => d.applicantId !== applicantId);
  const checked = recordDecisions(overview.proposal, [...others, row].map(inputOf), overview.cycle.rules);
  const blocking = checked.ok ? [] : checked.error.filter((p) => p.code !== 'missing' && (p.applicantId === applicantId || p.code === 'over-quota'));
  if (blocking.length > 0) return err(blocking);
  await db.transaction('rw', db.secDecisions, () => db.secDecisions.put(row));
  return ok(row);
}
