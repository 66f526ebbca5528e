// The renderer in Chromium (issue 6): first render on a fresh profile, and the JS heap after
// opening the largest review (23 items, 300 notes, 50 photos; seeded as scoresheet.bench does).
/* global document -- functions passed to page.evaluate run in the browser */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../renderer/serve.mjs';
import { benchPort, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-support.mjs';
import { seedInPage } from './scoresheet.bench.mjs';

const PORT = benchPort(5296);
const FRESH_LOADS = 5;
const MB = 1024 * 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Navigation start → the first screen with the app's content (the declaration), on an empty profile. */
async function firstRenders(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const shown = [];
    const paints = [];
    for (let i = 0; i < FRESH_LOADS; i++) {
      // A new context is a new, empty profile: nothing cached, no database, no keys yet.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByTestId('declaration-gate').waitFor();
      shown.push(await page.evaluate(() => performance.now()));
      paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
      await context.close();
    }
    return { shown, paints };
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
  try {
    const { shown, paints } = await firstRenders(server.url);
    const heap = await heapAfterLargestReview(server.url);
    return [
      { name: `renderer first render, empty profile: navigation → declaration screen shown, median of ${FRESH_LOADS} (first one ${Math.round(shown[0])} ms)`, value: median(shown), unit: 'ms', target: null, pass: null },
      { name: '  of which: first contentful paint, median', value: median(paints), unit: 'ms', target: null, pass: null },
      { name: 'JS heap after opening the largest review (overview + item with photos, after GC)', value: Math.round((heap.usedSize / MB) * 10) / 10, unit: 'MB', target: null, pass: null },
      { name: '  JS heap allocated (total)', value: Math.round((heap.totalSize / MB) * 10) / 10, unit: 'MB', target: null, pass: null },
      { name: '  DOM elements on that page', value: heap.nodes, unit: 'elements', target: null, pass: null },
    ];
  } finally {
    await server.close();
  }
}
