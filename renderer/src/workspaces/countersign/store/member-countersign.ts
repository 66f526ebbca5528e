import { dbHeldRecords } from '../../../packages/trust-from-db.js';
import type { TrustStore } from '../../../../../shared/identity/trust-store.js';
import type { PackageError } from '../../../../../shared/packages/errors.js';
import type { PackageHistory } from '../../../../../shared/packages/revision.js';
import type { WrittenPackage } from '../../../../../shared/packages/write-package.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import { countersignReport as countersign, receiveReportForSigning, type HeldAssignments } from '../../../../../shared/workflow/countersign-report.js';
import type { KeyHolder } from '../../../../../shared/workflow/ports/keys.js';
import { workflowError, type WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ReportToSignRecord } from '../../../db/leader-records.js';

/**
 * A member's side of countersigning on this device: the shared steps receive, check and sign
 * (shared/workflow/countersign-report.ts); this is their storage — the assignments the device
 * holds, the reports already received — and keeps what they return.
 */
function heldAssignments(db: ZqaDatabase): HeldAssignments {
  return {
    forPanel: async (ids) => {
      const stored = (await db.panelAssignments.toArray()).find((p) => p.content.cycle.id === ids.cycleId && p.content.applicant.id === ids.applicantId && p.content.panel.id === ids.panelId);
      return stored ? { reviewId: stored.reviewId, content: stored.content } : null;
    },
  };
}

/** The history port: the leader's reports for signing of one cycle, applicant and panel are one series. */
function heldReports(db: ZqaDatabase): PackageHistory {
  return {
    latest: async (seriesId) => {
      // seriesIdOf: type/cycle/applicant/panel/sender.
      const [cycleId, applicantId, panelId, sender] = seriesId.split('/').slice(1);
      const held = (await db.reportsToSign.toArray())
        .filter((r) => r.content.cycleId === cycleId && r.content.applicantId === applicantId && r.content.panelId === panelId && r.leaderKeyId === sender)
        .sort((x, y) => y.revision - x.revision)[0];
      return held ? { packageId: held.packageId, revision: held.revision, manifestSha256: held.manifestSha256 } : null;
    },
  };
}

export async function importReportForSigning(
  bytes: Uint8Array,
  c: { db: ZqaDatabase; keys: KeyHolder; trust: TrustStore; now: Date; myKeyId: string },
): Promise<Result<ReportToSignRecord, PackageError>> {
  const received = await receiveReportForSigning(bytes, { keys: c.keys, trust: c.trust, history: heldReports(c.db), assignments: heldAssignments(c.db), held: dbHeldRecords(c.db), myKeyId: c.myKeyId });
  if (!received.ok) return received;
  const record: ReportToSignRecord = {
    ...received.value.report,
    reviewId: received.value.reviewId,
    receivedAt: c.now.toISOString(),
    countersignedAt: null,
    agrees: null,
    comment: '',
    countersignaturePackage: null,
    countersignatureRevision: null,
  };
  await c.db.transaction('rw', c.db.reportsToSign, () => c.db.reportsToSign.put(record));
  return ok(record);
}

/** Countersigns a held report and keeps the package, so it can be exported again. */
export async function countersignReport(
  record: ReportToSignRecord,
  c: { db: ZqaDatabase; keys: KeyHolder; myKeyId: string; agrees: boolean; comment: string; now: Date },
): Promise<Result<WrittenPackage, WorkflowError>> {
  const assignment = (await c.db.panelAssignments.get(record.reviewId))?.content;
  if (!assignment) return err(workflowError('not-ready', '该报告所属的评审任务已不在本设备上', 'the assignment for this report is no longer on this device'));
  const earlier = (await c.db.reportsToSign.where('reviewId').equals(record.reviewId).toArray()).map((r) => r.countersignatureRevision ?? 0);
  const signed = await countersign(
    { report: record, assignment, agrees: c.agrees, comment: c.comment, lastRevision: Math.max(0, ...earlier) },
    { keys: c.keys, clock: { now: () => c.now }, myKeyId: c.myKeyId },
  );
  if (!signed.ok) return signed;
  const { content, written, revision } = signed.value;
  await c.db.transaction('rw', c.db.reportsToSign, () =>
    c.db.reportsToSign.update(record.packageId, { countersignedAt: content.signedAt, agrees: content.agrees, comment: content.comment, countersignaturePackage: written.bytes, countersignatureRevision: revision }),
  );
  return ok(written);
}
