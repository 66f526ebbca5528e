import type { ConsensusRecord } from '../../../../../shared/consensus/consensus-record.js';
import type { AssignmentContent } from '../../../../../shared/packages/content/assignment.js';
import type { WrittenPackage } from '../../../../../shared/packages/write-package.js';
import type { Result } from '../../../../../shared/util/result.js';
import { assemblePanelReturn, type PanelReturnPorts } from '../../../../../shared/workflow/assemble-panel-return.js';
import type { WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../../db/database.js';
import { wholePackage } from '../../../packages/package-file.js';
import type { FinalisationRecord, ReceivedCountersignatureRecord, ReportArtefactRecord } from '../../../db/leader-records.js';

/**
 * The panel return from what this device holds for the review: every member's scoresheet
 * package as it arrived, the countersignatures, the reasons recorded for absent members; the
 * shared step assembles it (shared/workflow/assemble-panel-return.ts). The caller saves the
 * file and then records it (finalisation-writes.ts), so a cancelled save uses up nothing.
 */
export interface PanelReturnState {
  assignment: AssignmentContent;
  consensus: ConsensusRecord;
  report: ReportArtefactRecord;
  countersignatures: readonly ReceivedCountersignatureRecord[];
  finalisation: FinalisationRecord | null;
}

export async function writePanelReturn(db: ZqaDatabase, reviewId: string, state: PanelReturnState, ports: PanelReturnPorts): Promise<Result<{ written: WrittenPackage; revision: number }, WorkflowError>> {
  const sheets = await db.memberScoresheets.where('reviewId').equals(reviewId).toArray();
  const f = state.finalisation;
  return assemblePanelReturn(
    {
      assignment: state.assignment,
      consensus: state.consensus,
      report: state.report,
      scoresheets: await Promise.all(sheets.map(async (s) => ({ memberKeyId: s.memberKeyId, memberName: s.memberName, packageBytes: await wholePackage(s.packageBytes) }))),
      countersignatures: state.countersignatures,
      excused: f?.excused ?? {},
      previous: f?.panelReturnPackageId ? { packageId: f.panelReturnPackageId, revision: f.panelReturnRevision } : null,
    },
    ports,
  );
}
