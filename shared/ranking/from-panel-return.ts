import type { AssignmentContent } from '../packages/content/assignment.js';
import type { PanelReturnContent } from '../packages/content/panel-return.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { RECOMMENDATION_ZH } from '../report/format-zh.js';
import { err, ok, type Result } from '../util/result.js';
import type { ApplicantResult } from './applicant-result.js';
import { applicantResultFromConsensus, type PanelOutcomeInput } from './from-consensus.js';

/**
 * What one verified panel return means for the comprehensive review, with the assignment the
 * secretariat issued for the same panel (the return repeats ids, not the applicant's name
 * and industry) and the members' nested scoresheets (for the divergence notes). Everything
 * here has already been verified, decrypted and validated by the package importer.
 */
function panelOutcomeFromReturn(
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

/**
 * The applicant's line of the comprehensive review from a verified panel return, under the
 * rules the panel worked with (the assignment's). The recommendation is the one the panel
 * signed; it must follow from the signed consensus under those rules, else the return is
 * refused: a report that recommends what its own scores and rules do not support is wrong.
 */
export function resultFromPanelReturn(
  assignment: AssignmentContent,
  panelReturn: PanelReturnContent,
  scoresheets: readonly ScoresheetContent[],
  category?: string,
): Result<ApplicantResult, { zh: string; en: string }> {
  const outcome = panelOutcomeFromReturn(assignment, panelReturn, scoresheets);
  if (!outcome.ok) return err({ zh: outcome.error, en: outcome.error });
  const result = applicantResultFromConsensus(assignment.criteriaSet, { ...outcome.value, ...(category !== undefined ? { category } : {}) }, assignment.rules);
  if (!result.ok) return err({ zh: `评审组共识尚未完成（${result.error}）`, en: result.error });
  if (result.value.recommendation !== panelReturn.recommendation) {
    const signed = RECOMMENDATION_ZH[panelReturn.recommendation];
    const follows = RECOMMENDATION_ZH[result.value.recommendation as PanelReturnContent['recommendation']];
    return err({
      zh: `评审组签署的推荐意见（${signed}）与其共识评分按本届规则（获奖分数线${assignment.rules.awardThresholdPoints}分、提名奖最低分${assignment.rules.nominationMinimumPoints}分）得出的结论（${follows}）不一致`,
      en: `the panel signed "${panelReturn.recommendation}", but its consensus under the cycle's rules (threshold ${assignment.rules.awardThresholdPoints}, nomination minimum ${assignment.rules.nominationMinimumPoints}) gives "${result.value.recommendation}"`,
    });
  }
  return ok({
    ...result.value,
    signedUnder: { awardThresholdPoints: assignment.rules.awardThresholdPoints, nominationMinimumPoints: assignment.rules.nominationMinimumPoints },
  });
}
