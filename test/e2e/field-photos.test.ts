import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signNoConflict, waitForSaved, savedCount } from './support/app.js';
import { leaderDeviceWithAssignment } from './support/field-device.js';
import { fieldSession, pickOption } from './support/field-session.js';
import { openLeaderTab, openWorkspace } from './support/leader-panel.js';
import { dumpDatabase } from './support/dump-database.js';
import { makeJpeg } from './support/photos.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';

/**
 * Photos as evidence: a phone-sized photo (4000 × 3000 JPEG, made in the page) chosen on the
 * item page is stored scaled down to a long edge of 2048 px as JPEG, under a .jpg name; a small
 * photo is stored byte for byte as chosen. The photo gets a caption and is linked to the site
 * observation it supports, and the exported scoresheet carries both. The long edge is the
 * device's choice, and the expert may ask to keep photos as taken.
 */
const session = fieldSession(5348);

/** Every stored attachment: name, type, size and the decoded size of its Blob, read with plain IndexedDB. */
function storedPhotos(page: Page): Promise<{ name: string; type: string; size: number; width: number; height: number }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('zqa');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    const rows = await new Promise<{ name: string; type: string; blob: Blob }[]>((resolve, reject) => {
      const r = db.transaction('attachments').objectStore('attachments').getAll();
      r.onsuccess = () => resolve(r.result as { name: string; type: string; blob: Blob }[]);
      r.onerror = () => reject(r.error ?? new Error('read failed'));
    });
    db.close();
    return Promise.all(
      rows.map(async (a) => {
        const bitmap = await createImageBitmap(a.blob);
        const out = { name: a.name, type: a.type, size: a.blob.size, width: bitmap.width, height: bitmap.height };
        bitmap.close();
        return out;
      }),
    );
  });
}

describe('photos as evidence in Chromium', () => {
  it('stores a 4000 × 3000 photo at a long edge of 2048 px, a small one as chosen, and exports its caption and its observation', { timeout: 180_000 }, async () => {
    const work = await session.folder('photos-files');
    const { page } = await session.profile('photos');
    await leaderDeviceWithAssignment(page, work);
    await signNoConflict(page);
    await page.getByTestId('item-row-4.5.3').click();
    await page.locator('[data-testid="item-page"][data-item-id="4.5.3"]').waitFor();
    expect(await page.getByTestId('photo-size-hint').textContent()).toContain('2048 像素');

    const big = await makeJpeg(page, 4000, 3000);
    let before = await savedCount(page);
    await page.getByTestId('attachment-input').setInputFiles({ name: 'IMG_0001.JPEG', mimeType: 'image/jpeg', buffer: big });
    await waitForSaved(page, before);
    const small = await makeJpeg(page, 800, 600);
    before = await savedCount(page);
    await page.getByTestId('attachment-input').setInputFiles({ name: '计量室.jpg', mimeType: 'image/jpeg', buffer: small });
    await waitForSaved(page, before);
    await expect.poll(() => page.getByTestId('attachment').count()).toBe(2);

    const stored = await storedPhotos(page);
    const scaled = stored.find((p) => p.name === 'IMG_0001.jpg');
    expect(scaled, JSON.stringify(stored)).toBeDefined();
    expect(scaled).toMatchObject({ type: 'image/jpeg', width: 2048, height: 1536 });
    expect(scaled!.size).toBeLessThan(big.length);
    const kept = stored.find((p) => p.name === '计量室.jpg');
    expect(kept).toMatchObject({ type: 'image/jpeg', size: small.length, width: 800, height: 600 });
    await page.getByTestId('attachment').first().locator('img').waitFor();

    // The big photo gets a caption and supports an observation written on the same item.
    before = await savedCount(page);
    const observation = page.getByTestId('notes-observation');
    await observation.getByTestId('note-input-observation').fill('焊接工位作业指导书在岗，首件检验记录完整');
    await observation.getByTestId('evidence-place').fill('一号生产基地装配车间');
    await observation.getByTestId('evidence-place').press('Control+Enter');
    await waitForSaved(page, before);
    const bigThumb = page.locator('[data-testid="attachment"][data-name="IMG_0001.jpg"]');
    before = await savedCount(page);
    await bigThumb.getByTestId('attachment-caption').fill('装配车间焊接工位，作业指导书张贴在岗');
    await page.getByTestId('item-title').click();
    await waitForSaved(page, before);
    before = await savedCount(page);
    await bigThumb.getByTestId('attachment-link').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '佐证观察：焊接工位作业指导书在岗' }).first().click();
    await waitForSaved(page, before);
    await screenshot(page, 'field-photos-01-item-page');

    // The scoresheet carries it: on the leader's own device the export joins the members' sheets.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-scoresheet').click();
    await download;
    await expect.poll(() => page.getByTestId('export-outcome').first().getAttribute('data-outcome')).toBe('saved');
    await expect.poll(async () => ((await dumpDatabase(page)).memberScoresheets ?? []).length).toBe(1);
    const sheet = (await dumpDatabase(page)).memberScoresheets![0] as { content: ScoresheetContent };
    const carried = sheet.content.attachments.find((a) => a.fileName === 'IMG_0001.jpg');
    expect(carried).toMatchObject({ caption: '装配车间焊接工位，作业指导书张贴在岗', itemId: '4.5.3', mediaType: 'image/jpeg' });
    const observed = sheet.content.observations.find((o) => o.text.startsWith('焊接工位作业指导书在岗'));
    expect(observed?.attachmentIds).toEqual([carried!.id]);

    // The leader sees the member's photo beside the observation it supports, with its caption.
    await openWorkspace(page, 'leader');
    await openLeaderTab(page, 'consensus');
    await page.getByTestId('consensus-item-4.5.3').click();
    const evidence = page.getByTestId('member-evidence');
    const seen = evidence.getByTestId('member-observation').filter({ hasText: '焊接工位作业指导书在岗' });
    await seen.waitFor();
    expect(await seen.textContent()).toContain('一号生产基地装配车间');
    expect(await seen.getByTestId('member-photo').getAttribute('data-caption')).toBe('装配车间焊接工位，作业指导书张贴在岗');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="member-photo"] img')].every((img) => img.complete && img.naturalWidth > 0));
    // The small photo, filed under the item without an observation, is shown under the item.
    expect(await evidence.getByTestId('member-item-photos').getByTestId('member-photo').count()).toBe(1);
    await screenshot(page, 'field-photos-02-leader-sees');
    // An item no member has photos or observations for says so in one line.
    await page.getByTestId('consensus-item-4.1.2').click();
    await page.getByTestId('member-evidence-none').waitFor();
    expect(await page.getByTestId('member-evidence').count()).toBe(0);
  });

  it('scales to the long edge the expert chose, keeps originals when asked, and the choice outlives a restart', { timeout: 180_000 }, async () => {
    const work = await session.folder('photo-size-files');
    const { page } = await session.profile('photo-size');
    await leaderDeviceWithAssignment(page, work);
    await signNoConflict(page);
    await page.getByTestId('item-row-4.5.3').click();
    await page.locator('[data-testid="item-page"][data-item-id="4.5.3"]').waitFor();
    const big = await makeJpeg(page, 4000, 3000);

    await pickOption(page, 'photo-long-edge', '长边 3072 像素');
    await expect.poll(() => page.getByTestId('photo-size-hint').textContent()).toContain('3072 像素');
    let before = await savedCount(page);
    await page.getByTestId('attachment-input').setInputFiles({ name: 'DSC_3072.jpg', mimeType: 'image/jpeg', buffer: big });
    await waitForSaved(page, before);

    await page.getByTestId('photo-keep-original').click();
    await expect.poll(() => page.getByTestId('photo-size-hint').textContent()).toContain('原图');
    // While originals are kept the long edge does not apply, and its choice says so by being disabled.
    expect(await page.getByTestId('photo-long-edge').getAttribute('class')).toContain('ant-select-disabled');
    before = await savedCount(page);
    await page.getByTestId('attachment-input').setInputFiles({ name: 'DSC_ORIG.jpg', mimeType: 'image/jpeg', buffer: big });
    await waitForSaved(page, before);
    await expect.poll(() => page.getByTestId('attachment').count()).toBe(2);
    await screenshot(page, 'field-photos-03-size-choice');

    const stored = await storedPhotos(page);
    expect(stored.find((p) => p.name === 'DSC_3072.jpg'), JSON.stringify(stored)).toMatchObject({ type: 'image/jpeg', width: 3072, height: 2304 });
    expect(stored.find((p) => p.name === 'DSC_ORIG.jpg'), JSON.stringify(stored)).toMatchObject({ type: 'image/jpeg', size: big.length, width: 4000, height: 3000 });

    // The choice is the device's: after a restart (the page comes back on the same item) it still says it.
    await page.reload();
    await page.locator('[data-testid="item-page"][data-item-id="4.5.3"]').waitFor();
    expect(await page.getByTestId('photo-keep-original').isChecked()).toBe(true);
    expect(await page.getByTestId('photo-size-hint').textContent()).toContain('原图');
    await page.getByTestId('photo-keep-original').click();
    await expect.poll(() => page.getByTestId('photo-size-hint').textContent()).toContain('3072 像素');
  });
});
