import { latestPriorAward } from '../../../../../shared/applicant/prior-awards.js';
import { isActiveStage, isCandidateStage } from '../../../../../shared/applicant/stage.js';
import type { CriteriaSet } from '../../../../../shared/criteria/criteria-set.js';
import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import type { ApplicantResult } from '../../../../../shared/ranking/applicant-result.js';
import type { Proposal, ProposalEntry } from '../../../../../shared/ranking/proposal.js';
import { proposeRanking, type SecretariatFindings } from '../../../../../shared/workflow/propose-ranking.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ApplicantRow, DecisionRow, SummaryRow } from '../../../db/secretariat-records.js';
import { criteriaSetById } from './criteria-store.js';

/**
 * The comprehensive review (综合评审) of one cycle, read in one transaction from small rows and
 * proposed by the shared step (shared/workflow/propose-ranking.ts):
 * the per-applicant summaries written when each panel return was imported, the applicants
 * (for exclusions the secretariat confirmed itself, the stage, the category, earlier awards),
 * the decisions. Nothing here opens a panel return or a note, so the overview's cost grows
 * with applicants, not with notes.
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
  /** Listed apart from the candidates (withdrawn, ineligible, or with a result but not yet a candidate). */
  apart: boolean;
  /** The reason recorded when it reached its stage (a withdrawal's, an ineligibility's). */
  stageReason?: string;
}

export interface Overview {
  cycle: Cycle;
  /** The cycle's criteria set (its categories are the overview's columns). */
  criteriaSet: CriteriaSet;
  rows: OverviewRow[];
  results: ApplicantResult[];
  proposal: Proposal;
  decisions: DecisionRow[];
}

function reasonOfStage(applicant: ApplicantRow): string | undefined {
  const record = applicant.record;
  return [...record.history].reverse().find((h) => h.to === record.stage)?.reason;
}

/** What the secretariat knows of an applicant beyond its panel's return. */
function findingsOf(applicant: ApplicantRow): SecretariatFindings {
  const record = applicant.record;
  const stageReason = isCandidateStage(record.stage) ? undefined : reasonOfStage(applicant);
  return { exclusions: record.exclusions, category: record.profile.category, stage: record.stage, stageReason, previousAward: latestPriorAward(record) };
}

export async function loadOverview(db: ZqaDatabase, cycleId: string): Promise<Overview | null> {
  const read = await db.transaction('r', [db.secCycles, db.secSummaries, db.secApplicants, db.secDecisions, db.secCriteriaSets], async () => {
    const cycle = await db.secCycles.get(cycleId);
    return {
      cycle,
      criteriaSet: cycle ? await criteriaSetById(db, cycle.cycle.criteriaSetId) : undefined,
      summaries: await db.secSummaries.where('cycleId').equals(cycleId).toArray(),
      applicants: await db.secApplicants.where('cycleId').equals(cycleId).toArray(),
      decisions: await db.secDecisions.where('cycleId').equals(cycleId).toArray(),
    };
  });
  if (!read.cycle || !read.criteriaSet) return null;
  return overviewFrom(read.cycle.cycle, read.criteriaSet, read.summaries, read.applicants, read.decisions);
}

export function overviewFrom(cycle: Cycle, criteriaSet: CriteriaSet, summaries: readonly SummaryRow[], applicants: readonly ApplicantRow[], decisions: readonly DecisionRow[]): Overview {
  const findings = new Map(applicants.map((a) => [a.id, findingsOf(a)]));
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
    const stageReason = reasonOfStage(a);
    return {
      applicantId: a.id,
      name: a.record.profile.name,
      industry: a.record.profile.industry,
      stage: a.record.stage,
      apart: !isCandidateStage(a.record.stage) && (summary !== undefined || !isActiveStage(a.record.stage)),
      ...(stageReason ? { stageReason } : {}),
      ...(summary ? { summary } : {}),
      ...(result ? { result } : {}),
      ...(entry ? { entry } : {}),
      ...(decision ? { decision } : {}),
    };
  });
  rows.sort((x, y) => (y.result?.totalHundredths ?? -1) - (x.result?.totalHundredths ?? -1) || x.name.localeCompare(y.name, 'zh-CN'));
  return { cycle, criteriaSet, rows, results, proposal, decisions: [...decisions] };
}
