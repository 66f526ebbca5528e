import type { ApplicantRecord } from '../../../shared/applicant/applicant-record.js';
import type { Cycle } from '../../../shared/cycle/cycle.js';
import type { ApplicantItemScores } from '../../../shared/export/secretariat-tables.js';
import type { IdentityCard } from '../../../shared/identity/identity-card.js';
import type { Employer, Interest, PoolExpert } from '../../../shared/panel/expert.js';
import type { CriteriaSet } from '../../../shared/criteria/criteria-set.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import type { PanelReturnContent } from '../../../shared/packages/content/panel-return.js';
import type { SignOff } from '../../../shared/packages/panel-return-sign-off.js';
import type { ScoresheetContent } from '../../../shared/packages/content/scoresheet.js';
import type { Complaint } from '../../../shared/public-notice/complaint.js';
import type { NoticePeriod } from '../../../shared/public-notice/notice-period.js';
import type { ApplicantResult, ProposalList } from '../../../shared/ranking/applicant-result.js';
import type { CommitteeVote } from '../../../shared/ranking/committee-decision.js';

/**
 * The secretariat's records (migration 0004). Each keeps who changed it and when. The
 * overview reads only `secSummaries` (one small row per applicant, written when its panel
 * return is imported), never the returns themselves, so it stays fast however many notes
 * the scoresheets carry.
 */
export interface Stamp {
  updatedAt: string;
  updatedBy: string;
}

/** The secretariat's root certificate (DER, base64), made once for its signing key and kept. */
export interface AuthorityRecord {
  id: 'root';
  signingKey: string;
  root: string;
  createdAt: string;
}

export interface CycleRecord extends Stamp {
  id: string;
  cycle: Cycle;
  createdAt: string;
}

/** An applicant of a cycle; `id` is the profile's id, unique across cycles. */
export interface ApplicantRow extends Stamp {
  id: string;
  cycleId: string;
  record: ApplicantRecord;
}

/** An expert of the pool: the imported card, the fingerprint a person confirmed, interests. */
export interface ExpertRow extends Stamp {
  id: string;
  keyId: string;
  expert: PoolExpert;
  card: IdentityCard;
  importedAt: string;
  confirmedAt?: string;
  confirmedBy?: string;
  /** The expert's certificate under the secretariat's root (DER, base64), issued once and reused. */
  certificate?: { signingKey: string; der: string; issuerSigningKey?: string };
}

export interface PanelRow extends Stamp {
  id: string;
  cycleId: string;
  applicantId: string;
  name: string;
  memberIds: string[];
  leaderId: string;
}

/** An assignment as issued: its content and the package's identity (revision counts up). */
export interface AssignmentRow {
  panelId: string;
  cycleId: string;
  applicantId: string;
  content: AssignmentContent;
  packageId: string;
  revision: number;
  manifestSha256: string;
  fileName: string;
  issuedAt: string;
  issuedBy: string;
}

/** A panel return as received and checked; the latest revision per panel counts. */
export interface PanelReturnRow {
  /** The package id. */
  id: string;
  seriesId: string;
  cycleId: string;
  applicantId: string;
  panelId: string;
  revision: number;
  manifestSha256: string;
  content: PanelReturnContent;
  scoresheets: ScoresheetContent[];
  /** Each nested scoresheet's revision by expert key id (absent in rows received before it was kept). */
  scoresheetRevisions?: Record<string, number>;
  /** Who countersigned, with reservations or not, and who was recorded absent (absent in rows received before it was kept). */
  signOff?: SignOff;
  reportPdf: Blob;
  reportSha256: string;
  fileName: string;
  receivedAt: string;
  receivedBy: string;
  /** False once a newer revision of the same panel's return arrived. */
  current: boolean;
}

/** What the overview shows of one applicant, computed once when its return is imported. */
export interface SummaryRow {
  cycleId: string;
  applicantId: string;
  panelId: string;
  result: ApplicantResult;
  itemScores: ApplicantItemScores;
  returnPackageId: string;
  updatedAt: string;
}

export interface DecisionRow extends Stamp {
  cycleId: string;
  applicantId: string;
  outcome: ProposalList;
  reason?: string;
  /** The committee's vote (审议表决); absent on decisions stored before votes were recorded. */
  vote?: CommitteeVote;
}

export interface NoticeRow extends Stamp {
  cycleId: string;
  period: NoticePeriod;
}

export interface ComplaintRow extends Stamp {
  id: string;
  cycleId: string;
  applicantId: string;
  complaint: Complaint;
}

/** A member of the secretariat's staff (Art. 18: recuses from applicants they have an interest in, like experts). */
export interface StaffRow extends Stamp {
  id: string;
  name: string;
  employer: Employer;
  interests: Interest[];
}

/** An imported criteria set (Art. 16: per industry), validated, kept whole; a cycle chooses one. */
export interface CriteriaSetRow {
  id: string;
  set: CriteriaSet;
  /** The file it came from, and who imported it when. */
  fileName: string;
  importedAt: string;
  importedBy: string;
}

/** The latest revision of each package series the secretariat accepted (the importer's history port). */
export interface SeriesRow {
  seriesId: string;
  packageId: string;
  revision: number;
  manifestSha256: string;
}
