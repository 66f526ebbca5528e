import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { IdentityCard } from '../../../shared/identity/identity-card.js';
import { makeIdentityCard } from '../../../shared/identity/identity-card.js';

/**
 * Helpers for the leader's e2e: the secretariat is simulated in Node with the real shared
 * code (its own UI is another engineer's), the panel members are browser profiles with
 * their own non-extractable keys.
 */

/** Picks a file for the app's next file dialog, as a person would. */
export async function openFileWith(page: Page, click: () => Promise<void>, file: string | string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles(file);
}

/** Clicks something that saves a file, and keeps the download at `path`. */
export async function downloadTo(page: Page, click: () => Promise<void>, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  await (await download).saveAs(path);
  return path;
}

/**
 * The device's public keys as the secretariat's pool holds them (from the member's identity
 * card): read from the browser's key store. Only public halves can be exported; the private
 * keys are non-extractable CryptoKeys and never leave the browser.
 */
export async function deviceCard(page: Page, name: string, organisation: string): Promise<IdentityCard> {
  await page.getByTestId('device-badge').waitFor();
  const keys = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('zqa-keys');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('cannot open zqa-keys'));
    });
    const record = await new Promise<{ signing: CryptoKeyPair; encryption: CryptoKeyPair }>((resolve, reject) => {
      const q = db.transaction('keys').objectStore('keys').get('device');
      q.onsuccess = () => resolve(q.result as { signing: CryptoKeyPair; encryption: CryptoKeyPair });
      q.onerror = () => reject(q.error ?? new Error('no device keys'));
    });
    db.close();
    const b64 = async (k: CryptoKey) => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('spki', k))));
    return { signingKey: await b64(record.signing.publicKey), encryptionKey: await b64(record.encryption.publicKey) };
  });
  return makeIdentityCard({ name, organisation, role: 'expert' }, keys);
}

/** Sets who uses the device and trusts the secretariat's card after reading its fingerprint. */
export async function setUpDevice(page: Page, name: string, organisation: string, secretariatCardFile: string): Promise<void> {
  await openWorkspace(page, 'identity');
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-organisation').fill(organisation);
  await page.getByTestId('profile-save').click();
  await openFileWith(page, () => page.getByTestId('anchor-import').click(), secretariatCardFile);
  await page.getByTestId('anchor-confirm').click();
  await page.getByTestId('anchor-fingerprint').waitFor();
}

export async function writeTemp(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/**
 * Opens a workspace from the shell's row of workspaces (it wraps rather than folds, so every
 * entry this device may open is on screen once the shell has rendered).
 */
export async function openWorkspace(page: Page, key: string): Promise<void> {
  const item = page.getByTestId(`workspace-${key}`);
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await item.isVisible()) return item.click();
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: `test-results/e2e/leader-no-workspace-${key}.png` });
  throw new Error(`the shell shows no "${key}" workspace`);
}

/**
 * Opens one of the leader's tabs and waits until it is the selected one, so a click that
 * missed says so here rather than as a later wait for something on that tab.
 */
export async function openLeaderTab(page: Page, key: 'matrix' | 'consensus' | 'overall' | 'report'): Promise<void> {
  await page.getByTestId(`leader-tab-${key}`).click();
  await page.locator(`[role="tab"][aria-selected="true"] [data-testid="leader-tab-${key}"]`).waitFor({ timeout: 5_000 });
}

/** On the overall tab: the panel's evaluation and key strengths written; the recommendation follows from the consensus. */
export async function writeOverallEvaluation(page: Page): Promise<void> {
  await page.getByTestId('overall-evaluation').fill('该单位以顾客为中心的经营理念清晰，过程管理基础扎实，结果指标总体向好。');
  await page.getByTestId('key-strengths').fill('质量管理体系运行有效\n关键过程受控');
  await page.getByTestId('key-strengths').blur();
  await expect.poll(() => page.getByTestId('recommendation-value').textContent()).toMatch(/建议|不予推荐/);
}
