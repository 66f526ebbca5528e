import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { formatHundredths, itemScoreHundredths, meetsThreshold } from '../../shared/scoring/hundredths.js';
import { PERCENT_GRID } from '../../shared/scoring/percent.js';
import { scoreTotals } from '../../shared/scoring/totals.js';

const items = itemsOf(GBT19580_2012);
const percentMapArb = fc.tuple(...items.map(() => fc.constantFrom(...PERCENT_GRID))).map((ps) =>
  Object.fromEntries(items.map((item, i) => [item.id, ps[i]!])),
);

describe('score arithmetic in hundredths', () => {
  it('scores an item as points × percent hundredths', () => {
    expect(itemScoreHundredths(50, 55)).toBe(2750);
    expect(formatHundredths(2750)).toBe('27.50');
    expect(itemScoreHundredths(15, 5)).toBe(75);
    expect(formatHundredths(75)).toBe('0.75');
  });

  it('puts 500.00 on the line and 499.95 below it', () => {
    expect(meetsThreshold(50000, 500)).toBe(true);
    expect(meetsThreshold(49995, 500)).toBe(false);
    expect(formatHundredths(49995)).toBe('499.95');
  });

  it('every item score is a multiple of 0.05 points (5 hundredths)', () => {
    fc.assert(fc.property(fc.constantFrom(...items), fc.constantFrom(...PERCENT_GRID), (item, p) => itemScoreHundredths(item.points, p) % 5 === 0));
  });

  it('the total is the sum of the category subtotals and stays within 0..1000 points', () => {
    fc.assert(
      fc.property(percentMapArb, (percents) => {
        const totals = scoreTotals(GBT19580_2012, percents);
        const sum = totals.categories.reduce((a, c) => a + c.scoreHundredths, 0);
        return sum === totals.totalHundredths && totals.totalHundredths >= 0 && totals.totalHundredths <= 100_000 && Number.isInteger(sum);
      }),
    );
  });

  it('a category never exceeds its maximum, and 100% everywhere is exactly 1000.00', () => {
    fc.assert(
      fc.property(percentMapArb, (percents) =>
        scoreTotals(GBT19580_2012, percents).categories.every((c) => c.scoreHundredths <= c.maxPoints * 100),
      ),
    );
    const full = Object.fromEntries(items.map((i) => [i.id, 100]));
    expect(scoreTotals(GBT19580_2012, full).totalHundredths).toBe(100_000);
  });

  it('raising one item never lowers the total (monotone)', () => {
    fc.assert(
      fc.property(percentMapArb, fc.constantFrom(...items), (percents, item) => {
        const before = scoreTotals(GBT19580_2012, percents).totalHundredths;
        const raised = { ...percents, [item.id]: Math.min(100, percents[item.id]! + 5) };
        return scoreTotals(GBT19580_2012, raised).totalHundredths >= before;
      }),
    );
  });
});
