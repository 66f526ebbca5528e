import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../renderer/serve.mjs';
import { verifyHistoryChain } from '../../shared/history/hash-chain.js';
import { openItem, savedCount, screenshot, signNoConflict, startAppServer, waitForSaved } from './support/app.js';
import { deleteIndexedDb, freshProfileDir, openProfile } from './support/chromium.js';
import { dumpDatabase } from './support/dump-database.js';
import { openWorkspace } from './support/leader-panel.js';
import { makePng } from './support/png.js';

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

type Row = Record<string, unknown>;

describe('a database emptied behind the app (Chromium deletes a store it finds corrupted)', () => {
  const photo = makePng(96, 64);
  it('is rebuilt from the journal at the next start, with a notice and no click: scores, notes, the photo, the history chain', async () => {
    const first = await openProfile(profile, server.url);
    const { page } = first;
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
    before = await savedCount(page);
    await page.getByTestId('attachment-input').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: photo });
    await waitForSaved(page, before);
    const saved = await dumpDatabase(page);
    // The browser host's device keys: kept beside the journal, they must survive the wipe.
    await openWorkspace(page, 'identity');
    const fingerprint = await page.getByTestId('device-fingerprint').textContent();
    expect(fingerprint).toMatch(/\d/);
    expect(await page.getByTestId('keys-database-only').count()).toBe(0);
    // The app opens where it was left: on the review.
    await openWorkspace(page, 'review');
    await page.locator('[data-testid="review-overview"], [data-testid="item-page"]').first().waitFor();
    await first.context.close();

    expect(await deleteIndexedDb(profile)).toBeGreaterThan(0);
    const second = await openProfile(profile, server.url);
    await second.page.getByTestId('review-overview').waitFor();
    const notice = second.page.getByTestId('journal-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('rebuilt');
    expect(await notice.textContent()).toContain('本机数据库已从操作日志重建');
    expect(await second.page.getByTestId('wipe-notice').count()).toBe(0);
    await screenshot(second.page, 'journal-rebuilt');
    expect(await second.page.getByTestId('percent-4.2.2').textContent()).toBe('80%');
    await second.page.getByTestId('item-row-4.2.2').click();
    await openItem(second.page, '4.2.2');
    await expect.poll(() => second.page.getByTestId('notes-ofi').getByTestId('note-text').allTextContents()).toEqual(['关键过程的测量指标缺少目标值']);
    await second.page.getByTestId('attachment').first().waitFor();

    const rebuilt = await dumpDatabase(second.page);
    for (const table of ['reviews', 'declarations', 'itemScores', 'history', 'notes', 'attachments']) expect(rebuilt[table], table).toEqual(saved[table]);
    const attachment = (rebuilt['attachments'] as Row[])[0]!['blob'] as { sha256: string };
    expect(attachment.sha256).toBe(createHash('sha256').update(photo).digest('hex'));
    const history = (rebuilt['history'] as Row[]).map(({ reviewId: _r, ...e }) => e);
    expect((await verifyHistoryChain(history as never)).ok).toBe(true);

    // Editing goes on where it left off, on the same chain.
    before = await savedCount(second.page);
    await second.page.keyboard.press('ArrowRight');
    await waitForSaved(second.page, before);
    await second.page.getByTestId('journal-notice-dismiss').click();
    await expect.poll(() => notice.count()).toBe(0);

    // The same device keys, and nothing said about lost keys.
    expect(await second.page.getByTestId('keys-lost-notice').count()).toBe(0);
    await openWorkspace(second.page, 'identity');
    expect(await second.page.getByTestId('device-fingerprint').textContent()).toBe(fingerprint);
    await openWorkspace(second.page, 'review');
    await second.page.locator('[data-testid="review-overview"], [data-testid="item-page"]').first().waitFor();
    await second.context.close();
  });

  it('with the journal gone too (the site’s data cleared), says so and points to the backup until acknowledged', async () => {
    expect(await deleteIndexedDb(profile)).toBeGreaterThan(0);
    await rm(join(profile, 'Default', 'File System'), { recursive: true, force: true });
    const { context, page } = await openProfile(profile, server.url);
    await page.getByTestId('declaration-gate').waitFor();
    await page.getByTestId('wipe-notice').waitFor();
    expect(await page.getByTestId('wipe-notice').textContent()).toContain('本机评审数据已不在数据库中');
    await page.getByTestId('wipe-notice-restore').click();
    await page.getByTestId('workspace-backup').waitFor();
    // The backup page says what protects the journal at rest in this host: nothing of its own.
    await page.getByTestId('journal-at-rest').waitFor();
    expect(await page.getByTestId('journal-at-rest').getAttribute('data-at-rest')).toBe('plain');
    expect(await page.getByTestId('journal-at-rest').textContent()).toContain('未加密');
    await screenshot(page, 'journal-at-rest');
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

  it('with the kept device keys gone as well, says on every screen that the keys were lost and how to enrol again', async () => {
    const profile3 = await freshProfileDir('wipe-keys');
    try {
      const first = await openProfile(profile3, server.url);
      await signNoConflict(first.page);
      await openWorkspace(first.page, 'identity');
      await first.page.getByTestId('profile-name').fill('李建国');
      await first.page.getByTestId('profile-organisation').fill('郑州大学');
      await first.page.getByTestId('profile-save').click();
      await expect.poll(() => first.page.evaluate(() => new Promise((resolve) => { const r = indexedDB.open('zqa'); r.onsuccess = () => { const g = r.result.transaction('deviceProfile').objectStore('deviceProfile').get('device'); g.onsuccess = () => resolve(Boolean(g.result)); }; }))).toBe(true);
      const fingerprint = await first.page.getByTestId('device-fingerprint').textContent();
      // What a device whose keys were never kept outside IndexedDB looks like after a wipe.
      await first.page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('zqa-device-keys', { recursive: true }));
      await first.context.close();
      expect(await deleteIndexedDb(profile3)).toBeGreaterThan(0);

      const second = await openProfile(profile3, server.url);
      const lost = second.page.getByTestId('keys-lost-notice');
      await lost.waitFor();
      expect(await lost.textContent()).toContain('本机私钥已丢失，需要重新登记');
      expect(await lost.textContent()).toContain('导出新的身份卡');
      await screenshot(second.page, 'keys-lost');
      await openWorkspace(second.page, 'identity');
      expect(await second.page.getByTestId('device-fingerprint').textContent()).not.toBe(fingerprint);
      // Saving the identity with the new keys is the re-enrolment's first step: the notice goes.
      await second.page.getByTestId('profile-save').click();
      await expect.poll(() => lost.count()).toBe(0);
      await second.context.close();
    } finally {
      await rm(profile3, { recursive: true, force: true });
    }
  });
});
