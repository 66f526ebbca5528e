import type { AssignmentContent } from '../packages/content/assignment.js';
import type { PanelReturnContent } from '../packages/content/panel-return.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { err, ok, type Result } from '../util/result.js';
import type { PanelOutcomeInput } from './from-consensus.js';

/**
 * What one verified panel return means for the comprehensive review, with the assignment the
 * secretariat issued for the same panel (the return repeats ids, not the applicant's name
 * and industry) and the members' nested scoresheets (for the divergence notes). Everything
 * here has already been verified, decrypted and validated by the package importer.
 */
export function panelOutcomeFromReturn(
  assignment: AssignmentContent,
  panelReturn: PanelReturnContent,
  scoresheets: readonly ScoresheetContent[],
): Result<PanelOutcomeInput, string> {
  if (assignment.applicant.id !== panelReturn.applicantId || assignment.panel.id !== panelReturn.panelId || assignment.cycle.id !== panelReturn.cycleId) {
    return err(`the panel return for ${panelReturn.cycleId}/${panelReturn.applicantId}/${panelReturn.panelId} does not match the assignment ${assignment.cycle.id}/${assignment.applicant.id}/${assignment.panel.id}`);
  }
  if (panelReturn.consensus.criteriaSetId !== assignment.criteriaSet.id) {
    return err(`${assignment.applicant.name}: the consensus is against criteria set ${panelReturn.consensus.criteriaSetId}, the assignment issued ${assignment.criteriaSet.id}`);
  }
  const members = new Set(assignment.panel.members.map((m) => m.keyId));
  const memberPercents = scoresheets
    .filter((s) => members.has(s.expertKeyId))
    .map((s) => Object.fromEntries(s.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent] as const]))));
  return ok({
    applicantId: assignment.applicant.id,
    name: assignment.applicant.name,
    industry: assignment.applicant.industry,
    consensus: panelReturn.consensus,
    memberPercents,
  });
}
