import { describe, expect, it } from 'vitest';
import { newApplicantRecord } from '../../shared/applicant/applicant-record.js';
import { defaultCycleRules } from '../../shared/cycle/cycle-rules.js';
import type { Cycle } from '../../shared/cycle/cycle.js';
import type { ApplicantRow, DecisionRow, SummaryRow } from '../../renderer/src/secretariat/records.js';
import { decisionStatus } from '../../renderer/src/secretariat/store/decision-store.js';
import { overviewFrom } from '../../renderer/src/secretariat/store/overview.js';

const cycle: Cycle = { id: 'c', ordinal: 1, year: 2026, name: '第一届', criteriaSetId: 'GBT19580-2012', rules: { ...defaultCycleRules(), awardQuota: 1, nominationQuota: 1 } };
const stamp = { updatedAt: '2026-06-01T00:00:00.000Z', updatedBy: '秘书处' };

function applicant(id: string, confirmed: number[] = []): ApplicantRow {
  const record = newApplicantRecord('c', { id, name: `单位${id}`, creditCode: '91410100MA44XNTK54', industry: '制造', address: '郑州', contact: { name: '王', phone: '0371-1234567' } });
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
    const o = overviewFrom(cycle, [summary('a', 60000), summary('b', 55000)], [applicant('a', [5]), applicant('b')], []);
    expect(o.proposal.award.map((e) => e.applicantId)).toEqual(['b']);
    const a = o.rows.find((r) => r.applicantId === 'a')!;
    expect(a.entry).toMatchObject({ list: 'notAwarded', reason: 'excluded', exclusions: [5] });
    expect(o.rows.map((r) => r.applicantId)).toEqual(['a', 'b']);
  });

  it('lists applicants without a return as pending, after those with a total, and shows ties as ties', () => {
    const o = overviewFrom(cycle, [summary('a', 52000), summary('b', 52000)], [applicant('a'), applicant('b'), applicant('c')], []);
    expect(o.rows.map((r) => [r.applicantId, r.result?.totalHundredths ?? null])).toEqual([['a', 52000], ['b', 52000], ['c', null]]);
    expect(o.proposal.ties).toHaveLength(1);
    expect(o.rows[0]!.entry!.tie!.possible).toEqual(['award', 'nomination']);
  });

  it('reports open and refused decisions through the domain', () => {
    const decided: DecisionRow[] = [{ cycleId: 'c', applicantId: 'a', outcome: 'nomination', ...stamp }];
    const o = overviewFrom(cycle, [summary('a', 60000), summary('b', 40000)], [applicant('a'), applicant('b')], decided);
    const status = decisionStatus(o);
    expect(status.records).toBeNull();
    expect(status.problems.map((p) => p.code).sort()).toEqual(['missing', 'reason-required']);
  });
});
