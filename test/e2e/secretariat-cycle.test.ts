import { testPort } from './support/ports.js';
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../renderer/serve.mjs';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { parseCsv } from '../readers/csv-read.js';
import { readXlsx } from '../readers/xlsx-read.js';
import { screenshot } from './support/app.js';
import { confirmDialog } from './support/confirm-dialog.js';
import { freshProfileDir, openProfile, type Profile } from './support/chromium.js';
import { makePanelReturn, openAssignment } from './support/secretariat-returns.js';
import { becomeSecretariat, choose, createCycle, importExperts, makeEligible, moveStage, openFile, recordMaterialReview } from './support/secretariat-ui.js';

// Its own port: an origin of its own, so it never meets another test's profile or server.
const PORT = testPort(5294);
const APPLICANT = '郑州宇通精密机械有限公司';
const CREDIT = '91410100MA44XNTK54';
let server: RunningServer;
let profile: Profile | undefined;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startServer({ port: PORT });
});
afterAll(async () => {
  await profile?.context.close();
  await server?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('the secretariat in Chromium', () => {
  it('sets up a cycle, forms a panel (a recusal refused), issues the assignment, imports the panel return, and exports the overview', { timeout: 300_000 }, async () => {
    const dir = await freshProfileDir('secretariat');
    dirs.push(dir);
    profile = await openProfile(dir, server.url, { width: 1440, height: 1000 });
    const { page } = profile;

    await becomeSecretariat(page);

    // A cycle on the 2021 draft: refused until the nomination minimum is stated; a rule that breaks the others is refused with the reason.
    await createCycle(page, { ordinal: '3', year: '2026', name: '2026年度郑州市市长质量奖', preset: { id: 'draft-2021', label: '2021年修订征求意见稿' }, nominationMinimum: '0', callDate: '2026-03-01', reviewDate: '2026-06-01' });
    expect(await page.getByTestId('rules-preset').textContent()).toContain('2021年10月26日');
    await page.getByTestId('rule-panelSizeMin').fill('9');
    await expect.poll(() => page.getByTestId('rule-problems').textContent()).toContain('评审组最少人数（9）大于最多人数（7）');
    await page.getByTestId('rule-panelSizeMin').fill('5');
    await page.getByTestId('rule-problems').waitFor({ state: 'detached' });
    await screenshot(page, 'secretariat-01-rules');

    // An applicant: a mistyped credit code is caught at entry.
    await page.getByTestId('tab-applicants').click();
    const fill = async (values: Record<string, string>) => {
      for (const [k, v] of Object.entries(values)) await page.getByTestId(`applicant-${k}`).fill(v);
    };
    await fill({ id: 'a1', name: APPLICANT, creditCode: `${CREDIT.slice(0, 17)}5`, industry: '装备制造', address: '郑州市经开区第九大街', contactName: '王经理', contactPhone: '0371-66668888' });
    await page.getByTestId('applicant-submit').click();
    await expect.poll(() => page.getByTestId('applicant-problems').textContent()).toContain('校验码错误');
    await page.getByTestId('applicant-creditCode').fill(CREDIT);
    await page.getByTestId('applicant-submit').click();
    await page.getByTestId('applicant-detail').waitFor();
    await page.getByTestId('profile-edit').click();
    await page.getByTestId('profile-edit-address').fill('郑州市经开区第九大街 88 号');
    await page.getByTestId('profile-edit-save').click();
    await expect.poll(() => page.getByTestId('applicant-detail').textContent()).toContain('第九大街 88 号');
    await moveStage(page, '资格审核通过');
    await expect.poll(() => page.getByTestId('stage-problems').textContent()).toContain('尚未核查');
    expect(await page.getByTestId('stage-problems').textContent()).toContain('须登记起始日期');
    await makeEligible(page, 'draft-2021', { foundedOn: '2008-04-01', excellenceModelSince: '2019-01-01' });
    expect(await page.getByTestId('eligibility').textContent()).toContain('自2008-04-01起满17年（须满3年）');
    // Art. 14: one exclusion to verify on site, the rest cleared in one confirmed step.
    await choose(page, 'exclusion-6', '待现场核查');
    await page.getByTestId('bulk-exclusions-clear').click();
    await page.getByTestId('bulk-exclusions-clear-dialog').waitFor();
    expect(await page.getByTestId('bulk-exclusions-clear-listed').count()).toBe(6);
    await screenshot(page, 'secretariat-01b-bulk-exclusions');
    await confirmDialog(page, page.getByTestId('bulk-exclusions-clear-dialog'));
    await expect.poll(() => page.getByTestId('bulk-exclusions-clear').textContent()).toBe('没有未核查的否决项');
    for (const n of [1, 2, 3, 4, 5, 7]) expect(await page.getByTestId(`exclusion-${n}`).textContent()).toBe('无此情形');
    expect(await page.getByTestId('exclusion-6').textContent()).toBe('待现场核查');
    await recordMaterialReview(page, '55');
    await screenshot(page, 'secretariat-02-applicant');

    // The pool: six experts' identity cards, made with real keys; fingerprints confirmed by hand.
    const names = ['李建国', '王丽华', '张志强', '刘秀英', '陈明', '杨伟'];
    const experts = await importExperts(page, dir, names, ['郑州大学', '河南省质量协会', '郑州市标准化研究院', '河南工业大学', '中原质量研究院', '宇通咨询']);
    await page.getByTestId('interests-杨伟').click();
    await page.getByTestId('interest-add').click();
    await page.getByTestId('interest-org-0').fill('郑州宇通精密机械有限责任公司');
    await page.getByTestId('interest-save').click();
    await expect.poll(() => page.getByTestId('experts-table').textContent()).toContain('郑州宇通精密机械有限责任公司');
    await screenshot(page, 'secretariat-03-experts');

    // A panel with the conflicted expert is refused with the reason; without, it is formed.
    await page.getByTestId('tab-panels').click();
    await page.getByTestId('panel-edit-a1').click();
    for (const name of names) await page.getByTestId(`member-${name}`).check();
    await page.getByTestId('leader-李建国').check();
    await page.getByTestId('panel-save').click();
    await expect.poll(() => page.getByTestId('panel-problems').textContent()).toContain('依第十八条应当回避');
    expect(await page.getByTestId('panel-problems').textContent()).toContain('评审员杨伟');
    await screenshot(page, 'secretariat-04-recusal-refused');
    await page.getByTestId('member-杨伟').uncheck();
    await page.getByTestId('panel-save').click();
    await expect.poll(() => page.getByTestId('panels-table').textContent()).toContain('李建国（组长）');
    const download = page.waitForEvent('download');
    await page.getByTestId('issue-a1').click();
    const assignmentFile = join(dir, 'assignment.zqa');
    await (await download).saveAs(assignmentFile);
    const verified = await promisify(execFile)('node', ['cli/zqa.mjs', 'verify', assignmentFile, '--type', 'assignment']);
    expect(verified.stdout).toMatch(/assignment/);
    await expect.poll(() => page.getByTestId('panels-table').textContent()).toContain('已下发第1版');

    // The panel's return, made with the members' own keys through the shared code.
    // One member countersigns with reservations, one could not countersign: both travel to the secretariat.
    const assignmentBytes = new Uint8Array(await readFile(assignmentFile));
    const [dissenter, absentee] = (await openAssignment(assignmentBytes, experts[0]!)).panel.members.filter((m) => m.role !== 'leader');
    const returned = await makePanelReturn(assignmentBytes, experts.slice(0, 5), {
      reservation: { keyId: dissenter!.keyId, reason: '对4.7.4财务结果的共识评分持保留意见' },
      absence: { keyId: absentee!.keyId, reason: '因病未能到场，电话确认' },
    });
    const returnFile = join(dir, 'panel-return.zqa');
    await writeFile(returnFile, returned);
    const tampered = returned.slice();
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 0xff;
    const tamperedFile = join(dir, 'tampered.zqa');
    await writeFile(tamperedFile, tampered);
    await page.getByTestId('tab-returns').click();
    await openFile(page, () => page.getByTestId('import-return').click(), tamperedFile);
    await expect.poll(() => page.getByTestId('return-problems').textContent()).toContain('已拒收');
    expect(await page.getByTestId('returns-table').locator('tbody tr.ant-table-row').count()).toBe(0);
    await openFile(page, () => page.getByTestId('import-return').click(), returnFile);
    await expect.poll(() => page.getByTestId('returns-table').textContent(), { timeout: 30_000 }).toContain('均已核验');
    const signOff = (await page.getByTestId('return-sign-off-a1-1').textContent())!;
    expect(signOff).toContain(`有保留意见：${dissenter!.name}对4.7.4财务结果的共识评分持保留意见`);
    expect(signOff).toContain(`未会签：${absentee!.name}因病未能到场，电话确认`);
    await screenshot(page, 'secretariat-05-returns');
    const pdf = page.waitForEvent('download');
    await page.getByTestId('report-a1').click();
    const pdfBytes = await readFile(await (await pdf).path());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The overview shows it; the export reads back with the shared reader.
    await page.getByTestId('tab-overview').click();
    const total = (await page.getByTestId('total-a1').textContent())!;
    expect(total).toMatch(/^\d+\.\d\d$/);
    expect(await page.getByTestId('sign-off-a1').textContent()).toContain(`有保留意见：${dissenter!.name}`);
    await screenshot(page, 'secretariat-06-overview');
    const xlsx = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const xlsxFile = join(dir, 'overview.xlsx');
    await (await xlsx).saveAs(xlsxFile);
    const book = readXlsx(new Uint8Array(await readFile(xlsxFile)));
    if (!book.ok) throw new Error(book.error);
    expect(book.value.map((s) => s.name)).toEqual(['综合评审汇总', '评分明细']);
    const row = book.value[0]!.rows.find((r) => r[0]?.value === APPLICANT)!;
    expect(String(row[2]!.value)).toBe(String(Number(total)));
    expect(book.value[1]!.rows.length).toBe(1 + itemsOf(GBT19580_2012).length * 6);
    // The same two tables as CSV (UTF-8 with BOM), one file each.
    const csvDownloads: Download[] = [];
    const collect = (d: Download) => csvDownloads.push(d);
    page.on('download', collect);
    await page.getByTestId('export-csv').click();
    await expect.poll(() => csvDownloads.length).toBe(2);
    page.off('download', collect);
    const csv = await Promise.all(csvDownloads.map(async (d) => ({ name: d.suggestedFilename(), text: (await readFile(await d.path())).toString('utf8') })));
    expect(csv.map((c) => c.name)).toEqual(['2026年度郑州市市长质量奖-综合评审汇总.csv', '2026年度郑州市市长质量奖-评分明细.csv']);
    const overviewCsv = parseCsv(csv[0]!.text);
    if (!overviewCsv.ok) throw new Error(overviewCsv.error);
    expect(overviewCsv.value[1]!.slice(0, 3)).toEqual([APPLICANT, '装备制造', total]);
    const signOffColumn = overviewCsv.value[0]!.indexOf('会签意见（有保留意见、未会签）');
    expect(signOffColumn).toBeGreaterThan(0);
    expect(overviewCsv.value[1]![signOffColumn]).toBe(`有保留意见：${dissenter!.name}（对4.7.4财务结果的共识评分持保留意见）\n未会签：${absentee!.name}（因病未能到场，电话确认）`);

    // The committee departs from the proposal only with a reason.
    const proposed = (await page.getByTestId('overview-table').textContent())!;
    const departure = proposed.includes('市长质量奖提名奖') ? '市长质量奖' : '市长质量奖提名奖';
    await page.getByTestId('decide-a1').click();
    await choose(page, 'decision-outcome', departure === '市长质量奖' ? '市长质量奖' : '提名奖');
    await page.getByTestId('vote-for').fill('11');
    await page.getByTestId('vote-against').fill('2');
    await page.getByTestId('decision-record').click();
    await expect.poll(() => page.getByTestId('decision-problems').textContent()).toContain('须注明理由');
    await page.getByTestId('decision-reason').fill('兼顾行业代表性，评委会表决');
    await page.getByTestId('decision-record').click();
    await expect.poll(() => page.getByTestId('decide-a1').textContent()).toContain('11/2/0 *');
    await screenshot(page, 'secretariat-07-decision');

    // Public notice: at least 7 days; a valid complaint proven withdraws the candidate.
    await page.getByTestId('tab-notice').click();
    await page.getByTestId('notice-start').fill('2026-07-01');
    await page.getByTestId('notice-end').fill('2026-07-05');
    await expect.poll(() => page.getByTestId('notice-problems').textContent()).toContain('不少于7天');
    await page.getByTestId('notice-end').fill('2026-07-07');
    await page.getByTestId('notice-problems').waitFor({ state: 'detached' });
    // Today (the machine's) is after the period: ended without objection, until a complaint is registered.
    const today = new Date().toISOString().slice(0, 10);
    await expect.poll(() => page.getByTestId('standing-a1').textContent()).toBe(today > '2026-07-07' ? '公示期满无异议' : '公示未开始');
    await choose(page, 'complaint-applicant', APPLICANT);
    for (const [k, v] of Object.entries({ name: '赵某', phone: '13800000000', address: '郑州市金水区', identityProof: '身份证复印件', summary: '近三年存在亏损', evidence: '财务报表复印件' })) {
      await page.getByTestId(`complaint-${k}`).fill(v);
    }
    await page.getByTestId('complaint-received').fill('2026-07-03');
    await page.getByTestId('complaint-signed').check();
    await page.getByTestId('complaint-record').click();
    await expect.poll(() => page.getByTestId('complaints-table').textContent()).toContain('要件齐全');
    expect(await page.getByTestId('complaints-table').textContent()).not.toContain('公示期外收到');
    await expect.poll(() => page.getByTestId('standing-a1').textContent()).toBe('举报核查中');
    await page.getByTestId('complaint-finding-0').fill('经核查，举报属实');
    await choose(page, 'complaint-status-0', '查实');
    await expect.poll(() => page.getByTestId('standing-a1').textContent()).toBe('举报经查实，取消候选资格');
    await screenshot(page, 'secretariat-08-notice');
    await page.getByTestId('tab-applicants').click();
    await expect.poll(() => page.getByTestId('stage-a1').textContent()).toBe('已撤销/退出');
    expect(profile.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
