import { testPort } from './support/ports.js';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../renderer/serve.mjs';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { readXlsx, sheetValues } from '../readers/xlsx-read.js';
import { addDays, chinaDateOf } from '../../shared/public-notice/china-date.js';
import { addYears } from '../../shared/util/iso-date.js';
import { screenshot } from './support/app.js';
import { freshProfileDir, openProfile, type Profile } from './support/chromium.js';
import { makePanelReturn } from './support/secretariat-returns.js';
import { addApplicant, becomeSecretariat, choose, createCycle, formPanelAndIssue, importExperts, makeEligible, moveStage, openFile, recordMaterialReview } from './support/secretariat-ui.js';

/**
 * A cycle on the rules adopted in 2022, through the secretariat's screens in Chromium: an
 * industry criteria set imported and chosen; two applicants reviewed on site, one withdrawing
 * afterwards (listed apart, never ranked); the other takes the reserved 专精特新 place; the
 * committee decides with its vote; the public notice blocks the decision while it runs and
 * while a complaint is open, then allows it; the spreadsheet reads back with the decision
 * and the vote.
 */
const PORT = testPort(5295);
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

/** A sector variant (Art. 16): results weighted for services, same 1000-point frame. */
const SERVICE_SET: CriteriaSet = (() => {
  const set = structuredClone(GBT19580_2012);
  set.id = 'zz-service-2024';
  set.name = '郑州市市长质量奖服务业评审标准';
  set.nameEn = 'Zhengzhou criteria for services';
  set.version = '2024版';
  const results = set.categories.find((c) => c.id === '4.7')!;
  results.items.find((i) => i.id === '4.7.2')!.points = 60;
  results.items.find((i) => i.id === '4.7.3')!.points = 100;
  return set;
})();

const SPECIALISED = { id: 'a1', name: '郑州专精传感技术有限公司', creditCode: '91410100MA44XNTK54', industry: '电子信息', category: '专精特新' };
const LEAVING = { id: 'a2', name: '郑州中原纺织股份有限公司', creditCode: '91350100M000100Y43', industry: '纺织' };
const EXPERTS = ['李建国', '王丽华', '张志强', '刘秀英', '陈明'];

describe('a cycle on the 2022 rules in Chromium', () => {
  it('withdrawal after the on-site review, a reserved place, a vote, a notice that holds the decision until the complaint is resolved, the export', { timeout: 400_000 }, async () => {
    const dir = await freshProfileDir('secretariat-2022');
    dirs.push(dir);
    profile = await openProfile(dir, server.url, { width: 1440, height: 1000 });
    const { page } = profile;
    await becomeSecretariat(page);

    await createCycle(page, { ordinal: '9', year: '2026', name: '第九届郑州市市长质量奖', preset: { id: 'adopted-2022', label: '2022年施行办法' }, nominationMinimum: '0', callDate: '2026-03-01', reviewDate: '2026-06-01' });
    const rules = page.getByTestId('cycle-rules');
    expect(await rules.textContent()).toContain('郑政〔2022〕26号');
    expect(await page.getByTestId('rule-awardQuota').inputValue()).toBe('8');
    expect(await page.getByTestId('rule-eligibility.operatingYears').inputValue()).toBe('5');
    expect(await page.getByTestId('reservations').locator('input').first().inputValue()).toBe('专精特新');

    // An industry criteria set, refused while broken, then imported and chosen for the cycle.
    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify({ ...SERVICE_SET, categories: SERVICE_SET.categories.slice(1) }));
    await openFile(page, () => page.getByTestId('criteria-import').click(), broken);
    await expect.poll(() => page.getByTestId('criteria-problems').textContent()).toContain('1000');
    const setFile = join(dir, 'service.json');
    await writeFile(setFile, JSON.stringify(SERVICE_SET));
    await openFile(page, () => page.getByTestId('criteria-import').click(), setFile);
    await expect.poll(() => page.getByTestId('criteria-sets').textContent()).toContain('郑州市市长质量奖服务业评审标准（2024版）');
    await choose(page, 'rule-criteria', '服务业评审标准');
    await expect.poll(() => page.getByTestId('rule-criteria').textContent()).toContain('2024版');
    await screenshot(page, 'regulation-01-rules-2022');

    // Two applicants: years computed from dates (5 under the 2022 rules, 3 for 专精特新).
    for (const a of [SPECIALISED, LEAVING]) {
      await addApplicant(page, a);
      await makeEligible(page, 'adopted-2022', { foundedOn: a === SPECIALISED ? '2022-06-01' : '2010-06-01', excellenceModelSince: '2023-01-01' });
      expect(await page.getByTestId('eligibility').textContent()).toContain(a === SPECIALISED ? '（须满3年）' : '（须满5年）');
      await recordMaterialReview(page, '60');
    }
    await screenshot(page, 'regulation-02-applicant');

    const experts = await importExperts(page, dir, EXPERTS, ['郑州大学', '河南省质量协会', '郑州市标准化研究院', '河南工业大学', '中原质量研究院']);
    const assignment1 = join(dir, 'assignment-a1.zqa');
    const assignment2 = join(dir, 'assignment-a2.zqa');
    await formPanelAndIssue(page, 'a1', EXPERTS, assignment1);
    await formPanelAndIssue(page, 'a2', [...EXPERTS.slice(1), EXPERTS[0]!], assignment2);

    // Both panels return, signed with the members' own keys under the assignment's rules and set.
    await page.getByTestId('tab-returns').click();
    for (const [n, file] of [assignment1, assignment2].entries()) {
      const panel = n === 0 ? experts : [...experts.slice(1), experts[0]!];
      const returnFile = join(dir, `return-${n + 1}.zqa`);
      await writeFile(returnFile, await makePanelReturn(new Uint8Array(await readFile(file)), panel, { seed: n + 3 }));
      await openFile(page, () => page.getByTestId('import-return').click(), returnFile);
      await expect.poll(() => page.getByTestId('returns-table').locator('tbody tr.ant-table-row').count(), { timeout: 60_000 }).toBe(n + 1);
    }

    // The second withdraws after its on-site review: listed apart with the reason, never ranked.
    await page.getByTestId('tab-applicants').click();
    await page.getByText(LEAVING.name, { exact: true }).click();
    await expect.poll(() => page.getByTestId('applicant-detail').textContent()).toContain('材料评审 → 现场评审');
    await moveStage(page, '已撤销/退出', '现场评审后申报单位主动撤回申请');
    await expect.poll(() => page.getByTestId(`stage-${LEAVING.id}`).textContent()).toBe('已撤销/退出');

    await page.getByTestId('tab-overview').click();
    await expect.poll(() => page.getByTestId('not-candidates').textContent()).toContain('现场评审后申报单位主动撤回申请');
    expect(await page.getByTestId('proposal-award').textContent()).toContain(SPECIALISED.name);
    expect(await page.getByTestId('proposal-award').textContent()).not.toContain(LEAVING.name);
    expect(await page.getByTestId('overview-table').textContent()).not.toContain(LEAVING.name);
    // The overview's columns are the cycle's criteria set: 4.7 is still 400, its items are not.
    expect(await page.getByTestId('overview-table').textContent()).toContain('4.7（400）');

    // The committee decides, with its vote.
    await page.getByTestId('decide-a1').click();
    await choose(page, 'decision-outcome', '市长质量奖');
    await page.getByTestId('decision-record').click();
    await expect.poll(() => page.getByTestId('decision-problems').textContent()).toContain('须记录表决结果');
    await page.getByTestId('vote-for').fill('12');
    await page.getByTestId('vote-against').fill('1');
    await page.getByTestId('vote-abstaining').fill('2');
    await page.getByTestId('decision-record').click();
    await expect.poll(() => page.getByTestId('decide-a1').textContent()).toBe('市长质量奖 12/1/2');
    await screenshot(page, 'regulation-03-overview');

    // Public notice while it runs: the candidate goes in, and cannot be decided yet.
    const today = chinaDateOf(Date.now());
    await page.getByTestId('tab-notice').click();
    await page.getByTestId('notice-start').fill(addDays(today, -2));
    await page.getByTestId('notice-end').fill(addDays(today, 4));
    await expect.poll(() => page.getByTestId('standing-a1').textContent()).toBe('公示中');
    await page.getByTestId('advance-a1').click();
    await expect.poll(() => page.getByTestId('notice-stage-a1').textContent()).toBe('候选单位');
    await page.getByTestId('advance-a1').click();
    await expect.poll(() => page.getByTestId('notice-stage-a1').textContent()).toBe('公示中');
    await page.getByTestId('advance-a1').click();
    await expect.poll(() => page.getByTestId('notice-problems').textContent()).toContain(`公示期至${addDays(today, 4)}止，尚未期满`);

    // The period has ended, but a complaint made during it is open: still no decision.
    await page.getByTestId('notice-start').fill(addDays(today, -9));
    await page.getByTestId('notice-end').fill(addDays(today, -3));
    await expect.poll(() => page.getByTestId('standing-a1').textContent()).toBe('公示期满无异议');
    await choose(page, 'complaint-applicant', SPECIALISED.name);
    for (const [k, v] of Object.entries({ name: '赵某', phone: '13800000000', address: '郑州市金水区', identityProof: '身份证复印件', summary: '产品抽查不合格', evidence: '抽查通报复印件' })) {
      await page.getByTestId(`complaint-${k}`).fill(v);
    }
    await page.getByTestId('complaint-received').fill(addDays(today, -5));
    await page.getByTestId('complaint-signed').check();
    await page.getByTestId('complaint-record').click();
    await expect.poll(() => page.getByTestId('standing-a1').textContent()).toBe('举报核查中');
    await page.getByTestId('advance-a1').click();
    await expect.poll(() => page.getByTestId('notice-problems').textContent()).toContain('有举报尚在核查');
    expect(await page.getByTestId('notice-stage-a1').textContent()).toBe('公示中');
    await screenshot(page, 'regulation-04-notice-blocked');

    // Resolved as unfounded: the notice ended without objection, and the decision is made.
    await page.getByTestId('complaint-finding-0').fill('经核查，抽查不合格批次系他厂产品，举报不实');
    await choose(page, 'complaint-status-0', '不属实');
    await expect.poll(() => page.getByTestId('standing-a1').textContent()).toBe('公示期满无异议');
    await page.getByTestId('advance-a1').click();
    await expect.poll(() => page.getByTestId('notice-stage-a1').textContent()).toBe('已确定');
    await screenshot(page, 'regulation-05-decided');

    // The award on the applicant's record: validity from the decision, prize money.
    await page.getByTestId('tab-applicants').click();
    await page.getByText(SPECIALISED.name, { exact: true }).click();
    const award = page.getByTestId('cycle-award');
    await expect.poll(() => award.textContent()).toContain(`有效期至${addYears(today, 4, -1)}`);
    expect(await award.textContent()).toContain('1,000,000 元');

    // The spreadsheet reads back with the decision and the vote; the withdrawn applicant apart.
    await page.getByTestId('tab-overview').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const xlsxFile = join(dir, 'overview.xlsx');
    await (await download).saveAs(xlsxFile);
    const book = readXlsx(new Uint8Array(await readFile(xlsxFile)));
    if (!book.ok) throw new Error(book.error);
    const rows = sheetValues(book.value[0]!);
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const row = (name: string) => rows.find((r) => r[0] === name)!;
    expect(header).toContain('4.7 结果（400分）');
    expect([col('评委会决定'), col('赞成'), col('反对'), col('弃权'), col('奖金（元）')].every((c) => c > 0)).toBe(true);
    const decided = row(SPECIALISED.name);
    expect([decided[col('评委会决定')], decided[col('赞成')], decided[col('反对')], decided[col('弃权')], decided[col('奖金（元）')]]).toEqual(['市长质量奖', 12, 1, 2, 1000000]);
    expect(row(LEAVING.name)[col('建议结果')]).toBe('非候选单位（已撤销/退出：现场评审后申报单位主动撤回申请）');
    expect(profile.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
