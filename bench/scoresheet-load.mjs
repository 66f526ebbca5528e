// How long the review screen takes to show its data, measured four ways (scoresheet.bench.mjs
// reports them): opened inside the running app from another workspace and from another tab,
// a page reload, and a new window. "Shown" is the moment the overview's progress text is in
// the DOM, after the reads it depends on and the render.
/* global window, document, MutationObserver -- functions passed to page.evaluate run in the browser */

const SHOWN = '[data-testid="review-overview"] [data-testid="progress-text"]';

/** Injected before the app's scripts: notes when the review screen first shows its data. */
function watchForOverview(shown) {
  const observer = new MutationObserver(() => {
    if (document.querySelector(shown)) {
      window.__zqaOverviewAt = performance.now();
      performance.mark('zqa:overview-shown');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Every page the context opens from now on notes when the review screen shows its data. */
export function watchEveryPageForOverview(context) {
  return context.addInitScript(watchForOverview, SHOWN);
}

// Polled on a timer, not Playwright's default requestAnimationFrame: frames requested by the
// harness would change what the page does while it is measured.
const waitShown = (page) => page.waitForFunction(() => typeof window.__zqaOverviewAt === 'number', undefined, { polling: 5 });

/** Page reloads in one tab: navigation start → shown, and → the app's first line (zqa:boot). */
export async function pageReloads(page, url, count) {
  const loads = [];
  const boots = [];
  for (let i = 0; i < count; i++) {
    // A new query string forces a real page load (a hash change alone would not reload).
    await page.goto(`${url}?load=${i}#/`);
    await waitShown(page);
    loads.push(await page.evaluate(() => window.__zqaOverviewAt));
    boots.push(await page.evaluate(() => performance.getEntriesByName('zqa:boot')[0]?.startTime ?? Number.NaN));
  }
  return { loads, boots };
}

/**
 * Each load in a new window (a new renderer process, as the app's window is at start): no
 * compiled or optimised code of a previous page in memory, only Chromium's disk caches.
 */
export async function newWindowLoads(context, url, count) {
  const loads = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    await page.goto(`${url}?window=${i}#/`);
    await waitShown(page);
    loads.push(await page.evaluate(() => window.__zqaOverviewAt));
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
    fromWorkspace.push(await page.evaluate(timeClickToShown, { testId: 'workspace-review', shown: SHOWN }));
    await page.getByTestId('nav-summary').click();
    await page.getByTestId('summary').waitFor();
    fromTab.push(await page.evaluate(timeClickToShown, { testId: 'nav-overview', shown: SHOWN }));
  }
  return { fromWorkspace, fromTab };
}

/**
 * One more page load under a Chromium trace: the renderer main thread's CPU time (thread
 * time, not wall time) from navigation start to the review data shown. Wall time on a shared
 * machine stretches with its load; this is the work itself, the floor on an idle machine.
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
  const shown = events.find((e) => e.name === 'zqa:overview-shown')?.ts;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  if (start === undefined || shown === undefined || main.size === 0) throw new Error('the trace lacks navigation start, the overview mark or the main thread');
  let cpu = 0;
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`) && e.ts >= start && e.ts + e.dur <= shown) cpu += e.tdur ?? 0;
  }
  return { cpuMs: cpu / 1000, elapsedMs: (shown - start) / 1000 };
}
