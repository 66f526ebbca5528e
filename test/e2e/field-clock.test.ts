import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoWork } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { screenshot, signNoConflict } from './support/app.js';
import { leaderDeviceWithAssignment } from './support/field-device.js';
import { fieldSession, pickOption } from './support/field-session.js';
import { openFileWith, openWorkspace, writeTemp } from './support/leader-panel.js';
import { makeExpert, makePanelReturn, type Expert } from './support/secretariat-returns.js';
import { createCycle } from './support/secretariat-ui.js';
import { checkScreen, forEachVariant } from './support/screen-matrix.js';

/**
 * One clock: this process runs in UTC, the browser in Asia/Shanghai (openProfile's
 * timezoneId), as a Zhengzhou laptop does. Every time a screen shows must be Beijing time, in
 * one format: the minute the test did the thing, as the device's clock reads it.
 */
const session = fieldSession(5321);

beforeAll(() => {
  // The point of the test: the process's clock and the device's differ by eight hours.
  if (new Date().getTimezoneOffset() !== 0) throw new Error('run this test with the process in UTC (TZ=UTC)');
});

const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const utc = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Every minute from `from` to now, as a Beijing and as a UTC clock would show it. */
function minutesSince(from: number): { beijing: string[]; utc: string[] } {
  const out = { beijing: [] as string[], utc: [] as string[] };
  for (let t = Math.floor(from / 60_000) * 60_000; t <= Date.now(); t += 60_000) {
    out.beijing.push(beijing.format(t));
    out.utc.push(utc.format(t));
  }
  return out;
}

/** The text shows the moment in Beijing time and never in UTC. */
async function expectBeijingTime(text: () => Promise<string | null>, from: number): Promise<void> {
  await expect
    .poll(async () => {
      const shown = (await text()) ?? '';
      return minutesSince(from).beijing.some((m) => shown.includes(m));
    }, { timeout: 10_000 })
    .toBe(true);
  const shown = (await text()) ?? '';
  for (const m of minutesSince(from).utc) expect(shown).not.toContain(m);
}

async function profile(label: string): Promise<Page> {
  return (await session.profile(label)).page;
}

/** The secretariat's device after the first test: a cycle with a panel, an issued assignment and a return. */
let secretariatPage: Page | undefined;
/** The leader's device after the second: an assignment, the declaration signed, a note, a member's scoresheet. */
let leaderPage: Page | undefined;

describe('one clock in Chromium (process in UTC, browser in Asia/Shanghai)', () => {
  it('the secretariat sees Beijing time on fingerprint confirmed, assignment issued, return received and stage history', { timeout: 180_000 }, async () => {
    const page = await profile('clock-secretariat');
    secretariatPage = page;
    const files = await session.folder('clock-secretariat-files');
    await openWorkspace(page, 'identity');
    await page.getByTestId('profile-name').fill('张敏');
    await page.getByTestId('profile-organisation').fill('郑州市市长质量奖评审委员会秘书处');
    await page.getByText('秘书处', { exact: true }).click();
    await page.getByTestId('profile-save').click();
    await openWorkspace(page, 'secretariat');
    await createCycle(page, { ordinal: '3', year: '2026', name: '2026年度郑州市市长质量奖', preset: { id: 'draft-2021', label: '2021年修订征求意见稿' }, nominationMinimum: '0', callDate: '2026-03-01', reviewDate: '2026-06-01' });

    await page.getByTestId('tab-applicants').click();
    for (const [k, v] of Object.entries({ id: 'a1', name: '郑州宇通精密机械有限公司', creditCode: '91410100MA44XNTK54', industry: '装备制造', address: '郑州市经开区第九大街', contactName: '王经理', contactPhone: '0371-66668888' })) {
      await page.getByTestId(`applicant-${k}`).fill(v);
    }
    await page.getByTestId('applicant-submit').click();
    await page.getByTestId('applicant-detail').waitFor();
    for (const item of itemsOf(GBT19580_2012)) await page.getByTestId(`mr-${item.id}`).fill('55');
    await page.getByTestId('mr-save').click();
    await expect.poll(() => page.getByTestId('material-review').textContent()).toContain('550.00');

    const names = ['李建国', '王丽华', '张志强', '刘秀英', '陈明'];
    const experts: Expert[] = [];
    await page.getByTestId('tab-experts').click();
    for (const [i, name] of names.entries()) {
      const e = await makeExpert({ name, organisation: `单位${i + 1}`, role: 'expert' });
      experts.push(e);
      const file = await writeTemp(files, `card-${i}.zqa`, e.cardPackage);
      await openFileWith(page, () => page.getByTestId('import-card').click(), file);
      await page.getByTestId(`confirm-${name}`).waitFor();
    }
    const confirmedFrom = Date.now();
    for (const name of names) {
      await page.getByTestId(`confirm-${name}`).click();
      await expect.poll(() => page.getByTestId(`confirm-${name}`).isChecked()).toBe(true);
    }
    await expectBeijingTime(() => page.getByTestId('experts-table').textContent(), confirmedFrom);
    await screenshot(page, 'field-clock-01-experts');

    await page.getByTestId('tab-panels').click();
    await page.getByTestId('panel-edit-a1').click();
    for (const name of names) await page.getByTestId(`member-${name}`).check();
    await page.getByTestId('leader-李建国').check();
    await page.getByTestId('panel-save').click();
    await expect.poll(() => page.getByTestId('panels-table').textContent()).toContain('李建国（组长）');
    const issuedFrom = Date.now();
    const download = page.waitForEvent('download');
    await page.getByTestId('issue-a1').click();
    void download.catch(() => screenshot(page, 'field-clock-02-not-issued'));
    const assignmentFile = join(files, 'assignment.zqa');
    await (await download).saveAs(assignmentFile);
    await expectBeijingTime(() => page.getByTestId('panels-table').textContent(), issuedFrom);
    await screenshot(page, 'field-clock-02-issued');

    const returnFile = join(files, 'panel-return.zqa');
    await writeFile(returnFile, await makePanelReturn(new Uint8Array(await readFile(assignmentFile)), experts));
    await page.getByTestId('tab-returns').click();
    const receivedFrom = Date.now();
    await openFileWith(page, () => page.getByTestId('import-return').click(), returnFile);
    await expect.poll(() => page.getByTestId('returns-table').textContent()).toContain('均已核验');
    await expectBeijingTime(() => page.getByTestId('returns-table').textContent(), receivedFrom);
    await screenshot(page, 'field-clock-03-returns');

    await page.getByTestId('tab-applicants').click();
    await page.getByTestId('stage-a1').click();
    await page.getByTestId('applicant-detail').waitFor();
    const movedFrom = Date.now();
    await pickOption(page, 'stage-target', '已撤销/退出');
    await page.getByTestId('stage-reason').fill('申报单位书面申请退出');
    await page.getByTestId('stage-move').click();
    await expect.poll(() => page.getByTestId('stage-history').textContent()).toContain('申报单位书面申请退出');
    await expectBeijingTime(() => page.getByTestId('stage-history').textContent(), movedFrom);
    await screenshot(page, 'field-clock-04-stage-history');
  });

  it('the expert and the leader see Beijing time on received packages, notes and received scoresheets', { timeout: 180_000 }, async () => {
    const work = await session.folder('clock-files');
    const now = new Date();
    const page = await profile('clock-leader');
    leaderPage = page;
    // The expert's side: the assignment arrives, the received-packages list says when.
    const importedFrom = Date.now();
    const { issued, others } = await leaderDeviceWithAssignment(page, work, now);
    await signNoConflict(page);
    await openWorkspace(page, 'identity');
    await expectBeijingTime(() => page.getByTestId('received-packages').textContent(), importedFrom);

    // A note on an item says when it was written.
    await openWorkspace(page, 'review');
    const first = itemsOf(GBT19580_2012)[0]!.id;
    await page.getByTestId(`item-row-${first}`).click();
    const notedFrom = Date.now();
    await page.getByTestId('note-input-strength').fill('高层领导定期评审战略目标的完成情况');
    await page.getByTestId('note-add-strength').click();
    await expectBeijingTime(() => page.getByTestId('notes-strength').textContent(), notedFrom);
    await screenshot(page, 'field-clock-05-expert-note');

    // The leader's side: a member's scoresheet arrives; the leader's list says when.
    const onSite = await demoWork({ random: seededRandom(21), assignment: issued.content, expert: others[0]!.card, startedAt: now });
    const exported = await exportScoresheetBytes({ work: onSite, assignment: issued.content, previous: null }, { keys: others[0]!.keys, clock: { now: () => new Date() }, myKeyId: others[0]!.card.keyId });
    if (!exported.ok) throw new Error(exported.error.en);
    const sheetFile = await writeTemp(work, 'scoresheet.zqa', exported.value.written.bytes);
    await page.getByTestId('nav-overview').click();
    const sheetFrom = Date.now();
    await openFileWith(page, () => page.getByTestId('import-scoresheets').click(), sheetFile);
    await page.getByTestId('import-outcome').filter({ hasText: '王丽华' }).first().waitFor();
    await page.getByTestId('received-scoresheets-open').click();
    await expectBeijingTime(() => page.getByTestId('received-scoresheets').textContent(), sheetFrom);
    await screenshot(page, 'field-clock-06-leader-received');
  });

  it('the secretariat’s screens fit a 1366 × 768 laptop (wide tables scroll in their card); its own device is the anchor', { timeout: 120_000 }, async () => {
    const page = secretariatPage;
    if (!page) throw new Error('the first test sets up the secretariat');
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    for (const tab of ['rules', 'applicants', 'experts', 'panels', 'returns', 'overview', 'notice']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForTimeout(300);
      expect(await pageWidth(), tab).toBeLessThanOrEqual(1366);
      await screenshot(page, `field-secretariat-${tab}`);
    }
    // The overview lists candidates only (on-site review onwards); this cycle's applicant was
    // withdrawn above, so the fixed applicant column is seen in secretariat-cycle's screenshots,
    // and here the page-width check above covers the overview's twenty columns.
    // The secretariat's own computer does not warn that it lacks the secretariat's card.
    await openWorkspace(page, 'identity');
    await page.getByTestId('anchor-self').waitFor();
    expect(await page.getByTestId('anchor-none').count()).toBe(0);
    await screenshot(page, 'field-secretariat-identity');
  });

  it('every role’s main screens fit 1366 × 768 in Chinese and English, at the default and a large font, with no catalogue key shown', { timeout: 300_000 }, async () => {
    const secretariat = secretariatPage;
    const leader = leaderPage;
    if (!secretariat || !leader) throw new Error('the first two tests set up the devices');
    await openWorkspace(secretariat, 'secretariat');
    await forEachVariant(secretariat, async (v) => {
      for (const tab of ['rules', 'applicants', 'experts', 'panels', 'returns', 'overview', 'notice']) {
        await secretariat.getByTestId(`tab-${tab}`).click();
        await checkScreen(secretariat, v, `secretariat-${tab}`);
      }
      await openWorkspace(secretariat, 'identity');
      await checkScreen(secretariat, v, 'secretariat-identity');
      await openWorkspace(secretariat, 'backup');
      await checkScreen(secretariat, v, 'secretariat-backup');
      await openWorkspace(secretariat, 'secretariat');
    });
    // The second test left the received-scoresheets drawer open: closed as a person does.
    await leader.keyboard.press('Escape');
    await expect.poll(() => leader.locator('.ant-drawer-open').count()).toBe(0);
    await forEachVariant(leader, async (v) => {
      await openWorkspace(leader, 'review');
      await leader.getByTestId('nav-overview').click();
      await checkScreen(leader, v, 'expert-review');
      await leader.getByTestId(`item-row-${itemsOf(GBT19580_2012)[0]!.id}`).click();
      await checkScreen(leader, v, 'expert-item');
      for (const key of ['leader', 'countersign', 'identity', 'backup']) {
        await openWorkspace(leader, key);
        await checkScreen(leader, v, `member-${key}`);
      }
    });
  });
});
