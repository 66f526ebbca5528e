import { memberScoresFromScoresheet, panelMemberFromRoster } from '../consensus/from-packages.js';
import type { ConsensusRecord } from '../consensus/consensus-record.js';
import { validateCriteriaSet } from '../criteria/validate-criteria-set.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { err, ok, type Result } from '../util/result.js';
import type { ReportInput } from './report-input.js';

export interface ReportFromPackages {
  assignment: AssignmentContent;
  /** Verified scoresheets, the latest revision of each member. */
  scoresheets: readonly ScoresheetContent[];
  consensus: ConsensusRecord;
  /** YYYY-MM-DD the leader dates the report. */
  reportDate: string;
  /** ISO instant: the PDF's creation date. */
  issuedAt: string;
  materialReviewDate?: string;
}

/** The report's input from the assignment, the members' scoresheets and the consensus. */
export function reportInputFromPackages(p: ReportFromPackages): Result<ReportInput, string> {
  const set = validateCriteriaSet(p.assignment.criteriaSet);
  if (!set.ok) return err(`assignment criteria set: ${set.error.map((e) => e.message).join('; ')}`);
  const dates = p.assignment.schedule.map((s) => s.date).sort();
  const a = p.assignment.applicant;
  return ok({
    cycleName: p.assignment.cycle.name,
    applicant: { name: a.name, creditCode: a.creditCode, industry: a.industry, address: a.address, contact: a.contact || undefined, profile: a.profile },
    roster: p.assignment.panel.members.map(panelMemberFromRoster),
    schedule: {
      materialReviewDate: p.materialReviewDate,
      siteVisitFrom: dates[0] ?? p.reportDate,
      siteVisitTo: dates.at(-1) ?? p.reportDate,
      reportDate: p.reportDate,
      activities: p.assignment.schedule.map((s) => ({ date: s.date, time: `${s.start}–${s.end}`, activity: s.activity, place: s.location })),
    },
    criteriaSet: set.value,
    scoresheets: p.scoresheets.map(memberScoresFromScoresheet),
    materialReview: Object.fromEntries(p.assignment.materialReview.scores.map((s) => [s.itemId, s.percent])),
    consensus: p.consensus,
    // The cycle's own rules, as the secretariat issued them in the assignment.
    rules: {
      awardThresholdPoints: p.assignment.rules.awardThresholdPoints,
      nominationMinimumPoints: p.assignment.rules.nominationMinimumPoints,
      divergenceLimitPoints: p.assignment.rules.divergenceLimitPoints,
      panelSizeMin: p.assignment.rules.panelSizeMin,
      panelSizeMax: p.assignment.rules.panelSizeMax,
    },
    issuedAt: p.issuedAt,
  });
}
