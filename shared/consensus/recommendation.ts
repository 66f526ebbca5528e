import type { CriteriaSet } from '../criteria/criteria-set.js';
import type { RecommendationRules } from '../cycle/cycle-rules.js';
import { meetsThreshold } from '../scoring/hundredths.js';
import { scoreTotals, type ScoreTotals } from '../scoring/totals.js';
import { err, ok, type Result } from '../util/result.js';
import type { ConsensusRecord } from './consensus-record.js';

export const RECOMMENDATIONS = ['award', 'nomination', 'not-recommended'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export type { RecommendationRules };

export interface RecommendationFacts {
  recommendation: Recommendation;
  totals: ScoreTotals;
  totalHundredths: number;
  thresholdHundredths: number;
  meetsThreshold: boolean;
  nominationMinimumHundredths: number;
  /** Art. 14 numbers the panel confirmed; any one disqualifies whatever the score. */
  flaggedExclusions: number[];
}

export interface IncompleteConsensus {
  itemsWithoutConsensus: string[];
  openExclusions: number[];
  message: string;
}

/** The panel total from consensus percentages, in hundredths; items not agreed count nothing. */
export function panelTotals(set: CriteriaSet, record: ConsensusRecord): ScoreTotals {
  if (record.criteriaSetId !== set.id) throw new Error(`consensus is for criteria set ${record.criteriaSetId}, not ${set.id}`);
  const percents: Record<string, number | undefined> = {};
  for (const item of record.items) percents[item.itemId] = item.percent ?? undefined;
  return scoreTotals(set, percents);
}

/**
 * The panel's recommendation and the facts behind it, under the cycle's own rules (carried in
 * the assignment): the Award at or above the cycle's threshold (Art. 15), the Nomination at or
 * above the nomination minimum the cycle states, otherwise none. It is only given once every
 * item has a consensus percentage and every exclusion is decided: a half-finished consensus
 * must not read as a result.
 */
export function recommend(set: CriteriaSet, record: ConsensusRecord, rules: RecommendationRules): Result<RecommendationFacts, IncompleteConsensus> {
  const totals = panelTotals(set, record);
  const agreed = new Set(record.items.filter((i) => i.percent !== null).map((i) => i.itemId));
  const itemsWithoutConsensus = set.categories.flatMap((c) => c.items.map((i) => i.id)).filter((id) => !agreed.has(id));
  const openExclusions = record.exclusions.filter((e) => e.status === 'open').map((e) => e.number);
  if (itemsWithoutConsensus.length > 0 || openExclusions.length > 0) {
    const parts: string[] = [];
    if (itemsWithoutConsensus.length > 0) parts.push(`no consensus yet on item(s) ${itemsWithoutConsensus.join(', ')}`);
    if (openExclusions.length > 0) parts.push(`Art. 14 exclusion(s) ${openExclusions.join(', ')} not yet decided`);
    return err({ itemsWithoutConsensus, openExclusions, message: parts.join('; ') });
  }
  const flaggedExclusions = record.exclusions.filter((e) => e.status === 'flagged').map((e) => e.number);
  const passes = meetsThreshold(totals.totalHundredths, rules.awardThresholdPoints);
  const nominationMinimumHundredths = rules.nominationMinimumPoints * 100;
  let recommendation: Recommendation;
  if (flaggedExclusions.length > 0) recommendation = 'not-recommended';
  else if (passes) recommendation = 'award';
  else if (totals.totalHundredths >= nominationMinimumHundredths) recommendation = 'nomination';
  else recommendation = 'not-recommended';
  return ok({
    recommendation,
    totals,
    totalHundredths: totals.totalHundredths,
    thresholdHundredths: rules.awardThresholdPoints * 100,
    meetsThreshold: passes,
    nominationMinimumHundredths,
    flaggedExclusions,
  });
}
