import type { HistoryEntry } from '../../../shared/history/hash-chain.js';
import type { ReviewAssignment } from '../../../shared/demo/review-assignment.js';
import type { ExclusionNumber } from '../../../shared/regulation/exclusions.js';

/**
 * The records of the local database. Every record that a person edits carries who changed
 * it last and when (`updatedBy`, `updatedAt`, ISO 8601); score changes are also appended
 * to the hash-chained history, which keeps every earlier value.
 */
export interface Stamp {
  updatedAt: string;
  updatedBy: string;
}

/** The expert who uses this device for the review. */
export interface ExpertProfile {
  id: string;
  name: string;
  organisation: string;
}

/** One review: the assignment-level data (what arrived from the secretariat) and whose sheet this is. */
export interface ReviewRecord extends Stamp {
  id: string;
  assignment: ReviewAssignment;
  expert: ExpertProfile;
  /** 'demo' for the built-in demo, 'assignment' for one imported from a package. */
  source: 'demo' | 'assignment';
  createdAt: string;
}

export interface ItemScoreRecord extends Stamp {
  reviewId: string;
  itemId: string;
  /** 0–100 in steps of 5. An item without a record is unscored. */
  percent: number;
}

export const NOTE_KINDS = ['strength', 'ofi', 'observation'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Where a site observation's evidence is: a document, a person interviewed (by role), a place. */
export interface EvidenceReference {
  document: string;
  intervieweeRole: string;
  place: string;
}

export interface NoteRecord extends Stamp {
  id: string;
  reviewId: string;
  itemId: string;
  /** 优势 / 改进机会 / 现场观察 */
  kind: NoteKind;
  text: string;
  /** Only site observations carry an evidence reference. */
  evidence: EvidenceReference | null;
  createdAt: string;
  createdBy: string;
}

export interface AttachmentRecord extends Stamp {
  id: string;
  reviewId: string;
  itemId: string;
  name: string;
  type: string;
  size: number;
  /** SHA-256 of the bytes, lower-case hex: the package lists it and a receiver checks it. */
  sha256: string;
  blob: Blob;
  createdAt: string;
  createdBy: string;
  /** What the photo shows and proves, in the expert's words (the report's appendix prints it). Absent on records made before captions. */
  caption?: string;
  /**
   * The site observation (a note of kind observation, on the same item) the photo supports;
   * absent when it supports the item as a whole. The scoresheet lists it under that
   * observation's attachment ids. Absent on records made before the link.
   */
  observationId?: string;
}

export const SITE_ISSUE_STATUSES = ['open', 'confirmed', 'partly', 'not-confirmed'] as const;
export type SiteIssueStatus = (typeof SITE_ISSUE_STATUSES)[number];

export interface SiteIssueStatusRecord extends Stamp {
  reviewId: string;
  issueId: string;
  status: SiteIssueStatus;
  note: string;
  /** Where the finding rests: documents, people interviewed by role, places. Absent on older records. */
  evidence?: string;
}

export type ExclusionStatus = 'clear' | 'flagged';

/** One Art. 14 exclusion as checked on site; a flagged one needs a note saying what was found. */
export interface ExclusionCheckRecord extends Stamp {
  reviewId: string;
  number: ExclusionNumber;
  status: ExclusionStatus;
  note: string;
}

/** The declaration's interest kinds are the expert pool's: one list (shared/regulation/conflict-of-interest.ts). */
export { CONFLICT_KINDS, type ConflictKind } from '../../../shared/regulation/conflict-of-interest.js';
import type { ConflictKind } from '../../../shared/regulation/conflict-of-interest.js';

/** The Art. 18 / Art. 25 declaration signed before the applicant's material opens. */
export type DeclarationRecord = Stamp & {
  reviewId: string;
  expertId: string;
  confidentiality: true;
  signedAt: string;
  /** ECDSA signature (raw r‖s, base64) by this device's key over the canonical declaration, when the host could sign. */
  signature: string | null;
  signingKey: string | null;
} & ({ conflict: false } | { conflict: true; conflictKind: ConflictKind; detail: string });

export interface HistoryRecord extends HistoryEntry {
  reviewId: string;
}
