import { describe, expect, it } from 'vitest';
import { newApplicantRecord } from '../../shared/applicant/applicant-record.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import type { Cycle } from '../../shared/cycle/cycle.js';
import type { ApplicantRow, DecisionRow, SummaryRow } from '../../renderer/src/db/secretariat-records.js';
import { decisionStatus } from '../../renderer/src/workspaces/secretariat/store/decision-store.js';
import { overviewFrom } from '../../renderer/src/workspaces/secretariat/store/overview.js';
import { recommendationDisagreement } from '../../shared/ranking/recommendation-check.js';

const cycle: Cycle = { id: 'c', ordinal: 1, year: 2026, name: '第一届', criteriaSetId: 'GBT19580-2012', rules: { ...rulesFromPreset('draft-2021', 0), awardQuota: 1, nominationQuota: 1 } };
const stamp = { updatedAt: '2026-06-01T00:00:00.000Z', updatedBy: '秘书处' };

function applicant(id: string, confirmed: number[] = [], stage: ApplicantRow['record']['stage'] = 'on-site'): ApplicantRow {
  const record = { ...newApplicantRecord('c', { id, name: `单位${id}`, creditCode: '91410100MA44XNTK54', industry: '制造', address: '郑州', contact: { name: '王', phone: '0371-1234567' } }), stage };
  for (const n of confirmed) record.exclusions[n as 1] = { status: 'confirmed', evidence: '审计报告' };
  return { id, cycleId: 'c', record, ...stamp };
}

function summary(id: string, total: number, exclusions: number[] = []): SummaryRow {
  return {
    cycleId: 'c',
    applicantId: id,
    panelId: `panel-${id}`,
    returnPackageId: `p${id}`,
    updatedAt: stamp.updatedAt,
    itemScores: { applicantName: id, members: [], consensusPercentByItem: {} },
    result: { applicantId: id, name: `单位${id}`, industry: '制造', totalHundredths: total, categorySubtotals: {}, exclusions: exclusions as 5[], recommendation: 'award', divergenceNotes: [], dissents: [], absences: [] },
  };
}

describe('the secretariat overview', () => {
  it('joins the secretariat’s own confirmed exclusions to the panel’s and never proposes such an applicant', () => {
    const o = overviewFrom(cycle, GBT19580_2012, [summary('a', 60000), summary('b', 55000)], [applicant('a', [5]), applicant('b')], []);
    expect(o.proposal.award.map((e) => e.applicantId)).toEqual(['b']);
    const a = o.rows.find((r) => r.applicantId === 'a')!;
    expect(a.entry).toMatchObject({ list: 'notAwarded', reason: 'excluded', exclusions: [5] });
    expect(o.rows.map((r) => r.applicantId)).toEqual(['a', 'b']);
  });

  it('lists applicants without a return as pending, after those with a total, and shows ties as ties', () => {
    const o = overviewFrom(cycle, GBT19580_2012, [summary('a', 52000), summary('b', 52000)], [applicant('a'), applicant('b'), applicant('c')], []);
    expect(o.rows.map((r) => [r.applicantId, r.result?.totalHundredths ?? null])).toEqual([['a', 52000], ['b', 52000], ['c', null]]);
    expect(o.proposal.ties).toHaveLength(1);
    expect(o.rows[0]!.entry!.tie!.possible).toEqual(['award', 'nomination']);
  });

  it('reports open and refused decisions through the domain', () => {
    const decided: DecisionRow[] = [{ cycleId: 'c', applicantId: 'a', outcome: 'nomination', vote: { for: 8, against: 1, abstaining: 0 }, ...stamp }];
    const o = overviewFrom(cycle, GBT19580_2012, [summary('a', 60000), summary('b', 40000)], [applicant('a'), applicant('b')], decided);
    const status = decisionStatus(o);
    expect(status.records).toBeNull();
    expect(status.problems.map((p) => p.code).sort()).toEqual(['missing', 'reason-required']);
    // A decision stored before votes were recorded must be recorded again.
    const { vote: _v, ...unvoted } = decided[0]!;
    expect(decisionStatus(overviewFrom(cycle, GBT19580_2012, [summary('a', 60000), summary('b', 40000)], [applicant('a'), applicant('b')], [unvoted])).problems.map((p) => p.code)).toContain('vote');
  });

  it('lists withdrawn and ineligible applicants apart with the reason recorded, and proposes only candidates', () => {
    const withdrawn = applicant('w', [], 'withdrawn');
    withdrawn.record.history.push({ from: 'on-site', to: 'withdrawn', at: stamp.updatedAt, by: '秘书处', reason: '现场评审后主动撤回申请' });
    const o = overviewFrom(cycle, GBT19580_2012, [summary('w', 80000), summary('i', 70000), summary('v', 60000)], [withdrawn, applicant('i', [], 'ineligible'), applicant('v')], []);
    expect(o.proposal.award.map((e) => e.applicantId)).toEqual(['v']);
    expect(o.rows.filter((r) => r.apart).map((r) => [r.applicantId, r.stage, r.stageReason])).toEqual([
      ['w', 'withdrawn', '现场评审后主动撤回申请'],
      ['i', 'ineligible', undefined],
    ]);
    expect(o.proposal.notCandidates.map((n) => n.applicantId)).toEqual(['w', 'i']);
  });

  it('shows the recommendation the panel signed, flagged where the proposal differs', () => {
    const o = overviewFrom(cycle, GBT19580_2012, [summary('a', 60000), summary('b', 58000)], [applicant('a'), applicant('b')], []);
    const b = o.rows.find((r) => r.applicantId === 'b')!;
    expect(b.result!.recommendation).toBe('award');
    expect(recommendationDisagreement(b.result!, b.entry, cycle.rules)).toEqual({ signed: 'award', rulesChanged: false });
    const a = o.rows.find((r) => r.applicantId === 'a')!;
    expect(recommendationDisagreement(a.result!, a.entry, cycle.rules)).toBeNull();
    const signedUnder500 = { ...a.result!, signedUnder: { awardThresholdPoints: 500, nominationMinimumPoints: 0 } };
    expect(recommendationDisagreement(signedUnder500, a.entry, { awardThresholdPoints: 550, nominationMinimumPoints: 0 })).toEqual({ signed: 'award', rulesChanged: true });
  });
});
