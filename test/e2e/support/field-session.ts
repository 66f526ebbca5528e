import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEFAULT_ROOT, startServer, type RunningServer } from '../../../renderer/serve.mjs';
import { freshProfileDir, openProfile, type Profile } from './chromium.js';
import { testPort } from './ports.js';

/** The secretariat's laptop: every field-readiness test looks at this size. */
export const LAPTOP = { width: 1366, height: 768 };

export interface FieldSession {
  /** A fresh browser profile on this file's server, closed after the file. */
  profile(label: string): Promise<Profile>;
  /** A fresh folder for files, removed after the file. */
  folder(label: string): Promise<string>;
  /** Every profile this file opened (for their logged errors). */
  readonly profiles: readonly Profile[];
}

/** One server on the file's own port (its own IndexedDB origin), profiles and folders cleaned up after. */
export function fieldSession(basePort: number): FieldSession {
  let server: RunningServer | undefined;
  const profiles: Profile[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    // ZQA_E2E_ROOT serves another build (as packages-exchange does): a test run while the tree's own dist/ is in use.
    server = await startServer({ port: testPort(basePort), root: process.env.ZQA_E2E_ROOT ?? DEFAULT_ROOT });
  });
  afterAll(async () => {
    for (const p of profiles) await p.context.close().catch(() => undefined);
    await server?.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  const folder = async (label: string) => {
    const dir = await freshProfileDir(label);
    dirs.push(dir);
    return dir;
  };
  return {
    profiles,
    folder,
    async profile(label) {
      if (!server) throw new Error('the server starts in beforeAll');
      const p = await openProfile(await folder(label), server.url, LAPTOP);
      profiles.push(p);
      return p;
    },
  };
}

/**
 * Picks an option of a select as a person does. The header's settings are the page's own
 * `<select>` (the browser's list: the option whose text holds `label` is chosen); the
 * others are antd Selects (opened, then the option clicked).
 */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  const control = page.getByTestId(testId);
  const native = await control.evaluate((el) => (el instanceof HTMLSelectElement ? [...el.options].map((o) => ({ value: o.value, text: o.text })) : null));
  if (native) {
    const option = native.find((o) => o.text.includes(label));
    if (!option) throw new Error(`${testId} has no option "${label}" (it has ${native.map((o) => o.text).join(', ')})`);
    await control.selectOption(option.value);
    // The select is the app's setting: it shows the choice once the host has saved it (until
    // then React puts the old one back), so a reload right after finds it kept.
    await expect.poll(() => control.inputValue(), { timeout: 10_000 }).toBe(option.value);
    return;
  }
  await control.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}
