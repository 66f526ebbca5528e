import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { readPanelReturns } from '../../cli/commands/rank-panel-returns.js';
import { parseCsv } from '../readers/csv-read.js';
import { applicantProfileSchema, type ApplicantProfile } from '../../shared/applicant/applicant-profile.js';
import { creditCodeCheckCharacter } from '../../shared/applicant/credit-code.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { validateCycle, type Cycle } from '../../shared/cycle/cycle.js';
import { itemScoresTable, overviewTable, tableSheet } from '../../shared/export/secretariat-tables.js';
import { readXlsx, sheetValues } from '../readers/xlsx-read.js';
import { writeXlsx } from '../../shared/export/xlsx-write.js';
import { checkPanel, eligibleExperts, type Panel } from '../../shared/panel/panel-rules.js';
import { proposeSplit } from '../../shared/ranking/proposal.js';
import type { RankJson } from '../../shared/ranking/rank-json.js';
import { createDevices, enrolExperts, poolFrom, runPanels, type Devices, type ScenarioApplicant } from './secretariat-cycle-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'zqa-cycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = () => {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), env: {} } };
};

function code(n: number): string {
  const first17 = `914101${String(n).padStart(2, '0')}MA${String(1000000 + n).slice(1)}X`;
  return first17 + creditCodeCheckCharacter(first17);
}
function profile(n: number, name: string, industry: string): ApplicantProfile {
  return applicantProfileSchema.parse({ id: `app-${n}`, name, creditCode: code(n), industry, address: '郑州市', contact: { name: '联系人', phone: '0371-60000000' } });
}
const all = (p: number) => Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, p]));

// GB/T 19580 item points are multiples of 5, so a total moves in steps of 0.25 points:
// 499.75 is the closest a real consensus gets under 500.
const scenario: ScenarioApplicant[] = [
  { profile: profile(1, '郑州恒信精密制造有限公司', '装备制造'), consensus: all(55), exclusions: [] },
  { profile: profile(2, '郑州宇达机械有限公司', '装备制造'), consensus: all(50), exclusions: [] },
  { profile: profile(3, '河南中原食品股份有限公司', '食品'), consensus: { ...all(50), '4.4.3': 45, '4.4.6': 55 }, exclusions: [] },
  { profile: profile(4, '郑州速达物流有限公司', '物流'), consensus: all(70), exclusions: [5] },
  { profile: profile(5, '郑州云启软件有限公司', '软件'), consensus: all(45), exclusions: [] },
];

let devices: Devices;
let cycle: Cycle;

beforeAll(async () => {
  const c = validateCycle({ id: 'zz-2026', ordinal: 6, year: 2026, name: '2026年度郑州市市长质量奖', criteriaSetId: GBT19580_2012.id, rules: { awardQuota: 3, nominationQuota: 2, nominationMinimumPoints: 400 }, reviewDate: '2026-06-10' });
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  cycle = c.value;
  devices = await createDevices(8);
}, 60_000);

describe('a cycle from set-up to the overview, over files only, through the app’s own steps', () => {
  it('forms panels (refusing a recusal conflict), issues assignments, reads the panel returns, and ranks them', async () => {
    const cards = await enrolExperts(dir, devices);
    // 王建国 used to work for 郑州宇达机械 (left 2024, within 3 years of the review) and
    // wrote its name the long way; 李丽华 left it in 2020, too long ago to count.
    const pool = poolFrom(cards, {
      王建国: [{ kind: 'former-employer', organisation: '郑州宇达机械有限责任公司', until: '2024-03-31' }],
      李丽华: [{ kind: 'former-employer', organisation: '郑州宇达机械有限公司', until: '2020-12-31' }],
    });
    const ids = pool.map((e) => e.id);
    const context = (a: ScenarioApplicant) => ({ rules: cycle.rules, pool, applicant: { name: a.profile.name, creditCode: a.profile.creditCode }, reviewDate: cycle.reviewDate! });

    const refused = checkPanel({ applicantId: 'app-2', memberIds: ids.slice(0, 5), leaderId: ids[0]! }, context(scenario[1]!));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.map((p) => p.code)).toEqual(['recusal']);
      expect(refused.error[0]!.zh).toContain('王建国');
    }

    const panels: { applicant: ScenarioApplicant; panel: Panel }[] = [];
    for (const [n, a] of scenario.entries()) {
      const free = eligibleExperts(context(a)).map((e) => e.id);
      // Rotate so an expert leads one panel and sits as a member on others.
      // Panels of six: a leader and five experts.
      const memberIds = [...free.slice(n % free.length), ...free.slice(0, n % free.length)].slice(0, 6);
      const p = checkPanel({ applicantId: a.profile.id, memberIds, leaderId: memberIds[0]! }, context(a));
      if (!p.ok) throw new Error(JSON.stringify(p.error));
      panels.push({ applicant: a, panel: p.value });
    }
    expect(panels[1]!.panel.memberIds).not.toContain(ids[0]);
    expect(eligibleExperts(context(scenario[1]!)).map((e) => e.id)).toEqual(ids.slice(1));

    await runPanels(dir, cycle, devices, panels, { awardQuota: 3, nominationQuota: 2, threshold: 500, nominationMinimum: 400 });

    const { out, io: cliIo } = io();
    const exit = await runCli(['rank', dir, '--json'], cliIo);
    expect(out.stderr).toBe('');
    expect(exit).toBe(0);
    const json = JSON.parse(out.stdout) as RankJson;
    expect(json.award.map((e) => [e.name, e.totalHundredths])).toEqual([
      ['郑州恒信精密制造有限公司', 55000],
      ['郑州宇达机械有限公司', 50000],
    ]);
    expect(json.nomination.map((e) => [e.name, e.totalHundredths])).toEqual([
      ['河南中原食品股份有限公司', 49975],
      ['郑州云启软件有限公司', 45000],
    ]);
    expect(json.notAwarded).toEqual([{ applicantId: 'app-4', name: '郑州速达物流有限公司', industry: '物流', totalHundredths: 70000, exclusions: [5], reason: 'excluded' }]);
    expect(json.notRanked).toEqual([]);
    expect(json.vacancies).toEqual({ award: 1, nomination: 0 });
  }, 120_000);

  it('exports the overview and the item scores to a spreadsheet that reads back', async () => {
    const read = await readPanelReturns(dir, io().io);
    if (!read.ok) throw new Error(read.error);
    const proposal = proposeSplit(read.value.results, cycle.rules);
    const overview = overviewTable(GBT19580_2012, read.value.results, proposal, cycle.rules);
    const items = itemScoresTable(GBT19580_2012, read.value.results.map((r) => ({ applicantName: r.name, members: [], consensusPercentByItem: scenario.find((s) => s.profile.id === r.applicantId)!.consensus })));
    const book = await writeXlsx({ sheets: [tableSheet(overview), tableSheet(items)] });
    if (!book.ok) throw new Error(book.error.join('\n'));
    const file = join(dir, '综合评审汇总.xlsx');
    writeFileSync(file, book.value);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const back = readXlsx(new Uint8Array(readFileSync(file)));
    if (!back.ok) throw new Error(back.error);
    const rows = sheetValues(back.value[0]!);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[11]])).toEqual([
      ['郑州速达物流有限公司', 700, '未获奖'],
      ['郑州恒信精密制造有限公司', 550, '市长质量奖'],
      ['郑州宇达机械有限公司', 500, '市长质量奖'],
      ['河南中原食品股份有限公司', 499.75, '市长质量奖提名奖'],
      ['郑州云启软件有限公司', 450, '市长质量奖提名奖'],
    ]);
    expect(rows[1]![12]).toBe('第5项');
    expect(sheetValues(back.value[1]!)).toHaveLength(1 + 5 * 23);
  });

  it('zqa rank --xlsx/--csv writes the overview and every member’s item scores from the returns', async () => {
    const xlsx = join(dir, 'export.xlsx');
    const csvDir = join(dir, 'csv');
    const { out, io: cliIo } = io();
    expect(await runCli(['rank', dir, '--xlsx', xlsx, '--csv', csvDir], cliIo)).toBe(0);
    expect(out.stdout).toContain('市长质量奖（2）');
    const back = readXlsx(new Uint8Array(readFileSync(xlsx)));
    if (!back.ok) throw new Error(back.error);
    expect(back.value.map((s) => s.name)).toEqual(['综合评审汇总', '评分明细']);
    const details = sheetValues(back.value[1]!);
    // 5 applicants × 23 items × (6 members + the consensus)
    expect(details).toHaveLength(1 + 5 * 23 * 7);
    const roles = details.slice(1, 8).map((r) => r[5]);
    expect(roles.filter((r) => r === '组长')).toHaveLength(1);
    expect(roles[6]).toBe('共识');
    expect(details.slice(1).every((r) => typeof r[6] === 'number')).toBe(true);
    const csv = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(join(csvDir, '2026年度郑州市市长质量奖-综合评审汇总.csv'))));
    expect(csv.ok && csv.value.map((r) => r[0])).toEqual(['申报单位', '郑州速达物流有限公司', '郑州恒信精密制造有限公司', '郑州宇达机械有限公司', '河南中原食品股份有限公司', '郑州云启软件有限公司']);
  });

  it('refuses a panel return with a countersignature that does not sign its report', async () => {
    const forgedDir = join(dir, 'forged');
    const a = scenario[0]!;
    const pool = poolFrom(await enrolExperts(forgedDir, devices), {});
    const memberIds = pool.slice(0, 5).map((e) => e.id);
    const panel = checkPanel({ applicantId: a.profile.id, memberIds, leaderId: memberIds[0]! }, { rules: cycle.rules, pool, applicant: { name: a.profile.name }, reviewDate: '2026-06-10' });
    if (!panel.ok) throw new Error('panel refused');
    await runPanels(forgedDir, cycle, devices, [{ applicant: a, panel: panel.value }], cycle.rules, { forgeCountersignatureInPanel: 0 });
    const { out, io: cliIo } = io();
    expect(await runCli(['rank', forgedDir, '--json'], cliIo)).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/panel-return-1\.zqa: refused: .*countersignature is not a valid signature over this report PDF/);
  }, 60_000);

  it('ranks the latest revision of a panel return, and refuses two returns of the same revision', async () => {
    const revisedDir = join(dir, 'revised');
    const a = scenario[1]!;
    const pool = poolFrom(await enrolExperts(revisedDir, devices), {});
    const memberIds = pool.slice(3, 8).map((e) => e.id);
    const panel = checkPanel({ applicantId: a.profile.id, memberIds, leaderId: memberIds[0]! }, { rules: cycle.rules, pool, applicant: { name: a.profile.name }, reviewDate: '2026-06-10' });
    if (!panel.ok) throw new Error('panel refused');
    await runPanels(revisedDir, cycle, devices, [{ applicant: a, panel: panel.value }], cycle.rules, { reviseConsensus: { panel: 0, consensus: all(60), revision: 2 } });
    const first = io();
    expect(await runCli(['rank', revisedDir, '--json'], first.io)).toBe(0);
    expect((JSON.parse(first.out.stdout) as RankJson).award.map((e) => e.totalHundredths)).toEqual([60000]);
    // The same package listed twice is one return.
    const indexFile = join(revisedDir, 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { packages: unknown[] };
    writeFileSync(indexFile, JSON.stringify({ ...index, packages: [...index.packages, ...index.packages] }));
    const twice = io();
    expect(await runCli(['rank', revisedDir, '--json'], twice.io)).toBe(0);
    expect(JSON.parse(twice.out.stdout)).toEqual(JSON.parse(first.out.stdout));

    const sameDir = join(dir, 'same-revision');
    await runPanels(sameDir, cycle, devices, [{ applicant: a, panel: panel.value }], cycle.rules, { reviseConsensus: { panel: 0, consensus: all(60), revision: 1 } });
    await enrolExperts(sameDir, devices);
    const second = io();
    expect(await runCli(['rank', sameDir, '--json'], second.io)).toBe(1);
    expect(second.out.stderr).toContain('are both revision 1');
  }, 60_000);

  it('refuses a tampered panel return, naming the file, and prints nothing', async () => {
    const file = join(dir, 'packages', 'panel-return-2.zqa');
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    writeFileSync(file, flipped);
    try {
      const { out, io: cliIo } = io();
      expect(await runCli(['rank', dir, '--json'], cliIo)).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain('panel-return-2.zqa');
    } finally {
      writeFileSync(file, bytes);
    }
  });
});
