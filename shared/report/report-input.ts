import type { ConsensusRecord } from '../consensus/consensus-record.js';
import type { MemberScores, PanelMember } from '../consensus/member-scores.js';
import type { CriteriaSet } from '../criteria/criteria-set.js';
import type { CycleRules } from '../cycle/cycle-rules.js';
import type { EvidencePhoto } from './evidence-photos.js';

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
  /** Who took part, or the interviewees by role. */
  people?: string | undefined;
}

/** One issue the material review asked the visit to verify (现场核查要点), and what each member found. */
export interface SiteCheck {
  id: string;
  itemId: string | null;
  text: string;
  findings: readonly { memberId: string; status: 'pending' | 'confirmed' | 'not-confirmed'; note: string; evidence: string }[];
}

/** A member's site observation with where its evidence is. */
export interface SiteObservation {
  memberId: string;
  itemId: string | null;
  text: string;
  /** Document, interviewee by role, place — as the member recorded them. */
  evidence: { document: string; intervieweeRole: string; place: string } | string;
}

/** A member's reservation (保留意见), printed verbatim. */
export interface MemberReservation {
  memberId: string;
  text: string;
  /** ISO instant the member gave it with a countersignature of an earlier version of this report. */
  givenAt: string;
}

/** How a member countersigned an earlier version of this report: the signature page says so. */
export interface EarlierCountersignature {
  memberId: string;
  agrees: boolean;
  signedAt: string;
  /** The version (report-for-signing revision) it was given on. */
  version: number;
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
  /** The report-for-signing revision this PDF is (1 for the first). */
  version?: number | undefined;
  siteChecks?: readonly SiteCheck[] | undefined;
  observations?: readonly SiteObservation[] | undefined;
  /** The appendix of evidence photos, print-ready (evidence-photos.ts). */
  photos?: readonly EvidencePhoto[] | undefined;
  reservations?: readonly MemberReservation[] | undefined;
  earlierCountersignatures?: readonly EarlierCountersignature[] | undefined;
}
