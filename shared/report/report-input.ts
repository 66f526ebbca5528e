import type { ConsensusRecord } from '../consensus/consensus-record.js';
import type { MemberScores, PanelMember } from '../consensus/member-scores.js';
import type { CriteriaSet } from '../criteria/criteria-set.js';
import type { CycleRules } from '../cycle/cycle-rules.js';

/** Everything the on-site review report (现场评审报告) is made from. Dates are YYYY-MM-DD. */
export interface ApplicantProfile {
  name: string;
  /** 统一社会信用代码 */
  creditCode: string;
  industry: string;
  address: string;
  legalRepresentative?: string | undefined;
  contact?: string | undefined;
  /** 单位概况: paragraphs as the secretariat's profile gives them. */
  profile: string;
}

export interface ScheduleEntry {
  date: string;
  time: string;
  activity: string;
  place: string;
}

export interface ReviewSchedule {
  materialReviewDate?: string | undefined;
  siteVisitFrom: string;
  siteVisitTo: string;
  reportDate: string;
  activities: readonly ScheduleEntry[];
}

/** The cycle's rules the report applies and states, as the assignment carried them. */
export type ReportRules = Pick<CycleRules, 'awardThresholdPoints' | 'nominationMinimumPoints' | 'divergenceLimitPoints' | 'panelSizeMin' | 'panelSizeMax'>;

export interface ReportInput {
  /** e.g. 第三届（2026年） */
  cycleName: string;
  applicant: ApplicantProfile;
  roster: readonly PanelMember[];
  schedule: ReviewSchedule;
  criteriaSet: CriteriaSet;
  /** The members' verified scoresheets (latest revision each). */
  scoresheets: readonly MemberScores[];
  materialReview?: Readonly<Record<string, number | undefined>> | undefined;
  consensus: ConsensusRecord;
  rules: ReportRules;
  /** ISO instant the report is dated; the PDF's creation date, fixed so the bytes are reproducible. */
  issuedAt: string;
}
