import { describe, expect, it } from 'vitest';
import { STAGES, isCandidateStage } from '../../shared/applicant/stage.js';
import { validateCycleRules, type CycleRules } from '../../shared/cycle/cycle-rules.js';
import { applicantResultSchema, type ApplicantResultInput } from '../../shared/ranking/applicant-result.js';
import { recordDecisions } from '../../shared/ranking/committee-decision.js';
import { industryWarning } from '../../shared/ranking/industry-representation.js';
import { proposeSplit, type Proposal } from '../../shared/ranking/proposal.js';
import { rankJson } from '../../shared/ranking/rank-json.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';

/** The proposal's rules on hand-made cycles: each rule of the regulation as the cycle states it. */
const results = (inputs: ApplicantResultInput[]) => inputs.map((i) => applicantResultSchema.parse(i));
const a = (id: string, points: number, extra: Partial<ApplicantResultInput> = {}): ApplicantResultInput => ({ applicantId: id, name: `单位${id}`, industry: '制造业', totalHundredths: points * 100, ...extra });
const rules = (over: Partial<CycleRules> & { preset?: CycleRules['preset'] } = {}): CycleRules => {
  const r = validateCycleRules({ ...rulesFromPreset(over.preset ?? 'draft-2021', 0), ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const ids = (p: Proposal, l: 'award' | 'nomination' | 'notAwarded') => p[l].map((e) => e.applicantId);
const VOTE = { for: 9, against: 1, abstaining: 1 };

describe('candidates only', () => {
  it('a withdrawn applicant at 800 and an ineligible one at 700 take nothing; the valid one at 600 takes the Award', () => {
    const p = proposeSplit(
      results([a('W', 800, { stage: 'withdrawn', stageReason: '申报单位主动撤回申请' }), a('I', 700, { stage: 'ineligible' }), a('V', 600, { stage: 'on-site' })]),
      rules({ awardQuota: 1, nominationQuota: 1 }),
    );
    expect(ids(p, 'award')).toEqual(['V']);
    expect(p.nomination).toEqual([]);
    expect(p.notCandidates.map((n) => [n.applicantId, n.stage, n.why.zh])).toEqual([
      ['W', 'withdrawn', '申报单位主动撤回申请'],
      ['I', 'ineligible', '不符合申报条件'],
    ]);
    expect(p.vacancies).toEqual({ award: 0, nomination: 1 });
  });

  it.each(STAGES)('stage %s: proposed only when it makes a candidate', (stage) => {
    const p = proposeSplit(results([a('X', 700, { stage })]), rules());
    expect(ids(p, 'award')).toEqual(isCandidateStage(stage) ? ['X'] : []);
    expect(p.notCandidates.map((n) => n.applicantId)).toEqual(isCandidateStage(stage) ? [] : ['X']);
  });

  it('a tie where one of the tied is no candidate is no tie', () => {
    const p = proposeSplit(results([a('A', 600, { stage: 'withdrawn', stageReason: '经查实的举报' }), a('B', 600, { stage: 'candidate' }), a('C', 550)]), rules({ awardQuota: 1, nominationQuota: 1 }));
    expect(p.ties).toEqual([]);
    expect(p.award).toEqual([expect.objectContaining({ applicantId: 'B', place: { kind: 'open' } })]);
    expect(p.award[0]!.tie).toBeUndefined();
    expect(ids(p, 'nomination')).toEqual(['C']);
  });

  it('the committee does not decide on an applicant that is no candidate', () => {
    const p = proposeSplit(results([a('A', 600, { stage: 'withdrawn' }), a('B', 550)]), rules());
    const r = recordDecisions(p, [{ applicantId: 'A', outcome: 'award', reason: '评委会认为', vote: VOTE }, { applicantId: 'B', outcome: 'award', vote: VOTE }], rules());
    expect(!r.ok && r.error.map((e) => [e.code, e.applicantId])).toEqual([['not-a-candidate', 'A']]);
    expect(!r.ok && r.error[0]!.zh).toContain('不是候选单位');
  });

  it('zqa rank lists each applicant not ranked with its reason', () => {
    const json = rankJson(proposeSplit(results([a('W', 800, { stage: 'withdrawn', stageReason: '主动撤回' }), a('M', 0, { stage: 'material-review' }), a('V', 600)]), rules()));
    expect(json.notRanked).toEqual([
      { applicantId: 'W', name: '单位W', industry: '制造业', totalHundredths: 80000, stage: 'withdrawn', reason: '已撤销/退出：主动撤回' },
      { applicantId: 'M', name: '单位M', industry: '制造业', totalHundredths: 0, stage: 'material-review', reason: '材料评审：尚未完成现场评审' },
    ]);
  });
});

describe('the nomination minimum the cycle states', () => {
  it('a 0-point applicant is not nominated under a minimum of 400; a stated 0 is no floor', () => {
    const input = results([a('A', 600), a('Z', 0)]);
    const floor = proposeSplit(input, rules({ nominationMinimumPoints: 400 }));
    expect(floor.nomination).toEqual([]);
    expect(floor.notAwarded).toEqual([expect.objectContaining({ applicantId: 'Z', reason: 'below-nomination-minimum' })]);
    expect(ids(proposeSplit(input, rules({ nominationMinimumPoints: 0 })), 'nomination')).toEqual(['Z']);
  });

  it('the committee cannot nominate below it', () => {
    const r = rules({ nominationMinimumPoints: 400 });
    const p = proposeSplit(results([a('A', 350)]), r);
    const d = recordDecisions(p, [{ applicantId: 'A', outcome: 'nomination', reason: '行业代表性', vote: VOTE }], r);
    expect(!d.ok && d.error.map((e) => e.code)).toEqual(['below-nomination-minimum']);
  });
});

describe('reserved places', () => {
  const specialised = (award: number, kind: 'guaranteed-minimum' | 'separate-pool') => [{ category: '专精特新', label: '专精特新企业', award, nomination: 0, kind }];

  it('the 2022 rules: 3 of 8 a separate pool; 专精特新 take only their 3, the other 5 go to the rest', () => {
    const r = rules({ preset: 'adopted-2022' });
    const zjtx = [900, 890, 880, 870, 860].map((p, i) => a(`Z${i}`, p, { category: '专精特新' }));
    const others = [700, 690, 680, 670, 660, 650].map((p, i) => a(`O${i}`, p));
    const p = proposeSplit(results([...zjtx, ...others]), r);
    expect(ids(p, 'award')).toEqual(['Z0', 'Z1', 'Z2', 'O0', 'O1', 'O2', 'O3', 'O4']);
    expect(p.award.filter((e) => e.place?.kind === 'reserved').map((e) => e.applicantId)).toEqual(['Z0', 'Z1', 'Z2']);
    expect(ids(p, 'notAwarded')).toEqual(['Z3', 'Z4', 'O5']);
    expect(p.vacancies).toEqual({ award: 0, nomination: 0 });
  });

  it('as a guaranteed minimum the category also competes for the open places', () => {
    const r = rules({ preset: 'adopted-2022', reservations: specialised(3, 'guaranteed-minimum') });
    const p = proposeSplit(results([...[900, 890, 880, 870, 860].map((x, i) => a(`Z${i}`, x, { category: '专精特新' })), ...[700, 690, 680, 670].map((x, i) => a(`O${i}`, x))]), r);
    expect(ids(p, 'award')).toEqual(['Z0', 'Z1', 'Z2', 'Z3', 'Z4', 'O0', 'O1', 'O2']);
  });

  it('unfilled reserved places stay vacant, or are released to the open pool, as the cycle says', () => {
    const input = results([a('Z0', 600, { category: '专精特新' }), a('Z1', 450, { category: '专精特新' }), ...[700, 690, 680, 670, 660, 650, 640].map((x, i) => a(`O${i}`, x))]);
    const vacant = proposeSplit(input, rules({ preset: 'adopted-2022', unfilledReserved: 'vacant' }));
    expect(ids(vacant, 'award')).toEqual(['O0', 'O1', 'O2', 'O3', 'O4', 'Z0']);
    expect(vacant.vacancies.award).toBe(2);
    const released = proposeSplit(input, rules({ preset: 'adopted-2022', unfilledReserved: 'released' }));
    expect(ids(released, 'award')).toEqual(['O0', 'O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'Z0']);
    expect(released.vacancies.award).toBe(0);
  });

  it('a released place is open to a category that competes for open places, never to a separate pool', () => {
    const r = rules({ awardQuota: 3, nominationQuota: 0, unfilledReserved: 'released', reservations: [{ category: 'A', label: 'A类', award: 1, nomination: 0, kind: 'separate-pool' }, { category: 'B', label: 'B类', award: 1, nomination: 0, kind: 'guaranteed-minimum' }] });
    // No B qualifies: its place is released. A keeps to its one place.
    const p = proposeSplit(results([a('A1', 900, { category: 'A' }), a('A2', 890, { category: 'A' }), a('O1', 600), a('O2', 550), a('B1', 450, { category: 'B' })]), r);
    expect(ids(p, 'award')).toEqual(['A1', 'O1', 'O2']);
    expect(p.vacancies.award).toBe(0);
  });
});

describe('after the award (Art. 27)', () => {
  it('a repeat winner inside the quota takes the Award outside it: no quota place, no prize money', () => {
    const r = rules({ awardQuota: 1, nominationQuota: 1 });
    const p = proposeSplit(results([a('R', 700, { previousAward: { year: 2018, kind: 'award' } }), a('A', 650), a('B', 600)]), r);
    expect(p.award).toEqual([expect.objectContaining({ applicantId: 'R', place: { kind: 'repeat' } }), expect.objectContaining({ applicantId: 'A', place: { kind: 'open' } })]);
    expect(ids(p, 'nomination')).toEqual(['B']);
    expect(p.vacancies).toEqual({ award: 0, nomination: 0 });
    const d = recordDecisions(p, [{ applicantId: 'R', outcome: 'award', vote: VOTE }, { applicantId: 'A', outcome: 'award', vote: VOTE }, { applicantId: 'B', outcome: 'nomination', vote: VOTE }], r);
    expect(d.ok && d.value.map((x) => [x.applicantId, x.repeatWinner, x.prizeMoneyYuan])).toEqual([
      ['R', true, 0],
      ['A', false, 1_000_000],
      ['B', false, 0],
    ]);
  });

  it('an earlier Nomination makes no repeat winner, and a repeat winner below the line competes as anyone', () => {
    const r = rules({ awardQuota: 1, nominationQuota: 1 });
    const p = proposeSplit(results([a('N', 700, { previousAward: { year: 2018, kind: 'nomination' } }), a('A', 650), a('R', 480, { previousAward: { year: 2014, kind: 'award' } })]), r);
    expect(p.award).toEqual([expect.objectContaining({ applicantId: 'N', place: { kind: 'open' } })]);
    expect(ids(p, 'nomination')).toEqual(['A']);
    expect(p.notAwarded).toEqual([expect.objectContaining({ applicantId: 'R', reason: 'no-place-left' })]);
  });
});

describe('the committee’s vote and the industry warning', () => {
  it('every decision needs its vote', () => {
    const r = rules();
    const p = proposeSplit(results([a('A', 600)]), r);
    const d = recordDecisions(p, [{ applicantId: 'A', outcome: 'award', vote: { for: 0, against: 0, abstaining: 0 } }], r);
    expect(!d.ok && d.error.map((e) => e.code)).toEqual(['vote']);
    const bad = recordDecisions(p, [{ applicantId: 'A', outcome: 'award', vote: { for: -1, against: 0, abstaining: 0.5 } }], r);
    expect(!bad.ok && bad.error.map((e) => e.code)).toEqual(['vote']);
    const good = recordDecisions(p, [{ applicantId: 'A', outcome: 'award', vote: { for: 12, against: 2, abstaining: 1 } }], r);
    expect(good.ok && good.value[0]!.vote).toEqual({ for: 12, against: 2, abstaining: 1 });
  });

  it('warns when every proposed Award comes from one industry', () => {
    const r = rules({ awardQuota: 2 });
    const same = proposeSplit(results([a('A', 700), a('B', 650)]), r);
    expect(industryWarning(same)?.zh).toContain('均属“制造业”行业');
    expect(rankJson(same).warnings).toHaveLength(1);
    expect(industryWarning(proposeSplit(results([a('A', 700), a('B', 650, { industry: '现代物流' })]), r))).toBeNull();
    expect(industryWarning(proposeSplit(results([a('A', 700)]), r))).toBeNull();
  });
});
