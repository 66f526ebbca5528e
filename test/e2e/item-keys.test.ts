import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../renderer/serve.mjs';
import { verifyHistoryChain } from '../../shared/history/hash-chain.js';
import { openItem, savedCount, signNoConflict, startAppServer, waitForSaved } from './support/app.js';
import { freshProfileDir, openProfile } from './support/chromium.js';
import { dumpDatabase } from './support/dump-database.js';

let server: RunningServer;
let profile: string;

beforeAll(async () => {
  server = await startAppServer();
  profile = await freshProfileDir('item-keys');
});
afterAll(async () => {
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

const historyLength = (page: Parameters<typeof savedCount>[0]) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('zqa');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const count = open.result.transaction('history').objectStore('history').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );

describe('the item page keys', () => {
  it('score with ← / →, but leave the arrows to the tab list while a tab has focus: one key, one effect', async () => {
    const { context, page } = await openProfile(profile, server.url);
    await signNoConflict(page);
    await page.getByTestId('item-row-4.3.2').click();
    await openItem(page, '4.3.2');

    let before = await savedCount(page);
    await page.keyboard.press('4'); // band 50–65%
    await page.keyboard.press('2'); // 55%
    await waitForSaved(page, before);
    before = await savedCount(page);
    await page.keyboard.press('ArrowRight');
    await waitForSaved(page, before);
    await expect.poll(() => page.getByTestId('current-score').textContent()).toContain('60%');
    const entries = await historyLength(page);

    // A tab focused (clicked, then the item reopened by its row): the arrows move between tabs.
    await page.getByTestId('nav-summary').click();
    await page.getByRole('tab', { name: '条款评分' }).click();
    await page.getByRole('tab', { name: '条款评分' }).focus();
    await page.goto(`${server.url}#/item/4.3.2`);
    await openItem(page, '4.3.2');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    // Nothing was written: no new history entry, the score unchanged after a moment to settle.
    await page.waitForTimeout(300);
    expect(await historyLength(page)).toBe(entries);
    expect(await page.getByTestId('current-score').textContent()).toContain('60%');

    // Focus back on the page: the same key scores again.
    await page.getByTestId('item-title').click();
    before = await savedCount(page);
    await page.keyboard.press('ArrowRight');
    await waitForSaved(page, before);
    await expect.poll(() => page.getByTestId('current-score').textContent()).toContain('65%');
    expect(await historyLength(page)).toBe(entries + 1);
    await context.close();
  });

  it('keeps one unbroken history when two windows score the same review in turn', async () => {
    // The second window's edits make what the first last saw stale: its next edit is caught
    // inside its transaction, rolled back and written again on what is stored.
    const { context, page } = await openProfile(profile, server.url);
    await page.getByTestId('review-overview').waitFor();
    await page.getByTestId('item-row-4.4.2').click();
    await openItem(page, '4.4.2');
    const other = await context.newPage();
    await other.goto(`${server.url}#/item/4.4.2`);
    await openItem(other, '4.4.2');

    let before = await savedCount(page);
    await page.keyboard.press('3'); // band 30–45%
    await page.keyboard.press('1'); // 30%
    await waitForSaved(page, before);
    for (const [window, key] of [[other, 'ArrowRight'], [page, 'ArrowRight'], [other, 'ArrowLeft'], [page, 'ArrowRight']] as const) {
      await window.bringToFront();
      await window.getByTestId('item-title').click();
      before = await savedCount(window);
      await window.keyboard.press(key);
      await waitForSaved(window, before);
    }
    await expect.poll(() => page.getByTestId('current-score').textContent()).toContain('40%');

    const db = await dumpDatabase(page);
    type Row = Record<string, unknown>;
    const history = (db['history'] as Row[]).filter((h) => h['itemId'] === '4.4.2').sort((a, b) => Number(a['seq']) - Number(b['seq']));
    expect(history.map((h) => [h['from'], h['to']])).toEqual([[null, 30], [30, 35], [35, 40], [40, 35], [35, 40]]);
    const all = (db['history'] as Row[]).sort((a, b) => Number(a['seq']) - Number(b['seq']));
    expect((await verifyHistoryChain(all.map(({ reviewId: _, ...entry }) => entry))).ok).toBe(true);
    await context.close();
  });
});
