// How long a screen takes to show, measured from navigation start (the benches report them):
// the review screen opened inside the running app from another workspace and from another
// tab, a page reload and a new window, and, as their floor, the same loads of a blank page
// (blank-page/) in the same Chromium. "Shown" is the moment the screen's content is in the
// DOM (for the review: the overview's progress text, after the reads it depends on and the
// render), noted by an observer injected before the page's own scripts.
/* global window, document, MutationObserver -- functions passed to page.evaluate run in the browser */
import { fileURLToPath } from 'node:url';
import { startServer } from '../renderer/serve.mjs';
import { benchPort } from './chromium-support.mjs';

/** The review screen with its data. */
export const REVIEW_SHOWN = '[data-testid="review-overview"] [data-testid="progress-text"]';
/** The first screen on an empty profile: the declaration of the demo review. */
export const DECLARATION_SHOWN = '[data-testid="declaration-gate"]';
/** The blank page's one line. */
export const BLANK_SHOWN = '[data-testid="blank-shown"]';

/** The blank page, served as the app is (renderer/serve.mjs) on a port of its own. */
export function startBlankServer(basePort) {
  return startServer({ port: benchPort(basePort), root: fileURLToPath(new URL('./blank-page/', import.meta.url)) });
}

/** Injected before the page's scripts: notes when any of `selectors` first matches. */
function watchForShown(selectors) {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selectors)) {
      window.__zqaShownAt = performance.now();
      performance.mark('zqa:shown');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Every page the context opens from now on notes when one of `selectors` (a selector list) shows. */
export function watchEveryPageFor(context, selectors) {
  return context.addInitScript(watchForShown, selectors.join(', '));
}

// Polled on a timer, not Playwright's default requestAnimationFrame: frames requested by the
// harness would change what the page does while it is measured.
export const waitShown = (page) => page.waitForFunction(() => typeof window.__zqaShownAt === 'number', undefined, { polling: 5 });

/** Navigation start → shown, for a page whose load was started. */
export async function shownAt(page) {
  await waitShown(page);
  return page.evaluate(() => window.__zqaShownAt);
}

/** Page reloads in one tab: navigation start → shown, and → the app's first line (zqa:boot). */
export async function pageReloads(page, url, count, from = 0) {
  const loads = [];
  const boots = [];
  for (let i = from; i < from + count; i++) {
    // A new query string forces a real page load (a hash change alone would not reload).
    await page.goto(`${url}?load=${i}#/`);
    loads.push(await shownAt(page));
    boots.push(await page.evaluate(() => performance.getEntriesByName('zqa:boot')[0]?.startTime ?? Number.NaN));
  }
  return { loads, boots };
}

/**
 * Each load in a new window (a new renderer process, as the app's window is at start): no
 * compiled or optimised code of a previous page in memory, only Chromium's disk caches.
 */
export async function newWindowLoads(context, url, count, from = 0) {
  const loads = [];
  for (let i = from; i < from + count; i++) {
    const page = await context.newPage();
    await page.goto(`${url}?window=${i}#/`);
    loads.push(await shownAt(page));
    await page.close();
  }
  return loads;
}

/** In the page: from a click on `testId` to the review screen showing its data. */
function timeClickToShown({ testId, shown }) {
  return new Promise((resolve) => {
    let start = 0;
    const observer = new MutationObserver(() => {
      if (document.querySelector(shown)) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    start = performance.now();
    document.querySelector(`[data-testid="${testId}"]`).click();
  });
}

/**
 * Inside the running app: the review screen opened from another workspace (本机身份 → 我的评审:
 * the whole expert workspace mounts and reads the reviews, the declaration, the scores and the
 * notes) and from another tab of the review (评分汇总 → 条款评分: the overview's own reads).
 */
export async function inAppOpens(page, count) {
  const fromWorkspace = [];
  const fromTab = [];
  for (let i = 0; i < count; i++) {
    await page.getByTestId('workspace-identity').click();
    await page.getByTestId('device-fingerprint').waitFor();
    fromWorkspace.push(await page.evaluate(timeClickToShown, { testId: 'workspace-review', shown: REVIEW_SHOWN }));
    await page.getByTestId('nav-summary').click();
    await page.getByTestId('summary').waitFor();
    fromTab.push(await page.evaluate(timeClickToShown, { testId: 'nav-overview', shown: REVIEW_SHOWN }));
  }
  return { fromWorkspace, fromTab };
}

/**
 * One more page load under a Chromium trace: the renderer main thread's CPU time (thread
 * time, not wall time) from navigation start to the screen shown (the page must be watched,
 * watchEveryPageFor). Wall time on a shared machine stretches with its load; this is the
 * work itself, the floor on an idle machine.
 */
export async function mainThreadCpuOfLoad(context, page, url) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,toplevel,loading', transferMode: 'ReturnAsStream' });
  await page.goto(url);
  await waitShown(page);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  const parsed = JSON.parse(text);
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)?.ts;
  const shown = events.find((e) => e.name === 'zqa:shown')?.ts;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  if (start === undefined || shown === undefined || main.size === 0) throw new Error('the trace lacks navigation start, the shown mark or the main thread');
  let cpu = 0;
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`) && e.ts >= start && e.ts + e.dur <= shown) cpu += e.tdur ?? 0;
  }
  return { cpuMs: cpu / 1000, elapsedMs: (shown - start) / 1000 };
}
