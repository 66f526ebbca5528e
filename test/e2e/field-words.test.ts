import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWork } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { openItem, screenshot, signNoConflict } from './support/app.js';
import { leaderDeviceWithAssignment } from './support/field-device.js';
import { fieldSession, pickOption } from './support/field-session.js';
import { openFileWith, openLeaderTab, openWorkspace, writeTemp } from './support/leader-panel.js';

/**
 * Chinese that says what to do, and English set as English: a refused file says what is wrong
 * and where it goes, with no English, ids or tool names; the leader's unfinished consensus
 * says what is left and where; English screens use Latin punctuation in a Latin font.
 */
const session = fieldSession(5324);

/** The last message the import put on screen. */
const outcome = (page: Page) => page.getByTestId('import-outcome').last().textContent();

/** Full-width punctuation touching Latin text: what a Chinese template leaves in English. */
const MIXED = /[A-Za-z0-9][：（）]|[（][A-Za-z0-9]|[：][A-Za-z]/;

describe('words in Chromium', () => {
  it('a refused file, the leader’s unfinished consensus, and English screens say what to do in their own language', { timeout: 180_000 }, async () => {
    const work = await session.folder('words-files');
    const { page } = await session.profile('words');
    const { issued, others } = await leaderDeviceWithAssignment(page, work);
    await signNoConflict(page);

    // A member's scoresheet offered to 导入评审任务 on the leader's laptop: taken where it belongs, and said so.
    const onSite = await demoWork({ random: seededRandom(3), assignment: issued.content, expert: others[0]!.card, startedAt: new Date() });
    const exported = await exportScoresheetBytes({ work: onSite, assignment: issued.content, previous: null }, { keys: others[0]!.keys, clock: { now: () => new Date() }, myKeyId: others[0]!.card.keyId });
    if (!exported.ok) throw new Error(exported.error.en);
    const sheet = await writeTemp(work, 'scoresheet.zqa', exported.value.written.bytes);
    await openFileWith(page, () => page.getByTestId('import-assignment').click(), sheet);
    await expect.poll(() => outcome(page)).toContain('已收到 王丽华 的评分表（第 1 版）（已转入“评审组长”）');
    expect(await outcome(page)).not.toMatch(/[A-Za-z]{3,}/);
    await screenshot(page, 'field-words-01-wrong-place');

    // A file cut short on the stick: what happened and what to do, no English detail.
    const cut = await writeTemp(work, 'cut.zqa', exported.value.written.bytes.slice(0, 2000));
    await openFileWith(page, () => page.getByTestId('import-scoresheets').click(), cut);
    await expect.poll(() => outcome(page)).toContain('请从原始位置重新拷贝该文件');
    expect(await outcome(page)).not.toMatch(/[A-Za-z]{3,}/);

    // The leader's overall tab before any consensus: what is left, and where (王丽华's sheet came in above).
    await openWorkspace(page, 'leader');
    await page.getByTestId('leader-independence').waitFor();
    // The leader's own sheet first (independence), exported as a person does.
    await openWorkspace(page, 'review');
    const items = itemsOf(GBT19580_2012);
    await page.getByTestId(`item-row-${items[0]!.id}`).click();
    await openItem(page, items[0]!.id);
    await page.keyboard.press('4');
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('current-score').textContent()).toContain('55%');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-scoresheet').click();
    await download;
    await openWorkspace(page, 'leader');
    await openLeaderTab(page, 'overall');
    const open_ = page.locator('.ant-alert', { hasText: '尚不能给出推荐意见' });
    await expect.poll(() => open_.textContent()).toContain(`还有 ${items.length} 个条款没有共识得分率`);
    expect(await open_.textContent()).toContain('请在“逐条共识”页逐条确定');
    expect(await open_.textContent()).toContain('第十四条否决项第 1、2、3、4、5、6、7 项尚未判定');
    expect(await open_.textContent()).not.toMatch(/no consensus|not yet decided/);
    await screenshot(page, 'field-words-02-leader-left');

    // English: Latin font first, Latin punctuation beside Latin text.
    await pickOption(page, 'language-select', 'English');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Segoe UI"/);
    await expect.poll(() => page.locator('.ant-alert').first().textContent()).toMatch(/No recommendation yet: \d+ items have no consensus percentage yet/);
    expect(await page.locator('body').innerText()).not.toMatch(MIXED);
    await screenshot(page, 'field-words-03-leader-en');
    await openWorkspace(page, 'review');
    // The review reopens where the expert left it: the first item's page.
    await openItem(page, items[0]!.id);
    expect(await page.locator('body').innerText()).not.toMatch(MIXED);
    await screenshot(page, 'field-words-04-item-en');
  });
});
