import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CycleRules } from '../../shared/cycle/cycle-rules.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { allocate } from '../../shared/ranking/allocate.js';
import { applicantResultSchema, type ApplicantResult, type ProposalList } from '../../shared/ranking/applicant-result.js';
import { proposeSplit } from '../../shared/ranking/proposal.js';

const TOTALS = [30000, 39995, 40000, 45000, 49995, 50000, 55000, 60000];

const applicantsOf = (totals: readonly number[]) => fc
  .array(
    fc.record({
      total: fc.constantFrom(...totals),
      category: fc.constantFrom(undefined, undefined, 'small', 'pool'),
      excluded: fc.option(fc.constantFrom(1, 5, 7), { nil: undefined, freq: 5 }),
      repeat: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      stage: fc.constantFrom(undefined, undefined, undefined, 'withdrawn' as const, 'candidate' as const),
    }),
    { maxLength: 9 },
  )
  .map((rows): ApplicantResult[] =>
    rows.map((r, i) =>
      applicantResultSchema.parse({
        applicantId: `A${i}`,
        name: `单位${i}`,
        totalHundredths: r.total,
        ...(r.category ? { category: r.category } : {}),
        exclusions: r.excluded === undefined ? [] : [r.excluded],
        ...(r.repeat ? { previousAward: { year: 2018, kind: 'award' } } : {}),
        ...(r.stage ? { stage: r.stage } : {}),
      }),
    ),
  );
const applicantsArb = applicantsOf(TOTALS);
/** Few distinct totals: big tie groups. */
const tiedApplicantsArb = applicantsOf([45000, 50000, 55000]);

const rulesArb = fc
  .record({
    awardQuota: fc.integer({ min: 0, max: 4 }),
    nominationQuota: fc.integer({ min: 0, max: 4 }),
    minimum: fc.constantFrom(0, 400, 450),
    reservedAward: fc.integer({ min: 0, max: 2 }),
    reservedNomination: fc.integer({ min: 0, max: 1 }),
    smallKind: fc.constantFrom('guaranteed-minimum' as const, 'separate-pool' as const),
    pool: fc.option(fc.record({ award: fc.integer({ min: 0, max: 1 }), nomination: fc.integer({ min: 0, max: 1 }) }), { nil: undefined }),
    unfilled: fc.constantFrom('vacant' as const, 'released' as const),
  })
  .map(({ awardQuota, nominationQuota, minimum, reservedAward, reservedNomination, smallKind, pool, unfilled }): CycleRules => {
    const award = Math.min(reservedAward, awardQuota);
    const nomination = Math.min(reservedNomination, nominationQuota);
    const poolAward = Math.min(pool?.award ?? 0, awardQuota - award);
    const poolNomination = Math.min(pool?.nomination ?? 0, nominationQuota - nomination);
    return {
      ...rulesFromPreset('draft-2021', minimum),
      awardQuota,
      nominationQuota,
      unfilledReserved: unfilled,
      reservations: [
        ...(award + nomination > 0 ? [{ category: 'small', label: '小微', award, nomination, kind: smallKind }] : []),
        ...(poolAward + poolNomination > 0 ? [{ category: 'pool', label: '单列', award: poolAward, nomination: poolNomination, kind: 'separate-pool' as const }] : []),
      ],
    };
  });

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** The applicants the allocation orders: candidates clear of exclusions, repeat winners at the line placed apart. */
const ranked = (rules: CycleRules) => (r: ApplicantResult) =>
  r.exclusions.length === 0 && r.stage !== 'withdrawn' && !(r.previousAward?.kind === 'award' && r.totalHundredths >= rules.awardThresholdPoints * 100);

/** Every order of the ranked applicants that respects totals (ties in every order). */
function everyTieOrder(results: ApplicantResult[], rules: CycleRules): ApplicantResult[][] {
  const eligible = results.filter(ranked(rules));
  const totals = [...new Set(eligible.map((r) => r.totalHundredths))].sort((a, b) => b - a);
  let orders: ApplicantResult[][] = [[]];
  for (const t of totals) {
    const group = eligible.filter((r) => r.totalHundredths === t);
    orders = orders.flatMap((prefix) => permutations(group).map((p) => [...prefix, ...p]));
  }
  return orders;
}

describe('proposal properties', () => {
  it('every applicant is in exactly one list; no award below the threshold; no excluded applicant proposed; quotas hold', () => {
    fc.assert(
      fc.property(fc.oneof(applicantsArb, tiedApplicantsArb), rulesArb, (results, rules) => {
        const p = proposeSplit(results, rules);
        const all = [...p.award, ...p.nomination, ...p.notAwarded, ...p.notCandidates].map((e) => e.applicantId);
        expect(all.sort()).toEqual(results.map((r) => r.applicantId).sort());
        for (const e of p.award) expect(e.totalHundredths).toBeGreaterThanOrEqual(rules.awardThresholdPoints * 100);
        for (const e of [...p.award, ...p.nomination]) expect(e.exclusions).toBeUndefined();
        for (const r of results.filter((x) => x.exclusions.length > 0 && x.stage !== 'withdrawn')) expect(p.notAwarded.map((e) => e.applicantId)).toContain(r.applicantId);
        for (const r of results.filter((x) => x.stage === 'withdrawn')) expect(p.notCandidates.map((e) => e.applicantId)).toContain(r.applicantId);
        // Repeat winners take no quota place: the quotas below count the others only.
        const quotaAward = (entries: typeof p.award) => entries.filter((e) => e.place?.kind !== 'repeat');
        const tiePlaces = (l: 'award' | 'nomination') => p.ties.reduce((s, t) => s + t.places[l], 0);
        expect(quotaAward(p.award).filter((e) => !e.tie).length + tiePlaces('award') + p.vacancies.award).toBeGreaterThanOrEqual(rules.awardQuota);
        expect(quotaAward(p.award).filter((e) => !e.tie).length + p.vacancies.award).toBeLessThanOrEqual(rules.awardQuota);
        expect(p.nomination.filter((e) => !e.tie).length + tiePlaces('nomination') + p.vacancies.nomination).toBeGreaterThanOrEqual(rules.nominationQuota);
        expect(p.nomination.filter((e) => !e.tie).length + p.vacancies.nomination).toBeLessThanOrEqual(rules.nominationQuota);
        if (rules.reservations.length === 0 || rules.unfilledReserved === 'released' && rules.reservations.every((x) => x.kind === 'guaranteed-minimum')) {
          expect(quotaAward(p.award).filter((e) => !e.tie).length + tiePlaces('award') + p.vacancies.award).toBe(rules.awardQuota);
          expect(p.nomination.filter((e) => !e.tie).length + tiePlaces('nomination') + p.vacancies.nomination).toBe(rules.nominationQuota);
        }
        for (const e of p.nomination) expect(e.totalHundredths).toBeGreaterThanOrEqual(rules.nominationMinimumPoints * 100);
      }),
      { numRuns: 400 },
    );
  });

  it('marks exactly the applicants whose outcome depends on tie order, with every outcome they could get', () => {
    fc.assert(
      fc.property(fc.oneof(applicantsArb, tiedApplicantsArb), rulesArb, (results, rules) => {
        const orders = everyTieOrder(results, rules);
        fc.pre(orders.length <= 720);
        const outcomes = new Map<string, Set<ProposalList>>();
        const allocations = orders.map((order) => allocate(order, rules));
        for (const alloc of allocations) {
          for (const [id, list] of alloc.list) outcomes.set(id, (outcomes.get(id) ?? new Set()).add(list));
        }
        const p = proposeSplit(results, rules);
        expect(p.vacancies).toEqual({
          award: rules.awardQuota - Math.max(...allocations.map((a) => a.filled.award)),
          nomination: rules.nominationQuota - Math.max(...allocations.map((a) => a.filled.nomination)),
        });
        for (const t of p.ties) {
          for (const l of ['award', 'nomination'] as const) {
            expect(t.places[l]).toBe(Math.max(...allocations.map((a) => t.applicantIds.filter((id) => a.list.get(id) === l).length)));
          }
        }
        for (const e of [...p.award, ...p.nomination, ...p.notAwarded]) {
          if (e.exclusions || e.place?.kind === 'repeat') continue;
          const possible = [...outcomes.get(e.applicantId)!];
          if (e.tie) expect(new Set(e.tie.possible)).toEqual(new Set(possible));
          else expect(possible).toEqual([e.list]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
