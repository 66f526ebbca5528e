import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { IdentityCard } from '../../../shared/identity/identity-card.js';
import { EMPTY_TRUST_STORE } from '../../../shared/identity/trust-store.js';
import { importPackage } from '../../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../../shared/packages/revision.js';

/**
 * Passing package files between browser profiles the way people pass USB sticks: a download
 * in one profile lands in the test's folder, a file chooser in another picks it up.
 */

/** Clicks `testId`, waits for the download it starts, and keeps the file in `dir`. */
export async function downloadFrom(page: Page, testId: string, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Clicks `testId`, which opens a file chooser, and gives it `path`. */
export async function chooseFile(page: Page, testId: string, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
  await chooser.setFiles(path);
}

/** Waits for an outcome message of `kind` (and with `hasText`, when given) to appear; messages stack, older ones fade. */
export async function waitForOutcome(page: Page, kind: string, hasText?: string, testId = 'import-outcome'): Promise<string> {
  let el = page.locator(`[data-testid="${testId}"][data-outcome="${kind}"]`);
  if (hasText) el = el.filter({ hasText });
  await el.last().waitFor({ timeout: 20_000 });
  return (await el.last().textContent()) ?? '';
}

/** Enters who uses this profile's device on the identity page and saves it. */
export async function setUpIdentity(page: Page, name: string, organisation: string): Promise<void> {
  await page.getByTestId('workspace-identity').click();
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-organisation').fill(organisation);
  await page.getByTestId('profile-save').click();
  await page.getByTestId('device-badge').filter({ hasText: name }).waitFor();
}

/** Reads an identity card package as the secretariat's device would (self-signed, checked). */
export async function readCardFile(path: string): Promise<IdentityCard> {
  const imported = await importPackage(new Uint8Array(await readFile(path)), { keys: null, trust: EMPTY_TRUST_STORE, accept: ['identity-card'], history: NO_HISTORY, held: null });
  if (!imported.ok || imported.value.type !== 'identity-card') throw new Error(`not a card: ${imported.ok ? imported.value.type : imported.error.message}`);
  return imported.value.content;
}

export async function writeBytes(path: string, bytes: Uint8Array): Promise<string> {
  await writeFile(path, bytes);
  return path;
}

/** Waits until no CSS transition or animation runs (a drawer sliding in), so a screenshot shows the settled page. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 });
}
