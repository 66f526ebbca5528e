import { describe, expect, it } from 'vitest';
import { SCORING_BANDS, stepsOf } from '../../shared/criteria/bands.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { openItem, screenshot, signNoConflict } from './support/app.js';
import { leaderDeviceWithAssignment } from './support/field-device.js';
import { fieldSession } from './support/field-session.js';

/**
 * Controls that know the state, clicked and typed as an expert does: export says why it
 * waits for the declaration; a band without its step is hinted, a digit that picks nothing
 * is answered, J asks before leaving an item half-scored; categories not yet scored say so.
 */
const session = fieldSession(5323);

describe('controls that know the state', () => {
  it('export waits for the declaration; a pending band is hinted, a wrong step digit answered, J asks first; unscored categories read 未评分', { timeout: 180_000 }, async () => {
    const work = await session.folder('state-files');
    const { page } = await session.profile('state');
    await leaderDeviceWithAssignment(page, work);

    // Before the declaration: export is off, and says why in Chinese.
    await page.getByTestId('declaration-gate').waitFor();
    const exportButton = page.getByTestId('export-scoresheet');
    await expect.poll(() => page.getByTestId('export-blocked').textContent()).toBe('请先签署评审声明，再导出评分表。');
    expect(await exportButton.isDisabled()).toBe(true);
    await screenshot(page, 'field-state-01-export-waits');
    await signNoConflict(page);
    await expect.poll(() => exportButton.isEnabled()).toBe(true);
    expect(await page.getByTestId('export-blocked').count()).toBe(0);

    // Band 6 has three steps: "4" picks nothing and says so; the band stays chosen and hinted.
    const [first, second] = itemsOf(GBT19580_2012);
    await page.getByTestId(`item-row-${first!.id}`).click();
    await openItem(page, first!.id);
    await page.keyboard.press('6');
    await expect.poll(() => page.getByTestId('step-hint').textContent()).toContain('已选第 6 档');
    await page.keyboard.press('4');
    const steps = stepsOf(SCORING_BANDS[first!.kind][5]!).length;
    await expect.poll(() => page.getByTestId('digit-hint').textContent()).toBe(`第 6 档只有 ${steps} 个得分率：按 1–${steps} 选择，Esc 取消`);
    expect(await page.getByTestId('current-score').textContent()).toBe('尚未评分');
    await screenshot(page, 'field-state-02-wrong-step');

    // J with the band pending asks; staying keeps the item and the band.
    await page.keyboard.press('j');
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('离开后本条款仍为“未评分”');
    await screenshot(page, 'field-state-03-leave-asks');
    await dialog.getByRole('button', { name: '留下选择得分率' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('item-page').getAttribute('data-item-id')).toBe(first!.id);
    expect(await page.getByTestId('step-hint').textContent()).toContain('已选第 6 档');
    // A digit for a band that does not exist is answered too.
    await page.keyboard.press('Escape');
    await page.keyboard.press('8');
    await expect.poll(() => page.getByTestId('digit-hint').textContent()).toBe(`没有第 8 档：按 1–${SCORING_BANDS[first!.kind].length} 选择档位`);
    // Scored as a person does, then J leaves without asking.
    await page.keyboard.press('4');
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('current-score').textContent()).toContain('55%');
    await page.keyboard.press('j');
    await openItem(page, second!.id);
    // Leaving half-scored, answered "leave": the item stays unscored.
    await page.keyboard.press('3');
    await page.keyboard.press('j');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '离开' }).click();
    await openItem(page, itemsOf(GBT19580_2012)[2]!.id);

    // The summary: the first category has a rate, every category with nothing scored reads 未评分.
    await page.getByTestId('nav-summary').click();
    const categories = GBT19580_2012.categories;
    await expect.poll(() => page.getByTestId(`rate-${categories[0]!.id}`).textContent()).toMatch(/^\d+\.\d%$/);
    for (const c of categories.slice(1)) expect(await page.getByTestId(`rate-${c.id}`).textContent()).toBe('未评分');
    expect(await page.getByTestId('category-chart').textContent()).toContain('未评分');
    expect(await page.getByTestId('category-chart').textContent()).not.toContain('0.0%');
    await screenshot(page, 'field-state-04-summary');
  });
});
