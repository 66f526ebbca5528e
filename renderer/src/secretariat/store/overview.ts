import type { Cycle } from '../../../../shared/cycle/cycle.js';
import type { ApplicantResult } from '../../../../shared/ranking/applicant-result.js';
import type { Proposal, ProposalEntry } from '../../../../shared/ranking/proposal.js';
import { proposeRanking } from '../../../../shared/workflow/propose-ranking.js';
import type { ZqaDatabase } from '../../db/database.js';
import type { ApplicantRow, DecisionRow, SummaryRow } from '../records.js';

/**
 * The comprehensive review (综合评审) of one cycle, read in one transaction from small rows and
 * proposed by the shared step (shared/workflow/propose-ranking.ts):
 * the per-applicant summaries written when each panel return was imported, the applicants
 * (for exclusions the secretariat confirmed itself), the decisions. Nothing here opens a
 * panel return or a note, so the overview's cost grows with applicants, not with notes.
 */
export interface OverviewRow {
  applicantId: string;
  name: string;
  industry: string;
  /** Absent until the panel return is in. */
  summary?: SummaryRow;
  result?: ApplicantResult;
  entry?: ProposalEntry;
  decision?: DecisionRow;
  stage: ApplicantRow['record']['stage'];
}

export interface Overview {
  cycle: Cycle;
  rows: OverviewRow[];
  results: ApplicantResult[];
  proposal: Proposal;
  decisions: DecisionRow[];
}

export async function loadOverview(db: ZqaDatabase, cycleId: string): Promise<Overview | null> {
  const read = await db.transaction('r', [db.secCycles, db.secSummaries, db.secApplicants, db.secDecisions], async () => ({
    cycle: await db.secCycles.get(cycleId),
    summaries: await db.secSummaries.where('cycleId').equals(cycleId).toArray(),
    applicants: await db.secApplicants.where('cycleId').equals(cycleId).toArray(),
    decisions: await db.secDecisions.where('cycleId').equals(cycleId).toArray(),
  }));
  if (!read.cycle) return null;
  return overviewFrom(read.cycle.cycle, read.summaries, read.applicants, read.decisions);
}

export function overviewFrom(cycle: Cycle, summaries: readonly SummaryRow[], applicants: readonly ApplicantRow[], decisions: readonly DecisionRow[]): Overview {
  const findings = new Map(applicants.map((a) => [a.id, { exclusions: a.record.exclusions, category: a.record.profile.category }]));
  const { results, proposal } = proposeRanking(cycle.rules, summaries.map((s) => s.result), findings);
  const entries = new Map([...proposal.award, ...proposal.nomination, ...proposal.notAwarded].map((e) => [e.applicantId, e]));
  const summaryOf = new Map(summaries.map((s) => [s.applicantId, s]));
  const resultOf = new Map(results.map((r) => [r.applicantId, r]));
  const decisionOf = new Map(decisions.map((d) => [d.applicantId, d]));
  const rows: OverviewRow[] = applicants.map((a) => {
    const summary = summaryOf.get(a.id);
    const result = resultOf.get(a.id);
    const entry = entries.get(a.id);
    const decision = decisionOf.get(a.id);
    return {
      applicantId: a.id,
      name: a.record.profile.name,
      industry: a.record.profile.industry,
      stage: a.record.stage,
      ...(summary ? { summary } : {}),
      ...(result ? { result } : {}),
      ...(entry ? { entry } : {}),
      ...(decision ? { decision } : {}),
    };
  });
  rows.sort((x, y) => (y.result?.totalHundredths ?? -1) - (x.result?.totalHundredths ?? -1) || x.name.localeCompare(y.name, 'zh-CN'));
  return { cycle, rows, results, proposal, decisions: [...decisions] };
}
