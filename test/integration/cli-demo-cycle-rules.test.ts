import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import type { RankJson } from '../../shared/ranking/rank-json.js';

/**
 * The cycle's own rules travel: `zqa demo --cycle` with a threshold of 550 and a nomination
 * minimum of 400; every report the leaders sign (read back with pdftotext) states 550 and
 * recommends exactly what `zqa rank` proposes. Then the scenario's per-applicant facts
 * (stage, category, earlier award) and the 2022 rules' reserved places, applied by `zqa rank`.
 */
const root = mkdtempSync(join(tmpdir(), 'zqa-cycle-rules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const zqa = (args: string[]) => spawnSync(process.execPath, ['cli/zqa.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ZQA_PASSPHRASE: '' } });
const pdfText = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');

const ITEMS = itemsOf(GBT19580_2012);
/** Every item at `percent`, then `points` more or less from 4.7.2 (80 points: 5% is 4 points). */
const scoring = (percent: number, extra: Record<string, number> = {}) => ({ ...Object.fromEntries(ITEMS.map((i) => [i.id, percent])), ...extra });

const RECOMMENDS = { award: '评审组意见：推荐为市长质量奖候选单位', nomination: '评审组意见：推荐为市长质量奖提名奖候选单位', notAwarded: '评审组意见：不予推荐' } as const;

describe('zqa demo --cycle under a cycle threshold of 550 and a nomination minimum of 400', () => {
  const dir = join(root, 'cycle-550');
  const applicants = [
    { name: '郑州六百精工有限公司', industry: '装备制造', consensus: scoring(60) }, // 600.00: Award
    { name: '郑州五二零食品有限公司', industry: '食品加工', consensus: scoring(50, { '4.7.2': 75 }) }, // 520.00: Award under 500, Nomination under 550
    { name: '郑州五五零物流有限公司', industry: '现代物流', consensus: scoring(55) }, // 550.00 exactly: Award
    { name: '郑州四五零软件有限公司', industry: '软件', consensus: scoring(45) }, // 450.00: Nomination
    { name: '郑州三五零建材有限公司', industry: '建材', consensus: scoring(35) }, // 350.00: below the nomination minimum
    { name: '郑州四百整电子有限公司', industry: '电子信息', consensus: scoring(40) }, // 400.00 exactly: Nomination
  ];

  it('every signed report states 550 and recommends what the ranking proposes', () => {
    const file = join(root, 'scenario-550.json');
    writeFileSync(file, JSON.stringify({ rules: { awardQuota: 5, nominationQuota: 5, threshold: 550, nominationMinimum: 400 }, applicants }));
    const demo = zqa(['demo', '--cycle', file, '--out', dir, '--seed', '7']);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);

    const rank = zqa(['rank', dir, '--json']);
    expect(rank.stderr).toBe('');
    const proposal = JSON.parse(rank.stdout) as RankJson;
    expect(proposal.award.map((e) => e.name)).toEqual(['郑州六百精工有限公司', '郑州五五零物流有限公司']);
    expect(proposal.nomination.map((e) => e.name)).toEqual(['郑州五二零食品有限公司', '郑州四五零软件有限公司', '郑州四百整电子有限公司']);
    expect(proposal.notAwarded.map((e) => [e.name, e.reason])).toEqual([['郑州三五零建材有限公司', 'below-nomination-minimum']]);
    const listOf = new Map<string, keyof typeof RECOMMENDS>([
      ...proposal.award.map((e) => [e.applicantId, 'award'] as const),
      ...proposal.nomination.map((e) => [e.applicantId, 'nomination'] as const),
      ...proposal.notAwarded.map((e) => [e.applicantId, 'notAwarded'] as const),
    ]);

    for (const [n] of applicants.entries()) {
      const text = pdfText(join(dir, 'panels', String(n + 1).padStart(2, '0'), 'report.pdf'));
      // The cycle's line, in the score table and in the conclusion; never the draft's 500.
      expect(text).toContain('获奖分数线550.00分（含）');
      expect(text).toMatch(/本届获奖分数线550\.00分/);
      expect(text).not.toContain('500.00分');
      const list = listOf.get(`applicant-${n + 1}`)!;
      expect(text).toContain(RECOMMENDS[list]);
      for (const other of Object.values(RECOMMENDS)) if (other !== RECOMMENDS[list]) expect(text).not.toContain(other);
      if (list !== 'award') expect(text).toMatch(/本届提名奖最低分400\.00分/);
    }
  }, 300_000);
});

describe('zqa demo --cycle with stages, categories, earlier awards and the 2022 rules', () => {
  const dir = join(root, 'cycle-2022');
  const applicants = [
    { name: '郑州撤回机械有限公司', industry: '装备制造', consensus: scoring(80), stage: 'withdrawn' },
    { name: '郑州专精传感有限公司', industry: '电子信息', consensus: scoring(55), category: '专精特新' },
    { name: '郑州再获化工有限公司', industry: '化工', consensus: scoring(70), previousAward: { year: 2016, kind: 'award' } },
    { name: '郑州普通纺织有限公司', industry: '纺织', consensus: scoring(60) },
  ];

  it('zqa rank applies them and prints, for each applicant not ranked, its reason', () => {
    const file = join(root, 'scenario-2022.json');
    writeFileSync(file, JSON.stringify({ rules: { preset: 'adopted-2022', awardQuota: 2, reservations: [{ category: '专精特新', label: '专精特新企业', award: 1, nomination: 0, kind: 'separate-pool' }], nominationMinimum: 300 }, applicants }));
    const demo = zqa(['demo', '--cycle', file, '--out', dir, '--seed', '3']);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { applicants: { applicantId: string; stage?: string; category?: string }[] };
    expect(index.applicants.map((a) => [a.applicantId, a.stage, a.category])).toEqual([
      ['applicant-1', 'withdrawn', undefined],
      ['applicant-2', undefined, '专精特新'],
      ['applicant-3', undefined, undefined],
      ['applicant-4', undefined, undefined],
    ]);

    const proposal = JSON.parse(zqa(['rank', dir, '--json']).stdout) as RankJson;
    // The repeat winner takes its Award outside the quota of 2; the specialised firm its reserved place; the open place to the 600.
    expect(proposal.award.map((e) => [e.name, e.place])).toEqual([
      ['郑州再获化工有限公司', 'repeat'],
      ['郑州普通纺织有限公司', 'open'],
      ['郑州专精传感有限公司', 'reserved'],
    ]);
    expect(proposal.notRanked.map((e) => [e.name, e.stage, e.reason])).toEqual([['郑州撤回机械有限公司', 'withdrawn', '已撤销/退出：已撤销或退出评审']]);
    const table = zqa(['rank', dir]);
    expect(table.stdout).toContain('未参与排名（1）');
    expect(table.stdout).toContain('郑州撤回机械有限公司（已撤销/退出：已撤销或退出评审）');
    expect(table.stdout).toContain('再次获奖，不占名额');
  }, 300_000);

  it('refuses a scenario without the nomination minimum, or with an unknown stage', () => {
    const file = join(root, 'bad.json');
    writeFileSync(file, JSON.stringify({ rules: { preset: 'adopted-2022' }, applicants: [{ ...applicants[0], stage: 'finished' }] }));
    const r = zqa(['demo', '--cycle', file, '--out', join(root, 'never')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/applicants\.0\.stage: one of the app's stages/);
    expect(r.stderr).toMatch(/rules\.nominationMinimum: state the nomination minimum \(0 for none\)/);
    writeFileSync(file, JSON.stringify({ rules: { preset: 'adopted-2030', nominationMinimum: 0 }, applicants: [applicants[1]] }));
    expect(zqa(['demo', '--cycle', file, '--out', join(root, 'never')]).stderr).toMatch(/rules: preset: one of draft-2021, adopted-2022/);
  });
});
