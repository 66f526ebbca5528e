import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RankJson } from '../../shared/ranking/rank-json.js';
import { runZqa } from './run-zqa.js';

const dir = mkdtempSync(join(tmpdir(), 'zqa-rank-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zqa = (...args: string[]) => runZqa(args);

const scenario = {
  rules: { awardQuota: 2, nominationQuota: 2, threshold: 500, nominationMinimum: 0 },
  applicants: [
    { applicantId: 'a1', name: '郑州宇达机械有限公司', industry: '装备制造', totalHundredths: 50000 },
    { applicantId: 'a2', name: '河南某某食品股份有限公司', industry: '食品', totalHundredths: 49995 },
    { applicantId: 'a3', name: '郑州某某物流有限公司', industry: '物流', totalHundredths: 91000, exclusions: [5] },
    { applicantId: 'a4', name: '郑州甲公司', industry: '软件', totalHundredths: 45000 },
    { applicantId: 'a5', name: '郑州乙公司', industry: '软件', totalHundredths: 45000 },
  ],
};

describe('zqa rank', () => {
  it('prints the proposal as JSON, every applicant in exactly one list', async () => {
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = await zqa('rank', '--results', file, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as RankJson;
    expect(json.award.map((e) => [e.name, e.totalHundredths])).toEqual([['郑州宇达机械有限公司', 50000]]);
    expect(json.nomination.map((e) => e.name)).toEqual(['河南某某食品股份有限公司', '郑州甲公司', '郑州乙公司']);
    expect(json.nomination.filter((e) => e.tie).map((e) => e.tie!.possible)).toEqual([['nomination', 'notAwarded'], ['nomination', 'notAwarded']]);
    expect(json.notAwarded).toEqual([{ applicantId: 'a3', name: '郑州某某物流有限公司', industry: '物流', totalHundredths: 91000, exclusions: [5], reason: 'excluded' }]);
    expect(json.vacancies).toEqual({ award: 1, nomination: 0 });
    expect(json.ties).toEqual([{ group: 1, totalHundredths: 45000, applicantIds: ['a4', 'a5'], places: { award: 0, nomination: 1 } }]);
  });

  it('prints a Chinese table without --json, and takes --rules', async () => {
    const file = join(dir, 'plain.json');
    writeFileSync(file, JSON.stringify(scenario.applicants));
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify({ awardQuota: 1, nominationQuota: 0, nominationMinimum: 0 }));
    const r = await zqa('rank', '--results', file, '--rules', rules);
    expect(r.code).toBe(0);
    expect(r.out).toContain('市长质量奖（1）\n   500.00  郑州宇达机械有限公司');
    expect(r.out).toContain('910.00  郑州某某物流有限公司（否决项第5项）');
    expect(r.out).toContain('空缺：市长质量奖 0 个，提名奖 0 个');
  });

  it('explains ties, and a place that hangs on a tie above, in the table', async () => {
    const file = join(dir, 'knock-on.json');
    writeFileSync(
      file,
      JSON.stringify({
        rules: { awardQuota: 1, nominationQuota: 2, nominationMinimum: 0, reservations: [{ category: 'small', label: '小微企业', award: 0, nomination: 1, kind: 'guaranteed-minimum' }] },
        applicants: [
          { applicantId: 'A0', name: '甲公司', category: 'small', totalHundredths: 60000 },
          { applicantId: 'A1', name: '乙公司', totalHundredths: 60000 },
          { applicantId: 'B', name: '丙公司', totalHundredths: 55000 },
        ],
      }),
    );
    const r = await zqa('rank', '--results', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('并列第1组（600.00分）：2家争1个市长质量奖、1个提名奖名额，由评委会决定');
    expect(r.out).toContain('第2组（550.00分）：丙公司能否获得1个提名奖名额，取决于上方并列如何决定');
  });

  it('refuses bad input with the reason and exit code 1, bad usage with 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: { awardQuota: -1, nominationMinimum: 0 }, applicants: [] }));
    const r1 = await zqa('rank', '--results', bad, '--json');
    expect([r1.code, r1.err]).toEqual([1, 'zqa rank: rules: awardQuota: must not be negative\n']);
    // The nomination minimum must be stated: the regulation gives none.
    writeFileSync(bad, JSON.stringify(scenario.applicants));
    const r0 = await zqa('rank', '--results', bad);
    expect([r0.code, r0.err]).toEqual([1, 'zqa rank: rules: nominationMinimumPoints: state the nomination minimum (0 for none): the regulation gives none\n']);
    writeFileSync(bad, JSON.stringify({ rules: { nominationMinimum: 0 }, applicants: [{ applicantId: 'x', name: 'X', totalHundredths: 500.5 }] }));
    const r2 = await zqa('rank', '--results', bad);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('whole number of hundredths');
    expect((await zqa('rank')).code).toBe(2);
    expect((await zqa('rank', dir, '--results', bad)).code).toBe(2);
    const r3 = await zqa('rank', join(dir, 'nowhere'), '--json');
    expect(r3.code).toBe(1);
    expect(r3.err).toContain('index.json');
  });
});
