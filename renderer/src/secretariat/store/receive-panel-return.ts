import { defaultCycleRules } from '../../../../shared/cycle/cycle-rules.js';
import { seriesIdOf } from '../../../../shared/packages/manifest.js';
import type { PackageHistory } from '../../../../shared/packages/revision.js';
import { err, ok, type Result } from '../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../db/database.js';
import type { PanelReturnRow, SummaryRow } from '../records.js';
import { receivePanelReturn as receiveStep } from '../../../../shared/workflow/receive-panel-return.js';
import { workflowError, type WorkflowError } from '../../../../shared/workflow/workflow-error.js';
import { nowIso } from './messages.js';
import type { SecretariatSelf } from './secretariat-identity.js';

/** The importer's history port over the secretariat's own series table. */
export function seriesHistory(db: ZqaDatabase): PackageHistory {
  return {
    latest: async (seriesId) => {
      const row = await db.secSeries.get(seriesId);
      return row ? { packageId: row.packageId, revision: row.revision, manifestSha256: row.manifestSha256 } : null;
    },
  };
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
    rules: async (cycleId) => (await db.secCycles.get(cycleId))?.cycle.rules ?? defaultCycleRules(),
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
    reportPdf: new Blob([checked.value.reportPdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    reportSha256: checked.value.reportSha256,
    fileName,
    receivedAt: at,
    receivedBy: self.actor,
    current: true,
  };
  return db.transaction('rw', [db.secSeries, db.secPanelReturns, db.secSummaries, db.secApplicants], async () => {
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
      await db.secApplicants.put({ ...applicant, record: { ...applicant.record, onSiteTotalHundredths: summary.result.totalHundredths }, updatedAt: at, updatedBy: self.actor });
    }
    return ok(summary);
  });
}
