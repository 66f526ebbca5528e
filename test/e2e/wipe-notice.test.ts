import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../renderer/serve.mjs';
import { openItem, savedCount, screenshot, signNoConflict, startAppServer, waitForSaved } from './support/app.js';
import { freshProfileDir, openProfile } from './support/chromium.js';

let server: RunningServer;
let profile: string;

beforeAll(async () => {
  server = await startAppServer();
  profile = await freshProfileDir('wipe');
});
afterAll(async () => {
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

/** What Chromium's recovery does to a store it finds corrupted: the whole database gone. */
async function wipeDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('zqa');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error(String(request.error)));
      }),
  );
}

/** When the automatic snapshot in the origin-private file system was last written (0: none). */
const snapshotWrittenAt = (page: Page) =>
  page.evaluate(async () => {
    try {
      const dir = await navigator.storage.getDirectory();
      return (await (await dir.getFileHandle('zqa-auto-snapshot.bin')).getFile()).lastModified;
    } catch {
      return 0;
    }
  });

describe('a database emptied behind the app (Chromium deletes a store it finds corrupted)', () => {
  it('is said plainly on the next start and restored from the automatic snapshot', async () => {
    const { context, page } = await openProfile(profile, server.url);
    await signNoConflict(page);
    await page.getByTestId('item-row-4.2.2').click();
    await openItem(page, '4.2.2');
    let before = await savedCount(page);
    await page.keyboard.press('5');
    await page.keyboard.press('3'); // 80%
    await waitForSaved(page, before);
    before = await savedCount(page);
    await page.getByTestId('note-input-ofi').fill('关键过程的测量指标缺少目标值');
    await page.getByTestId('note-input-ofi').press('Control+Enter');
    await waitForSaved(page, before);
    expect(await page.getByTestId('wipe-notice').count()).toBe(0);
    // Once changes pause for a few seconds, a snapshot is written (a minute apart at most often,
    // so if one caught only the declaration, the one holding the note comes a minute later).
    const noteSavedAt = await page.evaluate(() => Date.now());
    await expect.poll(() => snapshotWrittenAt(page), { timeout: 90_000 }).toBeGreaterThan(noteSavedAt);

    await wipeDatabase(page);
    await page.goto(`${server.url}#/`);
    await page.reload();
    // The app starts as on a first day (the demo, its declaration to sign), and says why.
    await page.getByTestId('declaration-gate').waitFor();
    await page.getByTestId('wipe-notice').waitFor();
    expect(await page.getByTestId('wipe-notice').textContent()).toContain('本机评审数据已不在数据库中');
    await page.getByTestId('wipe-notice-snapshot').waitFor();
    await screenshot(page, 'wipe-notice');

    await page.getByTestId('wipe-notice-snapshot').click();
    await page.getByTestId('review-overview').waitFor();
    expect(await page.getByTestId('percent-4.2.2').textContent()).toBe('80%');
    await page.getByTestId('item-row-4.2.2').click();
    await openItem(page, '4.2.2');
    await expect.poll(() => page.getByTestId('notes-ofi').getByTestId('note-text').allTextContents()).toEqual(['关键过程的测量指标缺少目标值']);
    expect(await page.getByTestId('wipe-notice').count()).toBe(0);
    await context.close();
  });

  it('without a snapshot, points to the backup until acknowledged', async () => {
    const { context, page } = await openProfile(profile, server.url);
    await page.getByTestId('review-overview').waitFor();
    // The restore above marked the database as holding data again.
    expect(await page.evaluate(() => localStorage.getItem('zqa.database.heldData'))).not.toBeNull();
    await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('zqa-auto-snapshot.bin'));
    await wipeDatabase(page);
    await page.reload();
    await page.getByTestId('wipe-notice').waitFor();
    expect(await page.getByTestId('wipe-notice-snapshot').count()).toBe(0);
    await page.getByTestId('wipe-notice-restore').click();
    await page.getByTestId('workspace-backup').waitFor();
    await expect.poll(() => page.getByTestId('wipe-notice').count()).toBe(0);
    await page.getByTestId('workspace-review').click();
    await page.getByTestId('wipe-notice').waitFor();
    await page.getByTestId('wipe-notice-dismiss').click();
    await expect.poll(() => page.getByTestId('wipe-notice').count()).toBe(0);
    await page.reload();
    await page.getByTestId('declaration-gate').waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByTestId('wipe-notice').count()).toBe(0);
    await context.close();
  });
});
