import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CycleRules } from '../../shared/cycle/cycle-rules.js';
import { defaultCycleRules } from '../../shared/cycle/cycle-rules.js';
import { allocate } from '../../shared/ranking/allocate.js';
import { applicantResultSchema, type ApplicantResult, type ProposalList } from '../../shared/ranking/applicant-result.js';
import { proposeSplit } from '../../shared/ranking/proposal.js';

const TOTALS = [30000, 39995, 40000, 45000, 49995, 50000, 55000, 60000];

const applicantsOf = (totals: readonly number[]) => fc
  .array(
    fc.record({
      total: fc.constantFrom(...totals),
      small: fc.boolean(),
      excluded: fc.option(fc.constantFrom(1, 5, 7), { nil: undefined, freq: 5 }),
    }),
    { maxLength: 9 },
  )
  .map((rows): ApplicantResult[] =>
    rows.map((r, i) =>
      applicantResultSchema.parse({
        applicantId: `A${i}`,
        name: `单位${i}`,
        totalHundredths: r.total,
        ...(r.small ? { category: 'small' } : {}),
        exclusions: r.excluded === undefined ? [] : [r.excluded],
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
    minimum: fc.option(fc.constantFrom(400, 450), { nil: undefined }),
    reservedAward: fc.integer({ min: 0, max: 2 }),
    reservedNomination: fc.integer({ min: 0, max: 1 }),
  })
  .map(({ awardQuota, nominationQuota, minimum, reservedAward, reservedNomination }): CycleRules => {
    const award = Math.min(reservedAward, awardQuota);
    const nomination = Math.min(reservedNomination, nominationQuota);
    return {
      ...defaultCycleRules(),
      awardQuota,
      nominationQuota,
      ...(minimum !== undefined ? { nominationMinimumPoints: minimum } : {}),
      reservations: award + nomination > 0 ? [{ category: 'small', label: '小微', award, nomination }] : [],
    };
  });

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Every order of the non-excluded applicants that respects totals (ties in every order). */
function everyTieOrder(results: ApplicantResult[]): ApplicantResult[][] {
  const eligible = results.filter((r) => r.exclusions.length === 0);
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
        const all = [...p.award, ...p.nomination, ...p.notAwarded].map((e) => e.applicantId);
        expect(all.sort()).toEqual(results.map((r) => r.applicantId).sort());
        for (const e of p.award) expect(e.totalHundredths).toBeGreaterThanOrEqual(rules.awardThresholdPoints * 100);
        for (const e of [...p.award, ...p.nomination]) expect(e.exclusions).toBeUndefined();
        for (const r of results.filter((x) => x.exclusions.length > 0)) expect(p.notAwarded.map((e) => e.applicantId)).toContain(r.applicantId);
        const tiePlaces = (l: 'award' | 'nomination') => p.ties.reduce((s, t) => s + t.places[l], 0);
        expect(p.award.filter((e) => !e.tie).length + tiePlaces('award') + p.vacancies.award).toBeGreaterThanOrEqual(rules.awardQuota);
        expect(p.award.filter((e) => !e.tie).length + p.vacancies.award).toBeLessThanOrEqual(rules.awardQuota);
        expect(p.nomination.filter((e) => !e.tie).length + tiePlaces('nomination') + p.vacancies.nomination).toBeGreaterThanOrEqual(rules.nominationQuota);
        expect(p.nomination.filter((e) => !e.tie).length + p.vacancies.nomination).toBeLessThanOrEqual(rules.nominationQuota);
        if (rules.reservations.length === 0) {
          expect(p.award.filter((e) => !e.tie).length + tiePlaces('award') + p.vacancies.award).toBe(rules.awardQuota);
          expect(p.nomination.filter((e) => !e.tie).length + tiePlaces('nomination') + p.vacancies.nomination).toBe(rules.nominationQuota);
        }
        if (rules.nominationMinimumPoints !== undefined) {
          for (const e of p.nomination) expect(e.totalHundredths).toBeGreaterThanOrEqual(rules.nominationMinimumPoints * 100);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('marks exactly the applicants whose outcome depends on tie order, with every outcome they could get', () => {
    fc.assert(
      fc.property(fc.oneof(applicantsArb, tiedApplicantsArb), rulesArb, (results, rules) => {
        const orders = everyTieOrder(results);
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
          if (e.exclusions) continue;
          const possible = [...outcomes.get(e.applicantId)!];
          if (e.tie) expect(new Set(e.tie.possible)).toEqual(new Set(possible));
          else expect(possible).toEqual([e.list]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
