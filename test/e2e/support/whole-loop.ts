import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { GBT19580_2012 } from '../../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../../shared/criteria/validate-criteria-set.js';
import { keysFor, openItem, savedCount, signNoConflict, waitForSaved } from './app.js';
import { confirmDialog } from './confirm-dialog.js';
import { downloadTo, openFileWith, openWorkspace } from './leader-panel.js';
import { downloadFrom, waitForOutcome } from './packages.js';
import { pdfViewerPages } from './pdf-viewer.js';
import { makeJpeg } from './photos.js';

/**
 * The steps of one person in the whole review loop, clicked as that person does on their own
 * device: the expert's review of an assignment (declaration, every item scored by keyboard, a
 * strength, an opportunity, an observation with a photo as its evidence, the scoresheet
 * exported), and a member's countersignature of the leader's report read in the app's viewer.
 */

export interface ExpertNotes {
  itemId: string;
  strength: string;
  opportunity: string;
  observation: string;
  caption: string;
}

/** Imports the assignment file, signs the declaration, writes the notes and the photo (then `afterNotes`), scores every item, exports the scoresheet into `dir`. */
export async function reviewAndExport(page: Page, assignmentFile: string, percentOf: (itemId: string) => number, notes: ExpertNotes, dir: string, afterNotes?: () => Promise<void>): Promise<string> {
  await openWorkspace(page, 'review');
  await openFileWith(page, () => page.getByTestId('import-assignment').click(), assignmentFile);
  expect(await waitForOutcome(page, 'assignment')).toBeTruthy();
  await signNoConflict(page);
  await page.getByTestId(`item-row-${notes.itemId}`).click();
  await openItem(page, notes.itemId);
  await writeNotesAndPhoto(page, notes);
  await afterNotes?.();
  await scoreEveryItem(page, percentOf);
  const file = await downloadFrom(page, 'export-scoresheet', dir);
  await expect.poll(() => page.getByTestId('export-outcome').first().getAttribute('data-outcome')).toBe('saved');
  return file;
}

async function addNote(page: Page, kind: 'strength' | 'ofi' | 'observation', text: string): Promise<void> {
  const section = page.getByTestId(`notes-${kind}`);
  const before = await savedCount(page);
  await section.getByTestId(`note-input-${kind}`).fill(text);
  await section.getByTestId(`note-add-${kind}`).click();
  await waitForSaved(page, before);
  await expect.poll(() => section.textContent()).toContain(text);
}

/** On the open item page: a strength, an opportunity, an observation; a small photo chosen in the file dialog, captioned and linked to the observation. */
async function writeNotesAndPhoto(page: Page, notes: ExpertNotes): Promise<void> {
  await addNote(page, 'strength', notes.strength);
  await addNote(page, 'ofi', notes.opportunity);
  await addNote(page, 'observation', notes.observation);
  const jpeg = await makeJpeg(page, 640, 480);
  let before = await savedCount(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('attachment-add').click();
  await (await chooser).setFiles({ name: `现场照片-${notes.itemId}.jpg`, mimeType: 'image/jpeg', buffer: jpeg });
  await waitForSaved(page, before);
  const thumb = page.getByTestId('attachment').first();
  await thumb.locator('img').waitFor();
  before = await savedCount(page);
  await thumb.getByTestId('attachment-caption').fill(notes.caption);
  // Leaving the caption saves it; the item's title is where a person clicks away.
  await page.getByTestId('item-title').click();
  await waitForSaved(page, before);
  before = await savedCount(page);
  await thumb.getByTestId('attachment-link').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `佐证观察：${notes.observation.slice(0, 8)}` }).first().click();
  await waitForSaved(page, before);
}

/** From the open item page back to the first item, then every item by its two digits and J to the next. */
async function scoreEveryItem(page: Page, percentOf: (itemId: string) => number): Promise<void> {
  const items = itemsOf(GBT19580_2012);
  await page.getByTestId('nav-overview').click();
  await page.getByTestId(`item-row-${items[0]!.id}`).click();
  for (const [i, item] of items.entries()) {
    await openItem(page, item.id);
    const before = await savedCount(page);
    const [band, step] = keysFor(item.kind, percentOf(item.id));
    await page.keyboard.press(band);
    await page.keyboard.press(step);
    await waitForSaved(page, before);
    if (i < items.length - 1) await page.keyboard.press('j');
  }
}

/**
 * A member imports the leader's report for signing, reads it in the app's viewer (every page
 * drawn), and countersigns: agreeing, or with `reservation` typed under the viewer. A
 * reservation the report already prints is offered as it stands and signed again unchanged.
 * `beforeSigning` runs with the report read and the choice made (a screenshot of it).
 * Returns the countersignature's file in `dir`.
 */
export async function readAndCountersign(page: Page, reportFile: string, sha256: string, dir: string, options: { reservation?: string; beforeSigning?: () => Promise<void> } = {}): Promise<string> {
  const { reservation, beforeSigning } = options;
  await openWorkspace(page, 'countersign');
  await openFileWith(page, () => page.getByTestId('import-report-for-signing').click(), reportFile);
  const card = page.getByTestId('report-to-sign').filter({ hasText: sha256 });
  await card.waitFor();
  expect(await card.getByTestId('leader-signature').getAttribute('data-valid')).toBe('true');
  await card.getByTestId('read-report').click();
  const read = await pdfViewerPages(card, 'countersign-viewer');
  expect([read.canvases, read.inked]).toEqual([read.pages, read.pages]);
  if (reservation !== undefined) {
    await card.getByText('有保留意见', { exact: true }).click();
    const text = card.getByTestId('reservation-text');
    if ((await text.inputValue()) !== reservation) await text.fill(reservation);
  }
  await beforeSigning?.();
  const file = await downloadTo(page, () => card.getByTestId('countersign').click(), join(dir, `countersignature-${sha256.slice(0, 8)}-${Date.now()}.zqa`));
  await card.getByTestId('countersigned').waitFor();
  if (reservation !== undefined) expect(await card.getByTestId('countersigned-reservation').textContent()).toBe(`有保留意见${reservation}`);
  // The record read again after the signature does not pull the report the member is reading away (the viewer keeps its pages).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await card.locator('[data-testid="countersign-viewer"][data-pages] canvas').count()).toBe(read.pages);
  return file;
}

/** Closes the one-summary dialog a multi-file import shows, after checking its counts. */
export async function closeImportSummary(page: Page, counts: string): Promise<void> {
  const summary = page.getByTestId('import-summary');
  await summary.waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('import-summary-counts').textContent(), (await summary.textContent()) ?? '').toBe(counts);
  await confirmDialog(page, summary);
}
