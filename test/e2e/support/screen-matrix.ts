import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOT_DIR } from './app.js';
import { pickOption } from './field-session.js';

/**
 * Every role's main screens as a panel sees them on a 1366 × 768 laptop: in Chinese and in
 * English, at the default and at a large font size. Each screen is written to
 * `test-results/e2e/field-screens/<variant>/<name>.png` (to be looked at) and checked for the
 * two faults a person would see at once: a page wider than the screen, and a translation key
 * shown instead of its text.
 */
export interface ScreenVariant {
  name: string;
  language: '中文' | 'English';
  fontSize: number;
}

export const SCREEN_VARIANTS: readonly ScreenVariant[] = [
  { name: 'zh-14', language: '中文', fontSize: 14 },
  { name: 'en-14', language: 'English', fontSize: 14 },
  { name: 'zh-24', language: '中文', fontSize: 24 },
  { name: 'en-24', language: 'English', fontSize: 24 },
];

export const SCREEN_FOLDER = `${SCREENSHOT_DIR}/field-screens`;

/** A catalogue key left in the page: a namespace of the app's catalogues, a dot, a camelCase name. */
const RAW_KEY = /\b(?:app|workspaces|settings|leader|expert|review|secretariat|identity|backup|countersign|packages|faults|journal|punct|item|notes|declaration|scoring)\.[a-z][A-Za-z]+(?:\.[A-Za-z]+)*\b/g;
const FILE_NAME = /\.(?:zqa|pdf|xlsx|json|png|jpe?g|csv)$/;

/** The font sizes the settings offer (renderer/src/ui/layout/settings-controls.tsx). */
const FONT_SIZES = [12, 14, 16, 18, 20, 22, 24, 28];

/** Sets the language and font size as a person does, with the controls every screen carries. */
export async function applyVariant(page: Page, v: ScreenVariant): Promise<void> {
  if (!FONT_SIZES.includes(v.fontSize)) throw new Error(`no font size ${v.fontSize} in the settings`);
  await pickOption(page, 'language-select', v.language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(v.language === 'English' ? 'en' : 'zh-CN');
  await pickOption(page, 'font-size-select', ` ${v.fontSize}`);
  await expect.poll(() => page.evaluate(() => document.documentElement.style.fontSize)).toBe(`${v.fontSize}px`);
}

/** Writes the screen's picture and checks it fits the laptop's width and shows no raw key. */
export async function checkScreen(page: Page, variant: ScreenVariant, name: string): Promise<void> {
  // Let antd's tab ink and table layout settle before measuring.
  await page.waitForTimeout(300);
  const path = `${SCREEN_FOLDER}/${variant.name}/${name}.png`;
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name} at ${variant.name} is wider than the 1366 px screen`).toBeLessThanOrEqual(1366);
  const text = await page.evaluate(() => document.body.innerText);
  const keys = [...text.matchAll(RAW_KEY)].map((m) => m[0]).filter((k) => !FILE_NAME.test(k));
  expect(keys, `${name} at ${variant.name} shows catalogue keys`).toEqual([]);
}

/** Runs `visit` once per variant, and leaves the device in Chinese at the default size. */
export async function forEachVariant(page: Page, visit: (v: ScreenVariant) => Promise<void>): Promise<void> {
  for (const v of SCREEN_VARIANTS) {
    await applyVariant(page, v);
    await visit(v);
  }
  await applyVariant(page, SCREEN_VARIANTS[0]!);
}
