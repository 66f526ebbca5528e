import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { formatHundredths } from '../../shared/scoring/hundredths.js';
import { scoreTotals } from '../../shared/scoring/totals.js';
import type { RunningServer } from '../../renderer/serve.mjs';
import { startAppServer, keysFor, openItem, savedCount, screenshot, signNoConflict, waitForSaved } from './support/app.js';
import { freshProfileDir, openProfile } from './support/chromium.js';
import { pickOption } from './support/field-session.js';
import { makePng } from './support/png.js';

const items = itemsOf(GBT19580_2012);
/** A spread of percentages across every band, fixed so the expected total is known. */
const percentOf = Object.fromEntries(items.map((item, i) => [item.id, 30 + ((i * 15) % 55)]));
const expected = scoreTotals(GBT19580_2012, percentOf);

const NOTES = {
  strength: '高层领导每月主持质量例会，决策记录完整',
  ofi: '战略目标尚未分解到班组层级',
  observation: '现场查阅 2026 年质量例会纪要 12 份，均有闭环记录',
};
const EVIDENCE = { document: '2026 年质量例会纪要', intervieweeRole: '质量部部长', place: '行政楼 3 楼会议室' };

let server: RunningServer;
let profile: string;
const png = makePng(64, 48);
const pngPath = join(tmpdir(), `zqa-e2e-welding-${process.pid}.png`);

beforeAll(async () => {
  server = await startAppServer();
  profile = await freshProfileDir('persist');
  await writeFile(pngPath, png);
});
afterAll(async () => {
  await server?.close();
  await rm(profile, { recursive: true, force: true });
  await rm(pngPath, { force: true });
});

describe('an expert scores the whole sheet, closes the browser and finds everything again', () => {
  it('keeps every score, note and the photo across a restart, with the total the arithmetic gives', async () => {
    const first = await openProfile(profile, server.url);
    const { page } = first;
    await signNoConflict(page);
    await screenshot(page, '01-review-screen-empty');

    // Score all 23 items: odd items by keyboard (band digit, step digit), even ones with the mouse.
    await page.getByTestId(`item-row-${items[0]!.id}`).click();
    for (const [i, item] of items.entries()) {
      await openItem(page, item.id);
      const percent = percentOf[item.id]!;
      const before = await savedCount(page);
      if (i % 2 === 0) {
        const [band, step] = keysFor(item.kind, percent);
        await page.keyboard.press(band);
        await page.keyboard.press(step);
      } else {
        await page.getByTestId(`band-${keysFor(item.kind, percent)[0]}`).click();
        await page.getByTestId(`step-${percent}`).click();
      }
      await waitForSaved(page, before);
      await expect.poll(() => page.getByTestId('current-score').textContent()).toContain(`${percent}%`);
      if (item.id === '4.1.2') await writeNotesAndPhoto(page);
      if (i < items.length - 1) {
        // Next item: J on the keyboard for most, the button now and then.
        if (i % 3 === 2) await page.getByTestId('next-item').click();
        else await page.keyboard.press(i % 3 === 0 ? 'j' : 'PageDown');
      }
    }
    await page.keyboard.press('k');
    await openItem(page, items[items.length - 2]!.id);

    await page.goto(`${server.url}#/item/4.1.2`);
    await openItem(page, '4.1.2');
    await screenshot(page, '02-item-page');
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('review-overview').waitFor();
    await expect.poll(() => page.getByTestId('progress-text').textContent()).toContain('23 / 23');
    await screenshot(page, '03-review-screen-scored');
    await page.getByTestId('nav-summary').click();
    await expect.poll(() => page.getByTestId('summary-total').textContent()).toContain(formatHundredths(expected.totalHundredths));
    await screenshot(page, '04-summary');
    expect(first.errors.filter((e) => /Content.Security.Policy|Refused/i.test(e))).toEqual([]);
    await first.context.close();

    // Same profile, new browser: everything is read back from IndexedDB.
    const second = await openProfile(profile, server.url);
    const again = second.page;
    await again.getByTestId('review-overview').waitFor();
    for (const item of items) {
      expect(await again.getByTestId(`percent-${item.id}`).textContent()).toBe(`${percentOf[item.id]}%`);
    }
    await again.getByTestId('nav-summary').click();
    expect(await again.getByTestId('summary-total').textContent()).toContain(formatHundredths(expected.totalHundredths));
    for (const c of expected.categories) {
      expect(await again.getByTestId(`subtotal-${c.id}`).textContent()).toBe(formatHundredths(c.scoreHundredths));
    }
    // One hash-chained history entry per score given, and the chain verifies.
    await again.getByTestId('history-status').waitFor();
    expect(await again.getByTestId('history-status').getAttribute('data-ok')).toBe('true');
    expect(await again.getByTestId('history-status').textContent()).toContain(`${items.length} 条`);
    await again.goto(`${server.url}#/item/4.1.2`);
    await openItem(again, '4.1.2');
    for (const [kind, text] of Object.entries(NOTES)) {
      expect(await again.getByTestId(`notes-${kind}`).getByTestId('note-text').allTextContents()).toEqual([text]);
    }
    const evidence = await again.getByTestId('notes-observation').getByTestId('note-evidence').textContent();
    for (const value of Object.values(EVIDENCE)) expect(evidence).toContain(value);
    const attachment = again.getByTestId('attachment');
    expect(await attachment.count()).toBe(1);
    expect(await attachment.getAttribute('data-name')).toBe('焊接工位.png');
    expect(await attachment.getAttribute('data-sha256')).toBe(createHash('sha256').update(png).digest('hex'));
    await expectImageDecoded(again);

    // The same screens at a large font, as an expert with tired eyes would set them.
    await pickOption(again, 'font-size-select', '字号 24');
    await again.waitForFunction(() => document.documentElement.style.fontSize === '24px');
    await screenshot(again, '05-item-page-font-24');
    await again.getByTestId('nav-summary').click();
    await again.getByTestId('summary').waitFor();
    await screenshot(again, '06-summary-font-24');
    await again.getByTestId('nav-overview').click();
    await again.getByTestId('review-overview').waitFor();
    await screenshot(again, '07-review-screen-font-24');

    // English on request, kept in the host's settings across a reload.
    await pickOption(again, 'language-select', 'English');
    await again.reload();
    await again.getByTestId('review-overview').waitFor();
    expect(await again.getByTestId('item-row-4.7.4').textContent()).toContain('Financial results');
    expect(await again.getByTestId('nav-summary').textContent()).toBe('Summary');
    await second.context.close();
  });
});

async function writeNotesAndPhoto(page: Page): Promise<void> {
  // Strength: typed, added with Ctrl+Enter.
  let before = await savedCount(page);
  await page.getByTestId('note-input-strength').fill(NOTES.strength);
  await page.getByTestId('note-input-strength').press('Control+Enter');
  await waitForSaved(page, before);
  // OFI: added with the button.
  before = await savedCount(page);
  await page.getByTestId('note-input-ofi').fill(NOTES.ofi);
  await page.getByTestId('note-add-ofi').click();
  await waitForSaved(page, before);
  // Site observation with its evidence reference, Ctrl+Enter from the last field.
  before = await savedCount(page);
  const observation = page.getByTestId('notes-observation');
  await observation.getByTestId('note-input-observation').fill(NOTES.observation);
  await observation.getByTestId('evidence-document').fill(EVIDENCE.document);
  await observation.getByTestId('evidence-intervieweeRole').fill(EVIDENCE.intervieweeRole);
  await observation.getByTestId('evidence-place').fill(EVIDENCE.place);
  await observation.getByTestId('evidence-place').press('Control+Enter');
  await waitForSaved(page, before);
  // A photo, chosen through the file input.
  before = await savedCount(page);
  await page.getByTestId('attachment-input').setInputFiles({ name: '焊接工位.png', mimeType: 'image/png', buffer: png });
  await waitForSaved(page, before);
  await expectImageDecoded(page);
  // Back on the page's keys: focus leaves the text fields.
  await page.getByTestId('item-title').click();
}

async function expectImageDecoded(page: Page): Promise<void> {
  const thumb = page.getByTestId('attachment').locator('img');
  await thumb.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="attachment"] img');
    return img !== null && img.complete && img.naturalWidth === 64;
  });
}
