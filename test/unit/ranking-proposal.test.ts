import { describe, expect, it } from 'vitest';
import { validateCycleRules, type CycleRules } from '../../shared/cycle/cycle-rules.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { applicantResultSchema, type ApplicantResultInput } from '../../shared/ranking/applicant-result.js';
import { proposeSplit, validateApplicantResults, type Proposal } from '../../shared/ranking/proposal.js';

const results = (inputs: ApplicantResultInput[]) => inputs.map((i) => applicantResultSchema.parse(i));
const a = (id: string, totalHundredths: number, extra: Partial<ApplicantResultInput> = {}): ApplicantResultInput => ({
  applicantId: id,
  name: `申报单位${id}`,
  industry: '制造业',
  totalHundredths,
  ...extra,
});
const rules = (over: Partial<CycleRules> = {}): CycleRules => {
  const r = validateCycleRules({ ...rulesFromPreset('draft-2021', 0), ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const ids = (p: Proposal, l: 'award' | 'nomination' | 'notAwarded') => p[l].map((e) => e.applicantId);

describe('the comprehensive review proposal', () => {
  it('puts 500.00 on the Award line and 499.95 below it', () => {
    const p = proposeSplit(results([a('A', 50000), a('B', 49995)]), rules());
    expect(ids(p, 'award')).toEqual(['A']);
    expect(ids(p, 'nomination')).toEqual(['B']);
    expect(p.vacancies).toEqual({ award: 4, nomination: 4 });
    expect(p.ties).toEqual([]);
  });

  it('gives places by total when more qualify than there are places', () => {
    const totals = [70000, 68000, 66000, 64000, 62000, 60000, 58000, 56000, 54000, 52000, 51000, 40000];
    const p = proposeSplit(results(totals.map((t, i) => a(`A${String(i).padStart(2, '0')}`, t))), rules());
    expect(ids(p, 'award')).toEqual(['A00', 'A01', 'A02', 'A03', 'A04']);
    expect(ids(p, 'nomination')).toEqual(['A05', 'A06', 'A07', 'A08', 'A09']);
    expect(ids(p, 'notAwarded')).toEqual(['A10', 'A11']);
    expect(p.notAwarded.map((e) => e.reason)).toEqual(['no-place-left', 'no-place-left']);
    expect(p.vacancies).toEqual({ award: 0, nomination: 0 });
  });

  it('leaves places vacant when fewer qualify', () => {
    const p = proposeSplit(results([a('A', 61000), a('B', 52000), a('C', 45000)]), rules());
    expect(ids(p, 'award')).toEqual(['A', 'B']);
    expect(ids(p, 'nomination')).toEqual(['C']);
    expect(p.vacancies).toEqual({ award: 3, nomination: 4 });
  });

  it('shows a tie at the last Award place as a tie, not broken by id or input order', () => {
    const input = results([a('A', 70000), a('B', 69000), a('C', 68000), a('D', 67000), a('Z', 55000), a('E', 55000), a('F', 40000)]);
    const p = proposeSplit(input, rules());
    expect(ids(p, 'award')).toEqual(['A', 'B', 'C', 'D', 'E', 'Z']);
    const tied = p.award.filter((e) => e.tie);
    expect(tied.map((e) => e.applicantId).sort()).toEqual(['E', 'Z']);
    for (const e of tied) expect(e.tie!.possible).toEqual(['award', 'nomination']);
    expect(p.ties).toEqual([{ group: 1, totalHundredths: 55000, applicantIds: expect.arrayContaining(['E', 'Z']) as unknown, places: { award: 1, nomination: 1 } }]);
    // F is not part of the tie: one Nomination goes to the tie's loser, F still gets one.
    expect(ids(p, 'nomination')).toEqual(['F']);
    expect(p.vacancies).toEqual({ award: 0, nomination: 3 });
    // Reversing the input changes nothing.
    expect(proposeSplit([...input].reverse(), rules())).toEqual(p);
  });

  it('shows a three-way tie for the last Nomination, with who may end up not awarded', () => {
    const p = proposeSplit(results([a('A', 60000), a('B', 45000), a('C', 45000), a('D', 45000)]), rules({ nominationQuota: 2 }));
    expect(ids(p, 'award')).toEqual(['A']);
    expect(p.nomination.map((e) => e.applicantId).sort()).toEqual(['B', 'C', 'D']);
    for (const e of p.nomination) expect(e.tie!.possible).toEqual(['nomination', 'notAwarded']);
    expect(p.ties[0]!.places).toEqual({ award: 0, nomination: 2 });
    expect(p.vacancies).toEqual({ award: 4, nomination: 0 });
  });

  it('never proposes an excluded applicant, even the highest scorer', () => {
    const p = proposeSplit(results([a('TOP', 90000, { exclusions: [5, 3] }), a('B', 60000), a('C', 30000)]), rules());
    expect(ids(p, 'award')).toEqual(['B']);
    expect(ids(p, 'nomination')).toEqual(['C']);
    expect(p.notAwarded).toEqual([expect.objectContaining({ applicantId: 'TOP', exclusions: [3, 5], reason: 'excluded' })]);
    expect(p.award[0]!.exclusions).toBeUndefined();
  });

  it('honours the nomination minimum the cycle states', () => {
    const p = proposeSplit(results([a('A', 45000), a('B', 40000), a('C', 39995)]), rules({ nominationMinimumPoints: 400 }));
    expect(ids(p, 'nomination')).toEqual(['A', 'B']);
    expect(p.notAwarded).toEqual([expect.objectContaining({ applicantId: 'C', reason: 'below-nomination-minimum' })]);
    expect(p.vacancies).toEqual({ award: 5, nomination: 3 });
  });

  it('fills reserved places with their category first, then open places by total', () => {
    const r = rules({ awardQuota: 2, nominationQuota: 1, reservations: [{ category: 'small', label: '小微企业', award: 1, nomination: 0, kind: 'guaranteed-minimum' }] });
    const p = proposeSplit(results([a('BIG1', 80000), a('BIG2', 75000), a('SM1', 60000, { category: 'small' }), a('SM2', 55000, { category: 'small' })]), r);
    expect(ids(p, 'award')).toEqual(['BIG1', 'SM1']);
    expect(p.award.find((e) => e.applicantId === 'SM1')!.place).toEqual({ kind: 'reserved', category: 'small' });
    expect(p.award.find((e) => e.applicantId === 'BIG1')!.place).toEqual({ kind: 'open' });
    expect(ids(p, 'nomination')).toEqual(['BIG2']);
  });

  it('does not push out a category applicant that wins an open place anyway', () => {
    const r = rules({ awardQuota: 2, nominationQuota: 0, reservations: [{ category: 'small', label: '小微企业', award: 1, nomination: 0, kind: 'guaranteed-minimum' }] });
    const p = proposeSplit(results([a('SM1', 80000, { category: 'small' }), a('BIG', 70000), a('SM2', 60000, { category: 'small' })]), r);
    expect(ids(p, 'award')).toEqual(['SM1', 'BIG']);
  });

  it('leaves a reserved place vacant when no applicant of its category qualifies', () => {
    const r = rules({ awardQuota: 2, nominationQuota: 0, reservations: [{ category: 'small', label: '小微企业', award: 1, nomination: 0, kind: 'guaranteed-minimum' }] });
    const p = proposeSplit(results([a('BIG1', 80000), a('BIG2', 70000), a('SM', 45000, { category: 'small' })]), r);
    expect(ids(p, 'award')).toEqual(['BIG1']);
    expect(p.vacancies.award).toBe(1);
  });

  it('marks a lower applicant whose fate a tie above decides (reserved places)', () => {
    // Award to A0: the reserved Nomination (small) stays empty and A1 takes the open one;
    // award to A1: A0 takes the reserved Nomination and B the open one.
    const r = rules({ awardQuota: 1, nominationQuota: 2, reservations: [{ category: 'small', label: '小微企业', award: 0, nomination: 1, kind: 'guaranteed-minimum' }] });
    const p = proposeSplit(results([a('A0', 60000, { category: 'small' }), a('A1', 60000), a('B', 55000)]), r);
    expect(p.award.map((e) => [e.applicantId, e.tie?.possible])).toEqual([
      ['A0', ['award', 'nomination']],
      ['A1', ['award', 'nomination']],
    ]);
    expect(p.nomination.map((e) => [e.applicantId, e.tie?.possible])).toEqual([['B', ['nomination', 'notAwarded']]]);
    expect(p.ties).toEqual([
      { group: 1, totalHundredths: 60000, applicantIds: ['A0', 'A1'], places: { award: 1, nomination: 1 } },
      { group: 2, totalHundredths: 55000, applicantIds: ['B'], places: { award: 0, nomination: 1 } },
    ]);
    expect(p.vacancies).toEqual({ award: 0, nomination: 0 });
  });

  it('refuses malformed or duplicate results with every problem', () => {
    const r = validateApplicantResults([a('A', 500.5), a('B', 1), a('B', 2), { ...a('C', 3), exclusions: [8] }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((e) => e.index)).toEqual([0, 2, 3]);
      expect(r.error[0]!.message).toMatch(/whole number of hundredths/);
    }
  });
});
