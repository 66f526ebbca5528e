import { confirmedExclusionNumbers, type ExclusionChecklist } from '../applicant/checklists.js';
import type { Stage } from '../applicant/stage.js';
import type { CycleRules } from '../cycle/cycle-rules.js';
import type { ApplicantResult } from '../ranking/applicant-result.js';
import { proposeSplit, type Proposal } from '../ranking/proposal.js';

/**
 * Propose the ranking (the secretariat, the comprehensive review 综合评审): each applicant's
 * result as its panel return gave it, joined with what the secretariat found itself (the
 * exclusions it confirmed on its own checklist, the applicant's category for reserved
 * places, its stage — only candidates are ranked — and its earlier award), split under the cycle's rules into Award, Nomination and not awarded, with the
 * vacancies and the ties the committee decides. The app's overview and `zqa rank` both call it.
 */
export interface SecretariatFindings {
  /** The secretariat's own Art. 14 checklist for the applicant. */
  exclusions: ExclusionChecklist;
  category?: string | undefined;
  /** Where the applicant is in the cycle: only candidates are ranked. */
  stage?: Stage | undefined;
  /** Why it left the cycle (the reason recorded with its stage). */
  stageReason?: string | undefined;
  /** Its earlier award that matters (Art. 27: a repeat winner takes no quota place). */
  previousAward?: ApplicantResult['previousAward'];
}

/**
 * The panel's result with what the secretariat knows: exclusions are the union of the panel's
 * confirmed ones and the secretariat's own; the category, stage and earlier award are its.
 */
function withFindings(result: ApplicantResult, findings: SecretariatFindings | undefined): ApplicantResult {
  if (!findings) return result;
  const exclusions = [...new Set([...result.exclusions, ...confirmedExclusionNumbers(findings.exclusions)])].sort((a, b) => a - b);
  return {
    ...result,
    exclusions,
    ...(findings.category ? { category: findings.category } : {}),
    ...(findings.stage ? { stage: findings.stage } : {}),
    ...(findings.stageReason ? { stageReason: findings.stageReason } : {}),
    ...(findings.previousAward ? { previousAward: findings.previousAward } : {}),
  };
}

export function proposeRanking(
  rules: CycleRules,
  returned: readonly ApplicantResult[],
  findings: ReadonlyMap<string, SecretariatFindings> = new Map(),
): { results: ApplicantResult[]; proposal: Proposal } {
  const results = returned.map((r) => withFindings(r, findings.get(r.applicantId)));
  return { results, proposal: proposeSplit(results, rules) };
}
