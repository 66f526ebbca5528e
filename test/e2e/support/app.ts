import { testPort } from './ports.js';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { SCORING_BANDS, bandOf } from '../../../shared/criteria/bands.js';
import type { ItemKind } from '../../../shared/criteria/criteria-set.js';
import { DEFAULT_ROOT, startServer, type RunningServer } from '../../../renderer/serve.mjs';

/** IndexedDB is per origin including the port, so every run uses the same one. */
export const E2E_PORT = testPort(5290);
export const SCREENSHOT_DIR = 'test-results/e2e';

/** The browser host's server on the e2e port, over the built renderer (npm test builds it first). */
export async function startAppServer(): Promise<RunningServer> {
  if (!existsSync(`${DEFAULT_ROOT}/index.html`)) throw new Error(`no built renderer in ${DEFAULT_ROOT}: run "npm run build:renderer" before the e2e tests`);
  return startServer({ port: E2E_PORT });
}

/** `name` may name a sub-folder ("whole-loop/01-…"): a test's screenshots kept together. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

export async function savedCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('save-state').getAttribute('data-saved-count'));
}

/** Waits until the UI says "saved" for a write after `before`: the only thing a person sees. */
export async function waitForSaved(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector<HTMLElement>('[data-testid="save-state"]');
      return el?.dataset.state === 'saved' && Number(el.dataset.savedCount) > n;
    },
    before,
    { timeout: 10_000 },
  );
}

/** Ticks the confidentiality undertaking, declares no conflict, signs, and waits for the review. */
export async function signNoConflict(page: Page): Promise<void> {
  await page.getByTestId('declaration-gate').waitFor();
  await page.getByTestId('confidentiality').click();
  await page.getByTestId('no-conflict').click();
  await page.getByTestId('sign-declaration').click();
  await page.getByTestId('review-overview').waitFor();
}

/** The two digits that score `percent` on an item page: band (1–6), then step inside it. */
export function keysFor(kind: ItemKind, percent: number): [string, string] {
  const band = bandOf(kind, percent);
  const bandIndex = SCORING_BANDS[kind].indexOf(band) + 1;
  const stepIndex = (percent - band.min) / 5 + 1;
  return [String(bandIndex), String(stepIndex)];
}

export async function openItem(page: Page, itemId: string): Promise<void> {
  await page.locator(`[data-testid="item-page"][data-item-id="${itemId}"]`).waitFor();
}
