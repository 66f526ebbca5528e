import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium with the flags measured to work on these machines; never a downloaded browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function freshProfileDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `zqa-e2e-${label}-`));
}

export interface Profile {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors (CSP violations included), for tests to assert on. */
  errors: string[];
}

/** Opens a persistent profile (its IndexedDB survives a close) on the app's URL. */
export async function openProfile(userDataDir: string, url: string, viewport = { width: 1280, height: 900 }): Promise<Profile> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { context, page, errors };
}

/**
 * The browser process of a profile: the Chromium whose command line names this user-data
 * dir and that is not a child (--type=renderer, gpu, …). Found in /proc so a test can
 * SIGKILL exactly its own browser, as a crash or a pulled plug would.
 */
export function browserPidOf(userDataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string[];
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmdline.includes(`--user-data-dir=${userDataDir}`) && !cmdline.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no Chromium browser process for ${userDataDir}`);
}

export async function waitForExit(pid: number, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`process ${pid} still running after ${timeoutMs} ms`);
}

/**
 * What Chromium's recovery does to a store it finds corrupted, done to a closed profile: the
 * origin's IndexedDB folders (its LevelDB and its Blob files) deleted whole, every database of
 * the origin with them (the browser host's device keys too). Returns how many were removed.
 */
export async function deleteIndexedDb(userDataDir: string): Promise<number> {
  const dir = join(userDataDir, 'Default', 'IndexedDB');
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('http_127.0.0.1_')) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
