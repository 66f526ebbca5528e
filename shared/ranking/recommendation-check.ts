import type { ApplicantResult, ProposalList } from './applicant-result.js';
import type { CycleRules } from '../cycle/cycle-rules.js';
import type { ProposalEntry } from './proposal.js';

/**
 * The panel's signed recommendation beside the secretariat's proposal: they differ when the
 * quotas, reservations or the committee's rules change the outcome (more qualifiers than
 * places), or when the cycle's rules changed after the panel signed. Shown, never recomputed.
 */
const AS_LIST: Readonly<Record<string, ProposalList>> = { award: 'award', nomination: 'nomination', 'not-recommended': 'notAwarded' };

export interface RecommendationDisagreement {
  /** The signed recommendation, read as a list. */
  signed: ProposalList;
  /** The panel signed under other rules than the cycle's now. */
  rulesChanged: boolean;
}

export function recommendationDisagreement(result: ApplicantResult, entry: ProposalEntry | undefined, rules: Pick<CycleRules, 'awardThresholdPoints' | 'nominationMinimumPoints'>): RecommendationDisagreement | null {
  const signed = AS_LIST[result.recommendation];
  if (!signed || !entry) return null;
  const under = result.signedUnder;
  const rulesChanged = under !== undefined && (under.awardThresholdPoints !== rules.awardThresholdPoints || under.nominationMinimumPoints !== rules.nominationMinimumPoints);
  const agrees = entry.tie ? entry.tie.possible.includes(signed) : entry.list === signed;
  return agrees && !rulesChanged ? null : { signed, rulesChanged };
}
