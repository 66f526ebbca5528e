import type { ConsensusRecord } from '../../../shared/consensus/consensus-record.js';
import type { Recommendation } from '../../../shared/consensus/recommendation.js';
import type { HistoryEntry } from '../../../shared/history/hash-chain.js';
import type { ReportForSigningContent } from '../../../shared/packages/content/report-for-signing.js';

/**
 * The leader's and the countersigning member's records (Dexie version 3). Every record is
 * keyed by the review it belongs to: the same `reviewId` as the imported assignment
 * (panelAssignments, migration 0002), so a device that leads two panels, or sits on one and
 * leads another, keeps them apart.
 *
 * The panel's consensus as it stands, one per review this device leads.
 */
export interface ConsensusStateRecord {
  reviewId: string;
  record: ConsensusRecord;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * One consensus edit in the leader's full edit log, hash-chained like the score history
 * (`prevHash`, `hash` over the canonical JSON of the entry without `hash`), so text and
 * exclusion edits are as tamper-evident as percentages.
 */
export interface ConsensusEditRecord {
  reviewId: string;
  seq: number;
  at: string;
  actor: string;
  kind: string;
  itemId: string;
  from: unknown;
  to: unknown;
  prevHash: string;
  hash: string;
}

/** Consensus percentages in the score history chain (kind `consensus`, shared/history). */
export interface ConsensusScoreHistoryRecord extends HistoryEntry {
  reviewId: string;
}

/** The leader's signed report and the report-for-signing package made from it. */
export interface ReportArtefactRecord {
  id: string;
  reviewId: string;
  /** The PAdES-signed PDF. */
  pdf: Uint8Array;
  sha256: string;
  /** Canonical JSON of the consensus the PDF was made from: edits after it make the report stale. */
  consensusJson: string;
  reportText: string;
  totalHundredths: number;
  recommendation: Recommendation;
  /** The leader's certificate the secretariat issued (from the assignment), and its chain. */
  certificate: Uint8Array;
  chain: Uint8Array[];
  rfsPackageId: string;
  rfsPackage: Uint8Array;
  rfsRevision: number;
  createdAt: string;
  createdBy: string;
}

/** A member's countersignature as the leader received it (the original package kept whole). */
export interface ReceivedCountersignatureRecord {
  reviewId: string;
  signerKeyId: string;
  reportPackageId: string;
  reportSha256: string;
  /** base64 DER over the signed PDF. */
  signature: string;
  agrees: boolean;
  comment: string;
  signedAt: string;
  packageId: string;
  revision: number;
  manifestSha256: string;
  package: Uint8Array;
  receivedAt: string;
}

/** Reasons recorded for members who could not countersign, and the finished return. */
export interface FinalisationRecord {
  reviewId: string;
  excused: Record<string, string>;
  panelReturnPackageId: string | null;
  panelReturnRevision: number;
  reportId: string | null;
  finalisedAt: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** On a member's device: a report the leader sent for countersigning, and what the member did. */
export interface ReportToSignRecord {
  packageId: string;
  reviewId: string;
  revision: number;
  manifestSha256: string;
  content: ReportForSigningContent;
  pdf: Uint8Array;
  leaderName: string;
  leaderKeyId: string;
  /** The result of checkSignedReport when it was imported: null when it held. */
  leaderCheckError: string | null;
  leaderSigner: string | null;
  receivedAt: string;
  countersignedAt: string | null;
  agrees: boolean | null;
  comment: string;
  countersignaturePackage: Uint8Array | null;
  /** The countersignature package's revision (its series is this member's, per panel). */
  countersignatureRevision: number | null;
}
