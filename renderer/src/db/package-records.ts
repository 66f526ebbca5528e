import type { PackageType } from '../../../shared/packages/manifest.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../../shared/packages/content/scoresheet.js';

/**
 * Every package this device accepted, newest and superseded alike (a newer revision keeps
 * the older one here, marked). The original bytes are kept: the leader's panel return
 * nests the members' signed packages exactly as they arrived.
 */
export interface ReceivedPackageRecord {
  /** SHA-256 of manifest.json (hex): one package, whatever file name it travelled under. */
  manifestSha256: string;
  packageId: string;
  /** shared/packages/manifest.ts seriesIdOf: type / cycle / applicant / panel / sender. */
  seriesId: string;
  revision: number;
  type: PackageType;
  senderKeyId: string;
  senderName: string;
  /** The review it belongs to (assignment, scoresheet), null for identity cards. */
  reviewId: string | null;
  receivedAt: string;
  /** Set when a newer revision of the same series arrived; the record stays as history. */
  supersededBy: string | null;
  bytes: Blob | Uint8Array;
}

/**
 * The verified assignment behind an imported review, with the roster's public keys: the
 * trust store is rebuilt from these (the secretariat vouched for each member), and the
 * leader's workspace is visible when this device's key is the leader here.
 */
export interface PanelAssignmentRecord {
  reviewId: string;
  panelId: string;
  leaderKeyId: string;
  revision: number;
  manifestSha256: string;
  content: AssignmentContent;
  receivedAt: string;
}

/** A panel member's latest verified scoresheet, as the leader's device received it. */
export interface MemberScoresheetRecord {
  reviewId: string;
  memberKeyId: string;
  memberName: string;
  revision: number;
  manifestSha256: string;
  content: ScoresheetContent;
  /** The attachments' plaintext, keyed by attachment id (content.attachments). */
  attachments: Record<string, Blob>;
  /** The signed package as it arrived: the panel return nests it unchanged. A Blob, or a Uint8Array in records made before packages were streamed. */
  packageBytes: Blob | Uint8Array;
  receivedAt: string;
}

/** Older revisions of member scoresheets, kept when a newer one supersedes them. */
export type MemberScoresheetHistoryRecord = MemberScoresheetRecord;

/**
 * This device's own scoresheet exports, one per revision. Independence (docs/domain.md §2): a member
 * sees only their own scores until a row exists here for the review.
 */
export interface ScoresheetExportRecord {
  reviewId: string;
  revision: number;
  packageId: string;
  manifestSha256: string;
  exportedAt: string;
  savedAs: string;
}
