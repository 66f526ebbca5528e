import { memberScoresFromScoresheet, panelMemberFromRoster } from '../consensus/from-packages.js';
import type { ConsensusRecord } from '../consensus/consensus-record.js';
import { visitDays } from '../consensus/visit-record.js';
import { validateCriteriaSet } from '../criteria/validate-criteria-set.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { err, ok, type Result } from '../util/result.js';
import type { EvidencePhoto } from './evidence-photos.js';
import type { EarlierCountersignature, MemberReservation, ReportInput, ScheduleEntry, SiteCheck } from './report-input.js';
import { VISIT_KIND_ZH } from './format-zh.js';

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
  /** Print-ready photos (collectEvidencePhotos). */
  photos?: readonly EvidencePhoto[];
  /** Reservations members gave when countersigning an earlier version, printed verbatim. */
  reservations?: readonly MemberReservation[];
  earlierCountersignatures?: readonly EarlierCountersignature[];
  version?: number;
}

/**
 * The report's input from the assignment, the members' scoresheets and the consensus. The
 * visit's dates are the assignment's (the secretariat's plan: the review dates the report
 * date must lie in); its schedule is the one the leader recorded with the consensus, or the
 * plan while none is recorded.
 */
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
      activities: scheduleOf(p.assignment, p.consensus),
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
    version: p.version,
    siteChecks: siteChecksOf(p.assignment, p.scoresheets),
    observations: p.scoresheets.flatMap((s) => s.observations.map((o) => ({ memberId: s.expertKeyId, itemId: o.itemId, text: o.text, evidence: o.evidenceRef ?? o.evidence }))),
    photos: p.photos,
    reservations: p.reservations,
    earlierCountersignatures: p.earlierCountersignatures,
  });
}

function scheduleOf(assignment: AssignmentContent, consensus: ConsensusRecord): ScheduleEntry[] {
  if (consensus.visit && consensus.visit.activities.length > 0) {
    return visitDays(consensus.visit).flatMap((d) =>
      d.activities.map((x) => ({ date: x.date, time: `${x.start}—${x.end}`, activity: x.activity.startsWith(VISIT_KIND_ZH[x.kind]) ? x.activity : `${VISIT_KIND_ZH[x.kind]}：${x.activity}`, place: x.place, people: x.people })),
    );
  }
  return [...assignment.schedule].sort((x, y) => (x.date + x.start).localeCompare(y.date + y.start)).map((s) => ({ date: s.date, time: `${s.start}—${s.end}`, activity: s.activity, place: s.location }));
}

function siteChecksOf(assignment: AssignmentContent, sheets: readonly ScoresheetContent[]): SiteCheck[] {
  return assignment.siteIssues.map((issue) => ({
    id: issue.id,
    itemId: issue.itemId,
    text: issue.text,
    findings: sheets.flatMap((s) => {
      const f = s.siteIssues.find((x) => x.issueId === issue.id);
      return f ? [{ memberId: s.expertKeyId, status: f.status, note: f.note, evidence: f.evidence ?? '' }] : [];
    }),
  }));
}
