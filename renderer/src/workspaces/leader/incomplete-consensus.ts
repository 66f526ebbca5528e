import type { TFunction } from 'i18next';
import type { IncompleteConsensus } from '../../../../shared/consensus/recommendation.js';

/**
 * What is left before the panel has a recommendation, in the reader's language and with where
 * to do it: the domain's own message is for logs and the command line (English, item ids
 * joined), not for the leader's screen.
 */
export function describeIncompleteConsensus(gap: IncompleteConsensus, t: TFunction): string {
  const parts: string[] = [];
  if (gap.itemsWithoutConsensus.length > 0) {
    parts.push(t('leader.gapItems', { count: gap.itemsWithoutConsensus.length, items: gap.itemsWithoutConsensus.join(t('leader.listSeparator')) }));
  }
  if (gap.openExclusions.length > 0) {
    parts.push(t('leader.gapExclusions', { numbers: gap.openExclusions.join(t('leader.listSeparator')) }));
  }
  return parts.join(t('leader.clauseSeparator'));
}
