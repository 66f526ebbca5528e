import type { CriteriaSet } from '../criteria/criteria-set.js';
import { itemsOf } from '../criteria/validate-criteria-set.js';
import { recommend } from '../consensus/recommendation.js';
import type { ConsensusRecord } from '../consensus/consensus-record.js';
import type { CycleRules } from '../cycle/cycle-rules.js';
import { isExclusionNumber, type ExclusionNumber } from '../regulation/exclusions.js';
import { isDivergent, spread } from '../scoring/statistics.js';
import { err, ok, type Result } from '../util/result.js';
import type { ApplicantResult } from './applicant-result.js';

/**
 * One applicant's line of the comprehensive review from what a panel return carries: the
 * consensus (engineer D's record: percentages, exclusion decisions) and the members'
 * independent percentages (from the nested scoresheets) for the divergence notes. A consensus
 * that is not finished (an item without a percentage, an exclusion still open) is refused:
 * a half-agreed total must never be ranked.
 */
export interface PanelOutcomeInput {
  applicantId: string;
  name: string;
  industry: string;
  category?: string;
  consensus: ConsensusRecord;
  /** Each member's percentages by item; may be empty when the scoresheets are not at hand. */
  memberPercents: readonly Readonly<Record<string, number | undefined>>[];
}

export function applicantResultFromConsensus(
  set: CriteriaSet,
  input: PanelOutcomeInput,
  rules: Pick<CycleRules, 'awardThresholdPoints' | 'nominationMinimumPoints' | 'divergenceLimitPoints'>,
): Result<ApplicantResult, string> {
  const facts = recommend(set, input.consensus, rules);
  if (!facts.ok) return err(`${input.name}: the panel's consensus is not finished: ${facts.error.message}`);
  const exclusions = facts.value.flaggedExclusions.filter((n): n is ExclusionNumber => isExclusionNumber(n));
  const divergenceNotes: string[] = [];
  for (const item of itemsOf(set)) {
    const percents = input.memberPercents.map((m) => m[item.id]).filter((p): p is number => p !== undefined);
    if (percents.length < 2) continue;
    if (isDivergent(percents, rules.divergenceLimitPoints)) {
      const width = spread(percents);
      const consensus = input.consensus.items.find((i) => i.itemId === item.id)?.percent;
      divergenceNotes.push(`${item.id} ${item.name}：成员评分${Math.min(...percents)}%–${Math.max(...percents)}%（跨度${width}个百分点），共识${consensus ?? '—'}%`);
    }
  }
  return ok({
    applicantId: input.applicantId,
    name: input.name,
    industry: input.industry,
    ...(input.category !== undefined ? { category: input.category } : {}),
    totalHundredths: facts.value.totalHundredths,
    categorySubtotals: Object.fromEntries(facts.value.totals.categories.map((c) => [c.id, c.scoreHundredths])),
    exclusions,
    recommendation: facts.value.recommendation,
    divergenceNotes,
    // Filled from the panel return's sign-off by whoever read it (shared/packages/panel-return-sign-off.ts).
    dissents: [],
    absences: [],
  });
}
