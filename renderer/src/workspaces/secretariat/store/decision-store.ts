import type { ProposalList } from '../../../../../shared/ranking/applicant-result.js';
import { evaluateDecisions, recordDecisions, type CommitteeVote, type DecisionProblem, type DecisionRecord } from '../../../../../shared/ranking/committee-decision.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { NoticeCandidate } from '../../../../../shared/public-notice/notice-list.js';
import type { DecisionRow } from '../../../db/secretariat-records.js';
import { loadOverview, type Overview } from './overview.js';
import { nowIso } from './messages.js';

/**
 * The committee's decision, recorded one applicant at a time as the meeting goes. Each is
 * checked with every decision recorded so far (recordDecisions): a departure without a
 * reason, an Award under the threshold, a place for an excluded applicant or a quota
 * overrun is refused and not stored. "Missing" decisions are only a status, not a refusal.
 */
export function decisionStatus(overview: Overview): { records: DecisionRecord[] | null; problems: DecisionProblem[] } {
  const r = recordDecisions(overview.proposal, candidateDecisions(overview).map(inputOf), overview.cycle.rules);
  return r.ok ? { records: r.value, problems: [] } : { records: null, problems: r.error };
}

/** The decisions recorded so far, complete or not (for the exports and the overview's table). */
export function recordedDecisions(overview: Overview): DecisionRecord[] {
  return evaluateDecisions(overview.proposal, candidateDecisions(overview).map(inputOf), overview.cycle.rules).records;
}

function candidateIds(overview: Overview): Set<string> {
  const p = overview.proposal;
  return new Set([...p.award, ...p.nomination, ...p.notAwarded].map((e) => e.applicantId));
}

/**
 * The decisions about applicants that are candidates now. A candidate put forward and then
 * withdrawn (a proven complaint, Art. 17(8)) keeps its decision on record, but it no longer
 * counts against the quotas or for completeness: its place is free.
 */
function candidateDecisions(overview: Overview): DecisionRow[] {
  const ids = candidateIds(overview);
  return overview.decisions.filter((d) => ids.has(d.applicantId));
}

/** Candidates the committee put forward that have since left the cycle: still on the notice list, with how their notice ended. */
export function putForwardThenWithdrawn(overview: Overview): NoticeCandidate[] {
  const ids = candidateIds(overview);
  const names = new Map(overview.rows.map((r) => [r.applicantId, r.name]));
  return overview.decisions.flatMap((d) =>
    ids.has(d.applicantId) || d.outcome === 'notAwarded' ? [] : [{ applicantId: d.applicantId, name: names.get(d.applicantId) ?? d.applicantId, outcome: d.outcome }],
  );
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
  const others = candidateDecisions(overview).filter((d) => d.applicantId !== applicantId);
  const checked = recordDecisions(overview.proposal, [...others, row].map(inputOf), overview.cycle.rules);
  const blocking = checked.ok ? [] : checked.error.filter((p) => p.code !== 'missing' && (p.applicantId === applicantId || p.code === 'over-quota'));
  if (blocking.length > 0) return err(blocking);
  await db.transaction('rw', db.secDecisions, () => db.secDecisions.put(row));
  return ok(row);
}
