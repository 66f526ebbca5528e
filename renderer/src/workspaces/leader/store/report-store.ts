import { ok, type Result } from '../../../../../shared/util/result.js';
import { produceReport, type ProduceReportInput, type ProduceReportPorts } from '../../../../../shared/workflow/produce-report.js';
import type { WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ReportArtefactRecord } from '../../../db/leader-records.js';

/**
 * The leader's report on this device: the shared step produces and signs it
 * (shared/workflow/produce-report.ts), this keeps it, keyed by its report-for-signing
 * package, beside the review it belongs to. A refusal stores nothing.
 */
export async function produceAndKeepReport(db: ZqaDatabase, reviewId: string, input: ProduceReportInput, ports: ProduceReportPorts): Promise<Result<ReportArtefactRecord, WorkflowError>> {
  const produced = await produceReport(input, ports);
  if (!produced.ok) return produced;
  const artefact: ReportArtefactRecord = { id: produced.value.rfsPackageId, reviewId, ...produced.value };
  await db.transaction('rw', db.reportArtefacts, () => db.reportArtefacts.add(artefact));
  return ok(artefact);
}
