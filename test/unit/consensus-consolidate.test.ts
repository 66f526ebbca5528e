import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { consolidate } from '../../shared/consensus/consolidate.js';
import type { MemberScores, PanelMember } from '../../shared/consensus/member-scores.js';
import { PERCENT_GRID } from '../../shared/scoring/percent.js';

const items = itemsOf(GBT19580_2012);
const roster: PanelMember[] = ['m1', 'm2', 'm3', 'm4', 'm5'].map((id, i) => ({
  memberId: id,
  name: `专家${i + 1}`,
  organisation: '郑州大学',
  role: i === 0 ? 'leader' : 'expert',
  fingerprint: `1234 5678 000${i}`,
}));

/** Every member 50% everywhere, except the overrides given as { memberId: { itemId: percent } }. */
function sheets(overrides: Record<string, Record<string, number | undefined>> = {}, members = roster): MemberScores[] {
  return members.map((m) => ({
    memberId: m.memberId,
    exclusions: [],
    items: Object.fromEntries(
      items.map((item) => {
        const o = overrides[m.memberId];
        const percent = o && Object.hasOwn(o, item.id) ? o[item.id] : 50;
        return [item.id, { percent, strengths: [], ofis: [] }];
      }),
    ),
  }));
}

describe('consolidation of members’ scoresheets', () => {
  it('gives mean, median and spread per item, display only in tenths', () => {
    const c = consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: sheets({ m1: { '4.1.2': 55 }, m2: { '4.1.2': 60 }, m3: { '4.1.2': 40 } }), divergenceLimit: 20 });
    const row = c.rows.find((r) => r.itemId === '4.1.2')!;
    // 55, 60, 40, 50, 50 → mean 51.0, median 50.0, spread 20
    expect(row.cells.map((x) => x.percent)).toEqual([55, 60, 40, 50, 50]);
    expect(row.meanTenths).toBe(510);
    expect(row.medianTenths).toBe(500);
    expect(row.spread).toBe(20);
    expect(row.divergent).toBe(false);
  });

  it('rounds the shown mean half up and takes the middle pair for an even count', () => {
    const four = roster.slice(0, 4);
    const c = consolidate({ criteriaSet: GBT19580_2012, roster: four, scoresheets: sheets({ m1: { '4.2.2': 55 }, m2: { '4.2.2': 60 }, m3: { '4.2.2': 60 }, m4: { '4.2.2': 70 } }, four), divergenceLimit: 20 });
    const row = c.rows.find((r) => r.itemId === '4.2.2')!;
    expect(row.meanTenths).toBe(613); // 61.25 → 61.3
    expect(row.medianTenths).toBe(600);
  });

  it('flags a spread strictly over the limit and lists divergent items first', () => {
    const c = consolidate({
      criteriaSet: GBT19580_2012,
      roster,
      scoresheets: sheets({ m1: { '4.7.4': 75, '4.3.3': 70 }, m2: { '4.7.4': 50 }, m3: { '4.3.3': 45, '4.1.3': 70 } }), divergenceLimit: 20 });
    // 4.7.4: 75 vs 50 = 25 > 20; 4.3.3: 70 vs 45 = 25; 4.1.3: 70 vs 50 = 20, not divergent
    expect(c.divergentItemIds).toEqual(['4.3.3', '4.7.4']);
    expect(c.discussionOrder.slice(0, 2)).toEqual(['4.3.3', '4.7.4']);
    expect(c.discussionOrder).toHaveLength(23);
    expect(new Set(c.discussionOrder).size).toBe(23);
    expect(c.rows.find((r) => r.itemId === '4.1.3')!.divergent).toBe(false);
  });

  it('uses the cycle’s own divergence limit', () => {
    const s = sheets({ m1: { '4.1.3': 65 } });
    expect(consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: s, divergenceLimit: 10 }).divergentItemIds).toEqual(['4.1.3']);
    expect(consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: s, divergenceLimit: 15 }).divergentItemIds).toEqual([]);
  });

  it('names who is still missing and who left items unscored', () => {
    const arrived = sheets({ m2: { '4.4.3': undefined } }).filter((s) => s.memberId !== 'm4');
    const c = consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: arrived, divergenceLimit: 20 });
    expect(c.missingMembers.map((m) => m.memberId)).toEqual(['m4']);
    expect(c.incompleteMembers).toEqual([{ memberId: 'm2', missingItemIds: ['4.4.3'] }]);
    const row = c.rows.find((r) => r.itemId === '4.4.3')!;
    expect(row.scoredCount).toBe(3);
    expect(row.cells.find((x) => x.memberId === 'm4')!.percent).toBeUndefined();
  });

  it('shows the material-review score in hundredths beside the members', () => {
    const c = consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: sheets(), materialReview: { '4.1.2': 45 }, divergenceLimit: 20 });
    const row = c.rows.find((r) => r.itemId === '4.1.2')!;
    expect(row.materialReviewPercent).toBe(45);
    expect(row.materialReviewHundredths).toBe(2250);
    expect(c.rows.find((r) => r.itemId === '4.1.3')!.materialReviewHundredths).toBeUndefined();
  });

  it('refuses a scoresheet from a stranger, a duplicate, and an off-grid percentage', () => {
    const stranger = { ...sheets()[0]!, memberId: 'x9' };
    expect(() => consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: [stranger], divergenceLimit: 20 })).toThrow(/not on this panel/);
    expect(() => consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: [sheets()[0]!, sheets()[0]!], divergenceLimit: 20 })).toThrow(/two scoresheets/);
    expect(() => consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: sheets({ m1: { '4.1.2': 52 } }), divergenceLimit: 20 })).toThrow(/5% grid/);
  });

  it('flags exactly the items whose spread exceeds the limit (property)', () => {
    const pct = fc.constantFrom(...PERCENT_GRID);
    fc.assert(
      fc.property(fc.array(fc.tuple(pct, pct, pct, pct, pct), { minLength: 23, maxLength: 23 }), fc.constantFrom(10, 15, 20, 25, 30), (table, limit) => {
        const overrides: Record<string, Record<string, number>> = {};
        roster.forEach((m, mi) => {
          overrides[m.memberId] = Object.fromEntries(items.map((item, ii) => [item.id, table[ii]![mi]!]));
        });
        const c = consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: sheets(overrides), divergenceLimit: limit });
        items.forEach((item, ii) => {
          const ps = table[ii]!;
          const row = c.rows[ii]!;
          expect(row.itemId).toBe(item.id);
          expect(row.divergent).toBe(Math.max(...ps) - Math.min(...ps) > limit);
          // the shown mean is the true mean to within half a tenth
          expect(Math.abs(row.meanTenths! * 5 - ps.reduce((a, b) => a + b, 0) * 10)).toBeLessThanOrEqual(2.5);
        });
        const flaggedFirst = c.discussionOrder.slice(0, c.divergentItemIds.length);
        expect(flaggedFirst).toEqual(c.divergentItemIds);
      }),
      { numRuns: 60 },
    );
  });
});
