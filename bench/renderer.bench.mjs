// The renderer in Chromium: the first render on an empty profile (an expert's first start:
// nothing cached, no database, no keys), beside a blank page's load on an empty profile in
// the same Chromium taken in turns with it (the runner reports the ratio); what the browser
// fetched before that first screen; its main-thread CPU time from a Chromium trace; and the
// JS heap after opening the largest review (23 items, 300 notes, 50 photos; seeded as
// scoresheet.bench does).
/* global document, window -- functions passed to page.evaluate run in the browser */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../renderer/serve.mjs';
import { benchPort, CHROMIUM_ARGS, CHROMIUM_PATH, percentile } from './chromium-support.mjs';
import { seedInPage } from './scoresheet.bench.mjs';
import { BLANK_SHOWN, DECLARATION_SHOWN, mainThreadCpuOfLoad, shownAt, startBlankServer, watchEveryPageFor } from './scoresheet-load.mjs';

const PORT = benchPort(5296);
const BLANK_PORT = 5295;
const FRESH_LOADS = 7;
const MB = 1024 * 1024;

export const IDS = [
  'start.emptyProfile', 'start.emptyProfileFcp', 'start.emptyProfileCpuMs', 'start.blankEmptyProfile', 'bundle.fetchedBeforeFirstScreen',
  'heap.usedMB', 'heap.totalMB', 'heap.domElements',
];

/** In the page: the JS and CSS it fetched (decoded bytes) before the first screen showed. */
function codeFetchedBefore() {
  const shown = window.__zqaShownAt;
  return performance
    .getEntriesByType('resource')
    .filter((r) => r.responseEnd <= shown && /\.(js|css)(\?|$)/.test(new URL(r.name).pathname))
    .reduce((n, r) => n + r.decodedBodySize, 0);
}

/** One load of `url` in a new, empty profile: navigation start → `selector` shown, and its first contentful paint. */
async function emptyProfileLoad(browser, url, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await watchEveryPageFor(context, [selector]);
    const page = await context.newPage();
    await page.goto(url);
    const shown = await shownAt(page);
    // The first screen is the first content now: its paint may come just after it is in the DOM.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { polling: 5, timeout: 10_000 }).catch(() => undefined);
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
    const fetched = await page.evaluate(codeFetchedBefore);
    return { shown, paint, fetched };
  } finally {
    await context.close();
  }
}

/** Navigation start → the declaration shown on an empty profile, in turns with a blank page's load. */
async function firstRenders(url, blankUrl) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const app = [];
    const blank = [];
    for (let i = 0; i < FRESH_LOADS; i++) {
      app.push(await emptyProfileLoad(browser, url, DECLARATION_SHOWN));
      blank.push(await emptyProfileLoad(browser, blankUrl, BLANK_SHOWN));
    }
    // One more, traced: the main thread's own work, which the machine's load does not stretch.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await watchEveryPageFor(context, [DECLARATION_SHOWN]);
    const traced = await mainThreadCpuOfLoad(context, await context.newPage(), url);
    await context.close();
    return { app, blank, traced };
  } finally {
    await browser.close();
  }
}

/** Opens the seeded review (overview, then its busiest item page) and reads the heap after a full GC. */
async function heapAfterLargestReview(url) {
  const dir = await mkdtemp(join(tmpdir(), 'zqa-bench-heap-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.getByTestId('declaration-gate').waitFor();
    await page.evaluate(seedInPage, { notesCount: 300, photosCount: 50 });
    await page.goto(`${url}?heap=1#/`);
    await page.getByTestId('review-overview').waitFor();
    await page.goto(`${url}?heap=1#/item/4.4.2`);
    await page.locator('[data-testid="attachment"]').first().waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { usedSize, totalSize, nodes };
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export default async function rendererBench({ root }) {
  const server = await startServer({ port: PORT, root: join(root, 'dist/renderer') });
  const blankServer = await startBlankServer(BLANK_PORT);
  try {
    const { app, blank, traced } = await firstRenders(server.url, blankServer.url);
    const heap = await heapAfterLargestReview(server.url);
    const median = (xs) => percentile(xs, 50);
    return [
      { id: 'start.emptyProfile', name: `renderer first render, empty profile: navigation → declaration screen shown, median of ${app.length} (first one ${Math.round(app[0].shown)} ms)`, value: median(app.map((l) => l.shown)), unit: 'ms' },
      { id: 'start.emptyProfileFcp', name: '  of which: first contentful paint, median', value: median(app.map((l) => l.paint)), unit: 'ms' },
      { id: 'start.emptyProfileCpuMs', name: `  main-thread CPU time of one such load, navigation → declaration shown (Chromium trace, thread time; that load took ${Math.round(traced.elapsedMs)} ms)`, value: Math.round(traced.cpuMs), unit: 'ms' },
      { id: 'start.blankEmptyProfile', name: `  a blank page on an empty profile in the same Chromium, taken in turns with the app's, median of ${blank.length}`, value: median(blank.map((l) => l.shown)), unit: 'ms' },
      { id: 'bundle.fetchedBeforeFirstScreen', name: '  JS + CSS the browser fetched before the declaration showed (decoded), median', value: Math.round((median(app.map((l) => l.fetched)) / MB) * 1000) / 1000, unit: 'MB' },
      { id: 'heap.usedMB', name: 'JS heap after opening the largest review (overview + item with photos, after GC)', value: Math.round((heap.usedSize / MB) * 10) / 10, unit: 'MB' },
      { id: 'heap.totalMB', name: '  JS heap allocated (total)', value: Math.round((heap.totalSize / MB) * 10) / 10, unit: 'MB' },
      { id: 'heap.domElements', name: '  DOM elements on that page', value: heap.nodes, unit: 'elements' },
    ];
  } finally {
    await server.close();
    await blankServer.close();
  }
}
