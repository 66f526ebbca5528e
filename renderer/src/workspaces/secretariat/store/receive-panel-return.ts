import { samePanelSubject, type HeldScoresheet, type PanelSubject } from '../../../../../shared/packages/held-records.js';
import { seriesIdOf } from '../../../../../shared/packages/manifest.js';
import type { PackageHistory } from '../../../../../shared/packages/revision.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { PanelReturnRow, SummaryRow } from '../../../db/secretariat-records.js';
import { applyTransition, type ApplicantRecord } from '../../../../../shared/applicant/applicant-record.js';
import { receivePanelReturn as receiveStep } from '../../../../../shared/workflow/receive-panel-return.js';
import { workflowError, type WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import { TRANSITION_TABLES, transitionContext } from './transition-context.js';
import { nowIso } from './messages.js';
import type { SecretariatSelf } from './secretariat-identity.js';

/** The importer's history port over the secretariat's own series table. */
function seriesHistory(db: ZqaDatabase): PackageHistory {
  return {
    latest: async (seriesId) => {
      const row = await db.secSeries.get(seriesId);
      return row ? { packageId: row.packageId, revision: row.revision, manifestSha256: row.manifestSha256 } : null;
    },
  };
}

/**
 * The latest scoresheet of an expert for a panel that came in an earlier return (the current
 * one of that panel, which was itself checked against those before it).
 */
async function heldScoresheet(db: ZqaDatabase, subject: PanelSubject, expertKeyId: string): Promise<HeldScoresheet | null> {
  const rows = await db.secPanelReturns.where('panelId').equals(subject.panelId).toArray();
  const latest = rows.filter((r) => samePanelSubject(r, subject)).sort((a, b) => b.revision - a.revision)[0];
  const sheet = latest?.scoresheets.find((s) => s.expertKeyId === expertKeyId);
  // Rows written before revisions were kept count as revision 1: the history is what is compared.
  return latest && sheet ? { revision: latest.scoresheetRevisions?.[expertKeyId] ?? 1, history: sheet.history } : null;
}

/**
 * Receives a panel return: checked in full first by the shared step
 * (shared/workflow/receive-panel-return.ts, this store its ports), then applied in ONE
 * transaction: the return kept (an earlier revision marked superseded, never deleted), the
 * applicant's summary row for the overview, the applicant's on-site total, the series'
 * latest revision. A refusal, or a series that moved on meanwhile, changes nothing.
 */
export async function receivePanelReturn(db: ZqaDatabase, bytes: Uint8Array, fileName: string, self: SecretariatSelf): Promise<Result<SummaryRow, WorkflowError>> {
  const checked = await receiveStep(bytes, {
    keys: self.keys,
    self: self.card,
    assignmentFor: async (panelId) => (await db.secAssignments.get(panelId))?.content,
    history: seriesHistory(db),
    heldScoresheet: (subject, expertKeyId) => heldScoresheet(db, subject, expertKeyId),
    category: async (applicantId) => (await db.secApplicants.get(applicantId))?.record.profile.category,
  });
  if (!checked.ok) return checked;
  const imported = checked.value.received;
  const { content, manifest } = imported;
  const seriesId = seriesIdOf(manifest);
  const at = nowIso();
  const summary: SummaryRow = {
    cycleId: content.cycleId,
    applicantId: content.applicantId,
    panelId: content.panelId,
    result: checked.value.result,
    itemScores: checked.value.itemScores,
    returnPackageId: manifest.packageId,
    updatedAt: at,
  };
  const row: PanelReturnRow = {
    id: manifest.packageId,
    seriesId,
    cycleId: content.cycleId,
    applicantId: content.applicantId,
    panelId: content.panelId,
    revision: manifest.revision,
    manifestSha256: imported.manifestSha256,
    content,
    scoresheets: checked.value.scoresheets,
    scoresheetRevisions: checked.value.scoresheetRevisions,
    signOff: checked.value.signOff,
    reportPdf: new Blob([checked.value.reportPdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    reportSha256: checked.value.reportSha256,
    fileName,
    receivedAt: at,
    receivedBy: self.actor,
    current: true,
  };
  return db.transaction('rw', [db.secSeries, db.secPanelReturns, db.secSummaries, ...TRANSITION_TABLES], async () => {
    const latest = await db.secSeries.get(seriesId);
    const expected = imported.disposition.kind === 'supersedes' ? imported.disposition.previous.packageId : undefined;
    if (latest?.packageId !== expected) return err(workflowError('mismatch', '该评审组的结果已在此期间更新，请重新导入', "this panel's return changed meanwhile; import again"));
    const earlier = await db.secPanelReturns.where('panelId').equals(content.panelId).toArray();
    for (const e of earlier) if (e.current) await db.secPanelReturns.put({ ...e, current: false });
    await db.secPanelReturns.put(row);
    await db.secSeries.put({ seriesId, packageId: manifest.packageId, revision: manifest.revision, manifestSha256: imported.manifestSha256 });
    await db.secSummaries.put(summary);
    const applicant = await db.secApplicants.get(content.applicantId);
    if (applicant) {
      let record: ApplicantRecord = { ...applicant.record, onSiteTotalHundredths: summary.result.totalHundredths };
      // The panel's on-site result is in: the on-site review took place (Art. 17(6)).
      if (record.stage === 'material-review') {
        const moved = applyTransition(record, 'on-site', { at, by: self.actor, reason: '已收到评审组现场评审结果' }, await transitionContext(db, applicant));
        if (moved.ok) record = moved.value;
      }
      await db.secApplicants.put({ ...applicant, record, updatedAt: at, updatedBy: self.actor });
    }
    return ok(summary);
  });
}
