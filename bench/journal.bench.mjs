// The journal (docs/ARCHITECTURE.md, "The journal"): how long the database takes to be
// rebuilt from it when Chromium has deleted it, for a review with 300 notes and 50 photos.
//
// The review is built through the app itself, so its journal is what an expert's would be:
// 300 notes added one by one on the item pages (300 records) and 50 photos of 1 MiB each
// (incompressible, as JPEG data is; 50 records, the bytes in the journal's blob store). The
// browser is closed, the origin's IndexedDB folder deleted as Chromium's corruption recovery
// does, and the browser started again: "rebuild" is the app's User Timing measure
// zqa:recovery, from asking the journal worker for the journal's head (the worker started,
// the journal opened and checked) to the database rebuilt and committed (every record
// replayed, every photo stored again) — before the first screen renders.
//
// The same is reported for a journal started from a database that already held the review
// (an upgrade from a version without the journal): one record carrying everything.
/* global document, indexedDB */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../renderer/serve.mjs';
import { benchPort, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-support.mjs';
import { seedInPage } from './scoresheet.bench.mjs';

export const IDS = ['journal.rebuildMs', 'journal.rebuildHeadMs', 'journal.rebuildReadMs', 'journal.rebuildBlobsMs', 'journal.rebuildWriteMs', 'journal.rebuildAgainMs', 'journal.rebuildSeededMs'];

const PORT = benchPort(5299);
const NOTES = 300;
const PHOTOS = 50;
const PHOTO_BYTES = 1024 * 1024;
const ITEMS = ['4.1.2', '4.1.3', '4.2.2', '4.2.3', '4.3.2', '4.3.3', '4.4.2', '4.5.2', '4.6.2', '4.7.2'];

const launch = (profile) => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 900 } });

async function deleteIndexedDb(profile) {
  const dir = join(profile, 'Default', 'IndexedDB');
  for (const name of await readdir(dir)) if (name.startsWith('http_127.0.0.1_')) await rm(join(dir, name), { recursive: true, force: true });
}

async function waitSaved(page, before) {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="save-state"]');
      return el?.dataset.state === 'saved' && Number(el.dataset.savedCount) > n;
    },
    before,
    { polling: 20, timeout: 60_000 },
  );
}
const savedCount = async (page) => Number(await page.getByTestId('save-state').getAttribute('data-saved-count'));

/** Restarts the browser on a profile whose database was deleted; the recovery's measure and what it did. */
async function rebuildAfterWipe(profile, url) {
  await deleteIndexedDb(profile);
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.getByTestId('journal-notice').waitFor({ timeout: 120_000 });
    const kind = await page.getByTestId('journal-notice').getAttribute('data-kind');
    if (kind !== 'rebuilt') throw new Error(`the start after the wipe did ${kind}, not a rebuild`);
    const part = (name) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.duration ?? Number.NaN, name);
    const ms = await part('zqa:recovery');
    const parts = { head: await part('zqa:recovery-head'), read: await part('zqa:rebuild-read'), blobs: await part('zqa:rebuild-blobs'), write: await part('zqa:rebuild-write') };
    const counts = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open('zqa');
          r.onerror = () => reject(r.error);
          r.onsuccess = () => {
            const tx = r.result.transaction(['notes', 'attachments']);
            const n = tx.objectStore('notes').count();
            const a = tx.objectStore('attachments').count();
            tx.oncomplete = () => resolve({ notes: n.result, attachments: a.result });
          };
        }),
    );
    return { ms, parts, ...counts };
  } finally {
    await context.close();
  }
}

export default async function journalBench({ root }) {
  const server = await startServer({ port: PORT, root: join(root, 'dist/renderer') });
  const profiles = [await mkdtemp(join(tmpdir(), 'zqa-bench-journal-')), await mkdtemp(join(tmpdir(), 'zqa-bench-journal-seed-'))];
  try {
    // 1. A review built edit by edit through the app.
    const [profile, seeded] = profiles;
    let context = await launch(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.getByTestId('declaration-gate').waitFor();
    await page.getByTestId('confidentiality').click();
    await page.getByTestId('no-conflict').click();
    await page.getByTestId('sign-declaration').click();
    await page.getByTestId('review-overview').waitFor();
    const sentence = '现场查阅了质量例会纪要、战略分解表和关键过程控制记录，访谈了相关负责人，证据表明该做法已在主要部门展开并定期评价改进。';
    for (const [i, itemId] of ITEMS.entries()) {
      await page.goto(`${server.url}#/item/${itemId}`);
      await page.locator(`[data-testid="item-page"][data-item-id="${itemId}"]`).waitFor();
      for (let n = i; n < NOTES; n += ITEMS.length) {
        const input = page.getByTestId(n % 2 === 0 ? 'note-input-strength' : 'note-input-ofi');
        const before = await savedCount(page);
        await input.fill(`${n + 1}. ${sentence.repeat(1 + (n % 3))}`);
        await input.press('Control+Enter');
        await waitSaved(page, before);
      }
      const photos = Array.from({ length: PHOTOS / ITEMS.length }, (_, k) => ({ name: `现场照片-${itemId}-${k + 1}.jpg`, mimeType: 'image/jpeg', buffer: randomBytes(PHOTO_BYTES) }));
      const before = await savedCount(page);
      await page.getByTestId('attachment-input').setInputFiles(photos);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="attachment"]').length >= n, photos.length, { timeout: 120_000 });
      await waitSaved(page, before);
    }
    await context.close();
    const fromRecords = await rebuildAfterWipe(profile, server.url);
    if (fromRecords.notes !== NOTES || fromRecords.attachments !== PHOTOS) throw new Error(`rebuilt ${fromRecords.notes} notes and ${fromRecords.attachments} photos`);
    const again = await rebuildAfterWipe(profile, server.url);

    // 2. A journal started from a database that already held the review (written straight
    //    into IndexedDB, as a version without the journal would have left it).
    context = await launch(seeded);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.getByTestId('declaration-gate').waitFor();
    await page.evaluate(seedInPage, { notesCount: NOTES, photosCount: PHOTOS });
    await context.close();
    // No journal yet: its folder in the origin-private file system removed with the browser closed.
    await rm(join(seeded, 'Default', 'File System'), { recursive: true, force: true });
    context = await launch(seeded);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.getByTestId('journal-notice').waitFor({ timeout: 120_000 });
    const seededKind = await page.getByTestId('journal-notice').getAttribute('data-kind');
    if (seededKind !== 'seeded') throw new Error(`the start on the seeded database did ${seededKind}`);
    await context.close();
    const fromOne = await rebuildAfterWipe(seeded, server.url);

    const mb = (PHOTOS * PHOTO_BYTES) / 1024 / 1024;
    return [
      { id: 'journal.rebuildMs', name: `rebuild of the database from the journal after Chromium deleted it: ${NOTES} notes and ${PHOTOS} photos (${mb} MB) added one by one (${NOTES + PHOTOS + 1} records), start → rebuilt`, value: Math.round(fromRecords.ms), unit: 'ms' },
      { id: 'journal.rebuildHeadMs', name: '  of which: the journal worker started and the journal opened and checked (its head)', value: Math.round(fromRecords.parts.head), unit: 'ms' },
      { id: 'journal.rebuildReadMs', name: '  of which: the records read from the worker and folded', value: Math.round(fromRecords.parts.read), unit: 'ms' },
      { id: 'journal.rebuildBlobsMs', name: '  of which: the 50 photos fetched from the blob store (Files on disk)', value: Math.round(fromRecords.parts.blobs), unit: 'ms' },
      { id: 'journal.rebuildWriteMs', name: '  of which: one IndexedDB transaction writing every row and photo', value: Math.round(fromRecords.parts.write), unit: 'ms' },
      { id: 'journal.rebuildAgainMs', name: '  the same rebuild, a second time (the blob store warm in the OS cache)', value: Math.round(again.ms), unit: 'ms' },
      { id: 'journal.rebuildSeededMs', name: `  from a journal started on a database that held the review (one record; ${NOTES} notes, ${PHOTOS} canvas photos)`, value: Math.round(fromOne.ms), unit: 'ms' },
    ];
  } finally {
    await server.close();
    for (const p of profiles) await rm(p, { recursive: true, force: true });
  }
}
