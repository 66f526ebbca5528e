import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf, validateCriteriaSet } from '../../shared/criteria/validate-criteria-set.js';
import { applyConsensusEdit, exclusionTarget } from '../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { panelTotals, recommend } from '../../shared/consensus/recommendation.js';
import { PERCENT_GRID } from '../../shared/scoring/percent.js';

/** The 2021 draft's line, with no nomination floor stated. */
const RULES = { awardThresholdPoints: 500, nominationMinimumPoints: 0 };

/** A record with the given consensus percentages and every exclusion decided clear. */
function decided(set: CriteriaSet, percents: Record<string, number>): ConsensusRecord {
  const r = newConsensusRecord(set);
  for (const item of r.items) item.percent = percents[item.itemId] ?? 50;
  for (const e of r.exclusions) e.status = 'clear';
  return r;
}

/**
 * GB/T 19580's item points make every total a multiple of 0.25, so 499.95 needs a sector
 * variant (Art. 16): infrastructure 11 points and partner relations 9.
 */
const variant: CriteriaSet = (() => {
  const set = structuredClone(GBT19580_2012);
  set.id = 'variant-11-9';
  const resources = set.categories.find((c) => c.id === '4.4')!;
  resources.items.find((i) => i.id === '4.4.6')!.points = 11;
  resources.items.find((i) => i.id === '4.4.7')!.points = 9;
  return set;
})();

describe('panel total and recommendation', () => {
  it('the variant criteria set is valid', () => {
    expect(validateCriteriaSet(variant).ok).toBe(true);
  });

  it('500.00 exactly is an award', () => {
    const facts = recommend(GBT19580_2012, decided(GBT19580_2012, {}), RULES);
    expect(facts.ok && facts.value.totalHundredths).toBe(50000);
    expect(facts.ok && facts.value.recommendation).toBe('award');
    expect(facts.ok && facts.value.meetsThreshold).toBe(true);
  });

  it('499.95 is below the line: a nomination, not an award', () => {
    // 11 × 25% + 9 × 80% = 9.95 points where 50% would give 10.00
    const facts = recommend(variant, decided(variant, { '4.4.6': 25, '4.4.7': 80 }), RULES);
    expect(facts.ok).toBe(true);
    if (!facts.ok) return;
    expect(facts.value.totalHundredths).toBe(49995);
    expect(facts.value.meetsThreshold).toBe(false);
    expect(facts.value.recommendation).toBe('nomination');
  });

  it('the nomination minimum the cycle states turns a low total into not recommended; 0 states no floor', () => {
    const record = decided(GBT19580_2012, Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, 30])));
    const low = recommend(GBT19580_2012, record, { awardThresholdPoints: 500, nominationMinimumPoints: 350 });
    expect(low.ok && low.value.totalHundredths).toBe(30000);
    expect(low.ok && low.value.recommendation).toBe('not-recommended');
    expect(recommend(GBT19580_2012, record, RULES)).toMatchObject({ value: { recommendation: 'nomination' } });
    // Exactly on the minimum counts (400.00 ≥ 400).
    const forty = decided(GBT19580_2012, Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, 40])));
    expect(recommend(GBT19580_2012, forty, { awardThresholdPoints: 500, nominationMinimumPoints: 400 })).toMatchObject({ value: { recommendation: 'nomination' } });
  });

  it("the cycle's own threshold decides the Award: 520 is an Award under 500 and a Nomination under 550", () => {
    const record = decided(GBT19580_2012, { ...Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, 50])), '4.7.2': 75 });
    expect(recommend(GBT19580_2012, record, RULES)).toMatchObject({ value: { totalHundredths: 52000, recommendation: 'award', thresholdHundredths: 50000 } });
    expect(recommend(GBT19580_2012, record, { awardThresholdPoints: 550, nominationMinimumPoints: 400 })).toMatchObject({ value: { recommendation: 'nomination', thresholdHundredths: 55000, meetsThreshold: false } });
  });

  it('a confirmed exclusion is never recommended, whatever the score', () => {
    const record = decided(GBT19580_2012, Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, 90])));
    record.exclusions[4]!.status = 'flagged';
    const facts = recommend(GBT19580_2012, record, RULES);
    expect(facts.ok && facts.value.totalHundredths).toBe(90000);
    expect(facts.ok && facts.value.flaggedExclusions).toEqual([5]);
    expect(facts.ok && facts.value.recommendation).toBe('not-recommended');
  });

  it('gives no recommendation while items or exclusions are undecided, and says which', () => {
    const record = decided(GBT19580_2012, {});
    record.items[3]!.percent = null;
    record.exclusions[1]!.status = 'open';
    const facts = recommend(GBT19580_2012, record, RULES);
    expect(facts.ok).toBe(false);
    if (facts.ok) return;
    expect(facts.error.itemsWithoutConsensus).toEqual(['4.2.2']);
    expect(facts.error.openExclusions).toEqual([2]);
    expect(facts.error.message).toMatch(/4\.2\.2.*exclusion\(s\) 2/);
  });

  it('category subtotals sum to the total, in integer hundredths (property)', () => {
    const items = itemsOf(GBT19580_2012);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PERCENT_GRID), { minLength: 23, maxLength: 23 }), (ps) => {
        const record = decided(GBT19580_2012, Object.fromEntries(items.map((i, k) => [i.id, ps[k]!])));
        const totals = panelTotals(GBT19580_2012, record);
        expect(totals.categories.reduce((a, c) => a + c.scoreHundredths, 0)).toBe(totals.totalHundredths);
        expect(totals.totalHundredths).toBe(items.reduce((a, i, k) => a + i.points * ps[k]!, 0));
        const facts = recommend(GBT19580_2012, record, RULES);
        expect(facts.ok && facts.value.recommendation).toBe(totals.totalHundredths >= 50000 ? 'award' : 'nomination');
      }),
      { numRuns: 200 },
    );
  });
});

describe('consensus edits', () => {
  it('records from and to for a percentage, and refuses one off the grid leaving the record as it was', () => {
    const start = newConsensusRecord(GBT19580_2012);
    const set = applyConsensusEdit(start, { kind: 'consensus-percent', itemId: '4.1.2', to: 55 });
    expect(set.ok).toBe(true);
    if (!set.ok) return;
    expect(set.value.entry).toEqual({ kind: 'consensus-percent', itemId: '4.1.2', from: null, to: 55 });
    expect(start.items[0]!.percent).toBeNull();
    const bad = applyConsensusEdit(set.value.record, { kind: 'consensus-percent', itemId: '4.1.2', to: 57 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/4\.1\.2.*steps of 5/);
    expect(applyConsensusEdit(start, { kind: 'consensus-percent', itemId: '9.9.9', to: 50 })).toMatchObject({ ok: false, error: expect.stringMatching(/9\.9\.9/) as unknown });
  });

  it('decides an exclusion and the overall evaluation', () => {
    const start = newConsensusRecord(GBT19580_2012);
    const ex = applyConsensusEdit(start, { kind: 'consensus-exclusion', itemId: exclusionTarget(5), to: { status: 'flagged', note: '2024年度亏损' } });
    expect(ex.ok && ex.value.record.exclusions[4]).toEqual({ number: 5, status: 'flagged', note: '2024年度亏损' });
    expect(ex.ok && ex.value.entry.from).toEqual({ status: 'open', note: '' });
    expect(applyConsensusEdit(start, { kind: 'consensus-exclusion', itemId: 'art14-8', to: { status: 'clear', note: '' } }).ok).toBe(false);
    const overall = applyConsensusEdit(start, { kind: 'consensus-overall', itemId: 'overall', to: '该单位…' });
    expect(overall.ok && overall.value.record.overallEvaluation).toBe('该单位…');
    expect(applyConsensusEdit(start, { kind: 'consensus-overall', itemId: '4.1.2', to: 'x' }).ok).toBe(false);
  });

  it('refuses a merged note with a single source', () => {
    const start = newConsensusRecord(GBT19580_2012);
    const r = applyConsensusEdit(start, {
      kind: 'consensus-strengths',
      itemId: '4.1.2',
      to: [{ id: 'p1', text: '高层领导重视质量', origin: 'merged', sources: [{ memberId: 'm1', noteId: 's1' }] }],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/merged note needs 2–20 source/);
  });
});
