import { describe, expect, it } from 'vitest';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { applicantResultSchema } from '../../shared/ranking/applicant-result.js';
import { recordDecisions } from '../../shared/ranking/committee-decision.js';
import { proposeSplit } from '../../shared/ranking/proposal.js';
import { rankJson } from '../../shared/ranking/rank-json.js';

const rules = { ...rulesFromPreset('draft-2021', 0), awardQuota: 1, nominationQuota: 1 };
const vote = { for: 11, against: 2, abstaining: 0 };
const results = [
  { applicantId: 'A', name: '甲公司', totalHundredths: 62000 },
  { applicantId: 'B', name: '乙公司', totalHundredths: 55000 },
  { applicantId: 'C', name: '丙公司', totalHundredths: 55000 },
  { applicantId: 'D', name: '丁公司', totalHundredths: 70000, exclusions: [6] },
  { applicantId: 'E', name: '戊公司', totalHundredths: 49995 },
].map((r) => applicantResultSchema.parse(r));
const proposal = proposeSplit(results, rules);

describe('the committee decision', () => {
  it('records a decision that follows the proposal and breaks the tie without a reason', () => {
    const r = recordDecisions(
      proposal,
      [
        { applicantId: 'A', outcome: 'award', vote },
        { applicantId: 'B', outcome: 'nomination', vote },
        { applicantId: 'C', outcome: 'notAwarded', vote },
        { applicantId: 'D', outcome: 'notAwarded', vote },
        { applicantId: 'E', outcome: 'notAwarded', vote },
      ],
      rules,
    );
    expect(r.ok && r.value.every((d) => !d.departs)).toBe(true);
  });

  it('requires a reason for a departure and records it', () => {
    const decisions = [
      { applicantId: 'A', outcome: 'nomination' as const, vote },
      { applicantId: 'B', outcome: 'award' as const, vote },
      { applicantId: 'C', outcome: 'notAwarded' as const, vote },
      { applicantId: 'D', outcome: 'notAwarded' as const, vote },
      { applicantId: 'E', outcome: 'notAwarded' as const, vote },
    ];
    const refused = recordDecisions(proposal, decisions, rules);
    expect(!refused.ok && refused.error.map((p) => [p.code, p.applicantId])).toEqual([
      ['reason-required', 'A'],
      ['reason-required', 'B'],
    ]);
    const withReason = recordDecisions(proposal, [{ ...decisions[0]!, reason: '兼顾行业代表性：同行业已有获奖单位' }, { ...decisions[1]!, reason: '新兴产业代表' }, ...decisions.slice(2)], rules);
    expect(withReason.ok && withReason.value[0]).toMatchObject({ departs: true, proposed: 'award', outcome: 'nomination', reason: '兼顾行业代表性：同行业已有获奖单位' });
  });

  it('refuses what the regulation forbids, even with a reason', () => {
    const r = recordDecisions(
      proposal,
      [
        { applicantId: 'A', outcome: 'award', vote },
        { applicantId: 'D', outcome: 'award', reason: '得分最高', vote },
        { applicantId: 'E', outcome: 'award', reason: '差0.05分', vote },
        { applicantId: 'E', outcome: 'notAwarded', vote },
        { applicantId: 'X', outcome: 'award', vote },
      ],
      rules,
    );
    expect(!r.ok && r.error.map((p) => p.code).sort()).toEqual(['below-threshold', 'duplicate', 'excluded', 'missing', 'missing', 'over-quota', 'unknown-applicant']);
  });

  it('prints the proposal as zqa rank does', () => {
    const json = rankJson(proposal);
    expect(json.award.map((e) => e.name)).toEqual(['甲公司']);
    expect(json.nomination.map((e) => [e.name, e.tie?.possible])).toEqual([['乙公司', ['nomination', 'notAwarded']], ['丙公司', ['nomination', 'notAwarded']]]);
    expect(json.notAwarded).toEqual([
      { applicantId: 'D', name: '丁公司', industry: '', totalHundredths: 70000, exclusions: [6], reason: 'excluded' },
      { applicantId: 'E', name: '戊公司', industry: '', totalHundredths: 49995, reason: 'no-place-left' },
    ]);
    expect(json.vacancies).toEqual({ award: 0, nomination: 0 });
  });
});
