import type { ConsensusRecord } from '../../../shared/consensus/consensus-record.js';
import type { HistoryEntry } from '../../../shared/history/hash-chain.js';
import type { ReportToSign } from '../../../shared/workflow/countersign-report.js';
import type { SignedReport } from '../../../shared/workflow/produce-report.js';
import type { ReceivedCountersignature } from '../../../shared/workflow/receive-countersignature.js';

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

/** The leader's signed report and the report-for-signing package made from it (shared/workflow/produce-report.ts). */
export interface ReportArtefactRecord extends SignedReport {
  /** The report-for-signing package's id. */
  id: string;
  reviewId: string;
}

/** A member's countersignature as the leader received it (the original package kept whole). */
export interface ReceivedCountersignatureRecord extends ReceivedCountersignature {
  reviewId: string;
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
export interface ReportToSignRecord extends ReportToSign {
  reviewId: string;
  receivedAt: string;
  countersignedAt: string | null;
  agrees: boolean | null;
  comment: string;
  countersignaturePackage: Uint8Array | null;
  /** The countersignature package's revision (its series is this member's, per panel). */
  countersignatureRevision: number | null;
}
