import type { CriteriaSet } from '../criteria/criteria-set.js';
import { itemScoreHundredths } from './hundredths.js';

export interface CategoryTotal {
  id: string;
  scoreHundredths: number;
  maxPoints: number;
  scoredItems: number;
  itemCount: number;
}

export interface ScoreTotals {
  categories: CategoryTotal[];
  totalHundredths: number;
  scoredItems: number;
  itemCount: number;
}

/**
 * Category subtotals and the total of a (possibly partial) set of percentages. Unscored
 * items count as nothing and are reported through the scored/item counts, so a summary
 * can show progress beside the running total.
 */
export function scoreTotals(set: CriteriaSet, percentByItem: Readonly<Record<string, number | undefined>>): ScoreTotals {
  let totalHundredths = 0;
  let scoredItems = 0;
  let itemCount = 0;
  const categories = set.categories.map((category): CategoryTotal => {
    let scoreHundredths = 0;
    let scored = 0;
    for (const item of category.items) {
      const percent = percentByItem[item.id];
      if (percent === undefined) continue;
      scoreHundredths += itemScoreHundredths(item.points, percent);
      scored += 1;
    }
    totalHundredths += scoreHundredths;
    scoredItems += scored;
    itemCount += category.items.length;
    return { id: category.id, scoreHundredths, maxPoints: category.points, scoredItems: scored, itemCount: category.items.length };
  });
  return { categories, totalHundredths, scoredItems, itemCount };
}

/** A category's score as a percentage of its maximum, in tenths of a percent (for charts). */
export function categoryPercentTenths(total: CategoryTotal): number {
  // hundredths / (points × 100) × 100% × 10 = hundredths × 10 / points, rounded half up.
  return Math.floor((total.scoreHundredths * 20 + total.maxPoints) / (2 * total.maxPoints));
}
