import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWork } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { nextHistoryEntry, type HistoryEntry } from '../../shared/history/hash-chain.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { keysFor, openItem, savedCount, screenshot, signNoConflict, waitForSaved } from './support/app.js';
import { dumpDatabase } from './support/dump-database.js';
import { leaderDeviceWithAssignment } from './support/field-device.js';
import { fieldSession, pickOption } from './support/field-session.js';
import { openFileWith, openLeaderTab, openWorkspace, writeTemp } from './support/leader-panel.js';

/**
 * The leader's bulk actions, clicked through: accept the members' common value for every open,
 * non-divergent item in one click (each marked 批量), change one by hand, undo the bulk (only
 * the bulk's own items open again), accept again; then mark the remaining Art. 14 exclusions
 * 未发现 after a dialog that lists exactly those. The edit log on the device carries each bulk.
 */
const session = fieldSession(5347);
const items = itemsOf(GBT19580_2012);
/** The other four members' percentages: 55, 50, 55, 60 everywhere; the fourth gives 4.1.2 90 (divergent). */
const OTHERS = [55, 50, 55, 60];

const row = (page: Page, itemId: string) => page.getByTestId(`consensus-item-${itemId}`);

async function setPercentByHand(page: Page, itemId: string, percent: number): Promise<void> {
  await row(page, itemId).click();
  await expect.poll(() => page.getByTestId('item-consensus').getAttribute('data-item-id')).toBe(itemId);
  const input = page.getByTestId('consensus-percent');
  await input.fill(String(percent));
  await input.press('Enter');
  await expect.poll(() => row(page, itemId).textContent()).toContain(`${percent}%`);
}

describe('bulk actions on the leader’s consensus in Chromium', () => {
  it('accepts the common value in one click, undoes exactly that bulk, and clears the remaining exclusions after one confirmation', { timeout: 300_000 }, async () => {
    const work = await session.folder('bulk-files');
    const { page } = await session.profile('bulk');
    const { issued, others } = await leaderDeviceWithAssignment(page, work);
    await signNoConflict(page);

    // The leader scores every item 50% by keyboard and exports the sheet, as on site.
    await page.getByTestId(`item-row-${items[0]!.id}`).click();
    for (const [i, item] of items.entries()) {
      await openItem(page, item.id);
      const before = await savedCount(page);
      const [band, step] = keysFor(item.kind, 50);
      await page.keyboard.press(band);
      await page.keyboard.press(step);
      await waitForSaved(page, before);
      if (i < items.length - 1) await page.keyboard.press('j');
    }
    const download = page.waitForEvent('download');
    await page.getByTestId('export-scoresheet').click();
    await download;
    await expect.poll(() => page.getByTestId('export-outcome').first().getAttribute('data-outcome')).toBe('saved');

    // The four other members' scoresheets, made on their devices; 王丽华 flagged exclusion 5.
    for (const [k, o] of others.entries()) {
      const startedAt = new Date();
      const demo = await demoWork({ random: seededRandom(40 + k), assignment: issued.content, expert: o.card, startedAt, flagged: k === 0 ? [5] : [] });
      const percentOf = (itemId: string) => (k === 3 && itemId === '4.1.2' ? 90 : OTHERS[k]!);
      const history: HistoryEntry[] = [];
      for (const [i, s] of demo.scores.entries()) {
        history.push(await nextHistoryEntry(history.at(-1), { at: demo.history[i]!.at, actor: o.card.keyId, kind: 'score', itemId: s.itemId, from: null, to: percentOf(s.itemId) }));
      }
      const onSite = { ...demo, scores: demo.scores.map((s) => ({ itemId: s.itemId, percent: percentOf(s.itemId) })), history };
      const exported = await exportScoresheetBytes({ work: onSite, assignment: issued.content, previous: null }, { keys: o.keys, clock: { now: () => new Date() }, myKeyId: o.card.keyId });
      if (!exported.ok) throw new Error(exported.error.en);
      const file = await writeTemp(work, `scoresheet-${k}.zqa`, exported.value.written.bytes);
      await openFileWith(page, () => page.getByTestId('import-scoresheets').click(), file);
      const outcome = page.getByTestId('import-outcome').filter({ hasText: o.facts.name }).first();
      await outcome.waitFor();
      expect(await outcome.getAttribute('data-outcome'), (await outcome.textContent()) ?? '').toBe('scoresheet');
    }

    await openWorkspace(page, 'leader');
    await openLeaderTab(page, 'consensus');
    const accept = page.getByTestId('bulk-accept');
    // 23 items: 4.1.2 is divergent (50 … 90); every other item is open and fully scored.
    await expect.poll(() => accept.textContent()).toBe(`采纳成员一致值（${items.length - 1} 项）`);
    await screenshot(page, 'field-bulk-01-before');

    // The leader settles 4.4.2 by hand first: the bulk leaves it alone.
    await setPercentByHand(page, '4.4.2', 70);
    await expect.poll(() => accept.textContent()).toBe(`采纳成员一致值（${items.length - 2} 项）`);
    await accept.click();
    await expect.poll(() => row(page, '4.1.4').textContent()).toContain('批量');
    // Members 50, 55, 50, 55, 60: the median is 55.
    expect(await row(page, '4.1.4').textContent()).toContain('55%');
    expect(await row(page, '4.1.2').textContent()).toContain('待共识');
    expect(await row(page, '4.1.2').textContent()).not.toContain('批量');
    expect(await row(page, '4.4.2').textContent()).toContain('70%');
    expect(await row(page, '4.4.2').textContent()).not.toContain('批量');
    expect(await accept.textContent()).toBe('没有可批量确定的条款');
    const undo = page.locator('[data-testid^="bulk-undo-"]');
    await expect.poll(() => undo.count()).toBe(1);
    const bulkId = (await undo.getAttribute('data-testid'))!.replace('bulk-undo-', '');
    expect(await page.getByTestId(`bulk-in-effect-${bulkId}`).textContent()).toContain(`批量确定 ${items.length - 2} 项（第 2 次共识修改）`);
    expect(await page.locator('body').innerText()).not.toMatch(/bulk-\d/);
    await row(page, '4.2.2').click();
    await expect.poll(() => page.getByTestId('bulk-settled-note').textContent()).toContain(`第 ${bulkId.replace('bulk-', '')} 次共识修改`);
    await screenshot(page, 'field-bulk-02-accepted');

    // After the bulk, the leader changes 4.1.4 by hand; then undoes the bulk.
    await setPercentByHand(page, '4.1.4', 60);
    await expect.poll(() => row(page, '4.1.4').textContent()).not.toContain('批量');
    await undo.click();
    await expect.poll(() => row(page, '4.2.2').textContent()).toContain('待共识');
    expect(await row(page, '4.1.4').textContent()).toContain('60%');
    expect(await row(page, '4.4.2').textContent()).toContain('70%');
    for (const item of items) expect(await row(page, item.id).textContent()).not.toContain('批量');
    expect(await undo.count()).toBe(0);
    await expect.poll(() => page.getByTestId('consensus-trail').textContent()).toBe('共识修改 4 次，均记入哈希链历史');
    await screenshot(page, 'field-bulk-03-undone');

    // Accept again (the other items), and look at the log the device keeps.
    await expect.poll(() => accept.textContent()).toBe(`采纳成员一致值（${items.length - 3} 项）`);
    await accept.click();
    await expect.poll(() => row(page, '4.2.2').textContent()).toContain('批量');
    const dump = await dumpDatabase(page);
    const kinds = (dump.consensusEdits as { seq: number; kind: string; itemId: string }[]).sort((a, b) => a.seq - b.seq).map((e) => [e.kind, e.itemId]);
    expect(kinds).toEqual([
      ['consensus-percent', '4.4.2'],
      ['consensus-bulk-accept', bulkId],
      ['consensus-percent', '4.1.4'],
      ['consensus-bulk-undo', bulkId],
      ['consensus-bulk-accept', 'bulk-5'],
    ]);
    await expect.poll(() => page.getByTestId('consensus-trail').textContent()).toBe('共识修改 5 次，均记入哈希链历史');

    // The remaining exclusions: one confirmation listing exactly those; 5 (flagged by a member) stays open.
    await openLeaderTab(page, 'overall');
    await page.getByTestId('exclusion-flagged-2').click();
    await expect.poll(() => page.getByTestId('exclusion-2').locator('.ant-radio-button-wrapper-checked').textContent()).toBe('确认存在');
    await page.getByTestId('bulk-clear-exclusions').click();
    const dialog = page.getByTestId('bulk-exclusions-dialog');
    await dialog.waitFor();
    const listed = await page.locator('[data-testid^="bulk-exclusion-listed-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(listed).toEqual([1, 3, 4, 6, 7].map((n) => `bulk-exclusion-listed-${n}`));
    expect(await dialog.textContent()).toContain('有成员发现的第 5 项仍须逐项决定');
    await screenshot(page, 'field-bulk-04-exclusions-dialog');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '全部标为未发现' }).click();
    for (const n of [1, 3, 4, 6, 7]) {
      await expect.poll(() => page.getByTestId(`exclusion-${n}`).locator('.ant-radio-button-wrapper-checked').textContent()).toBe('未发现');
    }
    expect(await page.getByTestId('exclusion-5').locator('.ant-radio-button-wrapper-checked').textContent()).toBe('待定');
    expect(await page.getByTestId('exclusion-2').locator('.ant-radio-button-wrapper-checked').textContent()).toBe('确认存在');
    expect(await page.getByTestId('bulk-clear-exclusions').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('consensus-trail').textContent()).toBe('共识修改 7 次，均记入哈希链历史');
    await screenshot(page, 'field-bulk-05-exclusions-set');

    // The same screens in English.
    await pickOption(page, 'language-select', 'English');
    await openLeaderTab(page, 'consensus');
    await expect.poll(() => page.getByTestId('bulk-in-effect-bulk-5').textContent()).toContain(`${items.length - 3} items settled in bulk (consensus edit 5)`);
    expect(await page.getByTestId('bulk-accept').textContent()).toBe('No item to settle in bulk');
    await screenshot(page, 'field-bulk-06-en');
  });
});
