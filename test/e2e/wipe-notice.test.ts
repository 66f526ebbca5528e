import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../renderer/serve.mjs';
import { screenshot, signNoConflict, startAppServer } from './support/app.js';
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

describe('a database emptied behind the app (Chromium deletes a store it finds corrupted)', () => {
  it('is said plainly on the next start, with the way to the backup, until acknowledged', async () => {
    const { context, page } = await openProfile(profile, server.url);
    await signNoConflict(page);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('zqa.database.heldData'))).not.toBeNull();
    expect(await page.getByTestId('wipe-notice').count()).toBe(0);

    // What Chromium's recovery does: the whole database gone (Dexie closes on versionchange).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('zqa');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(new Error(String(request.error)));
        }),
    );
    await page.reload();
    // The app starts as on a first day (the demo, its declaration to sign), and says why.
    await page.getByTestId('declaration-gate').waitFor();
    await page.getByTestId('wipe-notice').waitFor();
    expect(await page.getByTestId('wipe-notice').textContent()).toContain('本机评审数据已不在数据库中');
    await screenshot(page, 'wipe-notice');

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
