import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';

/**
 * `zqa demo --cycle` then `zqa rank --json`, as processes over files: a whole cycle through
 * the real code (assignments with certificates, scoresheets, signed reports, countersignatures,
 * panel returns), then the secretariat's proposal.
 */
const root = mkdtempSync(join(tmpdir(), 'zqa-cycle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const zqa = (args: string[]) => spawnSync(process.execPath, ['cli/zqa.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ZQA_PASSPHRASE: '' } });

const ITEMS = itemsOf(GBT19580_2012);
/** Every item at `percent`: the total is 10 × percent points (the items' points sum to 1000). */
const flat = (percent: number): Record<string, number> => Object.fromEntries(ITEMS.map((i) => [i.id, percent]));
// 499.95 cannot be reached on the 5% grid (totals move in quarter points); 499.75 can:
// 4.1.2 (50 points) at 45% and 4.4.3 (15 points) at 65%, every other item at 50%.
const JUST_BELOW = { ...flat(50), '4.1.2': 45, '4.4.3': 65 };

const scenario = {
  rules: { awardQuota: 3, nominationQuota: 2, threshold: 500, nominationMinimum: 0 },
  applicants: [
    { name: '郑州卓越制造有限公司', industry: '装备制造', consensus: flat(70), exclusions: [5] },
    { name: '郑州门槛企业有限公司', industry: '食品加工', consensus: flat(50), exclusions: [] },
    { name: '郑州差一点股份有限公司', industry: '现代物流', consensus: JUST_BELOW, exclusions: [] },
    { name: '河南优秀电子有限公司', industry: '电子信息', consensus: flat(65), exclusions: [] },
    { name: '郑州良好服务有限公司', industry: '服务业', consensus: flat(60), exclusions: [] },
    { name: '郑州稳健建设集团', industry: '建筑业', consensus: flat(55), exclusions: [] },
    { name: '郑州起步科技有限公司', industry: '软件', consensus: flat(45), exclusions: [] },
  ],
};

interface Entry {
  name: string;
  totalHundredths: number;
  exclusions?: number[];
}
interface Proposal {
  award: Entry[];
  nomination: Entry[];
  notAwarded: Entry[];
  vacancies: { award: number; nomination: number };
}
const names = (entries: Entry[]) => entries.map((e) => e.name);

describe('zqa demo --cycle, then zqa rank --json', () => {
  const dir = join(root, 'cycle');
  const file = join(root, 'scenario.json');

  it('runs every panel through to its signed return, and the proposal follows the rules', async () => {
    writeFileSync(file, JSON.stringify(scenario));
    const demo = zqa(['demo', '--cycle', file, '--out', dir, '--seed', '5']);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/7 panel returns/);

    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { rules: unknown; participants: { role: string; identityCard: string; keyFile: string }[]; packages: { file: string; type: string; from: string; to: string[] }[] };
    expect(index.rules).toEqual(scenario.rules);
    expect(index.participants.map((p) => p.role)).toEqual(['secretariat', 'leader', 'leader', 'leader', 'expert', 'expert', 'expert', 'expert', 'expert']);
    const count = (type: string) => index.packages.filter((p) => p.type === type).length;
    expect([count('assignment'), count('scoresheet'), count('report-for-signing'), count('countersignature'), count('panel-return')]).toEqual([7, 35, 7, 28, 7]);
    // A leader of one panel sits as a member on another.
    const leaders = new Set(index.packages.filter((p) => p.type === 'panel-return').map((p) => p.from));
    expect(index.packages.some((p) => p.type === 'countersignature' && leaders.has(p.from))).toBe(true);

    // Every package verifies against the cards (leaders' cards say leader, experts' expert).
    for (const p of index.packages) {
      let out = '';
      let err = '';
      const code = await runCli(['verify', join(dir, p.file), '--trust', join(dir, 'cards')], { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
      expect(err).toBe('');
      expect([code, out]).toEqual([0, expect.stringMatching(new RegExp(`good ${p.type} r1 .* trusted`))]);
    }

    // With only the secretariat's card and every assignment as trust, added one by one: each
    // leader's report and return verify as the leader's of its own panel, and only there.
    const secretariat = index.participants[0]!;
    const assignments = index.packages.filter((p) => p.type === 'assignment').flatMap((p) => ['--trust', join(dir, p.file)]);
    const trust = ['--trust', join(dir, secretariat.identityCard), ...assignments, '--identity', join(dir, secretariat.keyFile)];
    for (const p of index.packages.filter((x) => x.type === 'panel-return' || x.type === 'report-for-signing')) {
      let out = '';
      let err = '';
      const code = await runCli(['verify', join(dir, p.file), ...trust], { stdout: (t) => (out += t), stderr: (t) => (err += t), env: { ZQA_PASSPHRASE: 'zqa-demo-5' } });
      expect(err).toBe('');
      expect([code, out]).toEqual([0, expect.stringMatching(new RegExp(`good ${p.type} r1 .* trusted \\(roster: [^,]+, leader\\)`))]);
    }
    let refused = '';
    const onlyFirst = ['--trust', join(dir, secretariat.identityCard), ...assignments.slice(0, 2), '--identity', join(dir, secretariat.keyFile)];
    await runCli(['verify', join(dir, 'panels/02/packages/panel-return.zqa'), ...onlyFirst], { stdout: () => undefined, stderr: (t) => (refused += t), env: { ZQA_PASSPHRASE: 'zqa-demo-5' } });
    expect(refused).toMatch(/refused: (unknown-signer|untrusted-signer: .* is not on panel panel-2)/);

    const rank = zqa(['rank', dir, '--json']);
    expect(rank.stderr).toBe('');
    expect(rank.status).toBe(0);
    const proposal = JSON.parse(rank.stdout) as Proposal;
    // More qualifiers (≥ 500) than the three award places: 500.00 falls to a nomination.
    expect(names(proposal.award)).toEqual(['河南优秀电子有限公司', '郑州良好服务有限公司', '郑州稳健建设集团']);
    expect(names(proposal.nomination)).toEqual(['郑州门槛企业有限公司', '郑州差一点股份有限公司']);
    expect(proposal.nomination.map((e) => e.totalHundredths)).toEqual([50000, 49975]);
    // The highest scorer, excluded, is never proposed.
    expect(proposal.notAwarded.map((e) => [e.name, e.totalHundredths, e.exclusions ?? []])).toEqual(
      expect.arrayContaining([['郑州卓越制造有限公司', 70000, [5]], ['郑州起步科技有限公司', 45000, []]]),
    );
    expect(proposal.vacancies).toEqual({ award: 0, nomination: 0 });
    const all = [...proposal.award, ...proposal.nomination, ...proposal.notAwarded];
    expect(names(all).sort()).toEqual(scenario.applicants.map((a) => a.name).sort());

    // Five award places: 500.00 is awarded, 499.75 is not although a place stays vacant.
    const rules = join(root, 'rules.json');
    writeFileSync(rules, JSON.stringify({ awardQuota: 5, nominationQuota: 1, threshold: 500, nominationMinimum: 0 }));
    const wider = JSON.parse(zqa(['rank', dir, '--json', '--rules', rules]).stdout) as Proposal;
    expect(names(wider.award)).toEqual(['河南优秀电子有限公司', '郑州良好服务有限公司', '郑州稳健建设集团', '郑州门槛企业有限公司']);
    expect(names(wider.nomination)).toEqual(['郑州差一点股份有限公司']);
    expect(wider.vacancies).toEqual({ award: 1, nomination: 0 });
  }, 300_000);

  it('refuses a bad scenario with every problem named, and writes nothing', async () => {
    const bad = {
      rules: { awardQuota: 3, nominationQuota: 2, threshold: 500, nominationMinimum: 0 },
      applicants: [
        { name: '缺项企业', industry: '', consensus: (({ '4.1.2': _gone, ...rest }) => rest)(flat(50)), exclusions: [] },
        { name: '离格企业', industry: '', consensus: { ...flat(50), '4.2.2': 52 }, exclusions: [8] },
        { name: '多项企业', industry: '', consensus: { ...flat(50), '9.9.9': 50 }, exclusions: [5, 5] },
      ],
    };
    const badFile = join(root, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    let err = '';
    const out = join(root, 'never');
    const code = await runCli(['demo', '--cycle', badFile, '--out', out], { stdout: () => undefined, stderr: (t) => (err += t), env: {} });
    expect(code).toBe(1);
    expect(err).toMatch(/applicants\[0\] \(缺项企业\)\.consensus: missing item 4\.1\.2/);
    expect(err).toMatch(/applicants\[1\] \(离格企业\)\.consensus\.4\.2\.2: 52 is not a percentage from 0 to 100 in steps of 5/);
    expect(err).toMatch(/applicants\[1\] \(离格企业\)\.exclusions: 8 is not an Art\. 14 exclusion number/);
    expect(err).toMatch(/applicants\[2\] \(多项企业\)\.consensus: unknown item 9\.9\.9/);
    expect(err).toMatch(/applicants\[2\] \(多项企业\)\.exclusions: 5 is given twice/);
    expect(existsSync(out)).toBe(false);

    writeFileSync(badFile, JSON.stringify({ rules: { awardQuota: 3, nominationQuota: 2, threshold: 1200, nominationMinimum: 0 }, applicants: [] }));
    err = '';
    expect(await runCli(['demo', '--cycle', badFile, '--out', out], { stdout: () => undefined, stderr: (t) => (err += t), env: {} })).toBe(1);
    expect(err).toMatch(/rules\.threshold: at most 1000/);

    writeFileSync(badFile, JSON.stringify({ rules: { awardQuota: 3, nominationQuota: 2 }, applicants: [] }));
    err = '';
    expect(await runCli(['demo', '--cycle', badFile, '--out', out], { stdout: () => undefined, stderr: (t) => (err += t), env: {} })).toBe(1);
    expect(err).toMatch(/rules\.nominationMinimum: state the nomination minimum \(0 for none\)/);
    expect(err).toMatch(/applicants: at least one applicant/);
    expect(existsSync(out)).toBe(false);
  });
});
