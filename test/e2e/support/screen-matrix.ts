import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOT_DIR } from './app.js';

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

/** Sets the language and font size as a person does, with the controls every screen carries. */
export async function applyVariant(page: Page, v: ScreenVariant): Promise<void> {
  await pickLanguage(page, v.language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(v.language === 'English' ? 'en' : 'zh-CN');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await pickFontSize(page, v.fontSize);
  await expect.poll(() => page.evaluate(() => document.documentElement.style.fontSize)).toBe(`${v.fontSize}px`);
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** The languages the settings offer, in their order (renderer/src/ui/layout/settings-controls.tsx). */
const LANGUAGES: readonly ScreenVariant['language'][] = ['中文', 'English'];

/**
 * Both settings are chosen with the keys, as a keyboard user does: the list opens on the
 * current value, the arrows move from it, Enter takes the option. A click on an option can
 * land on the page below while antd's list is still sliding open.
 */
async function pickByKeys(page: Page, testId: string, steps: number): Promise<void> {
  if (steps === 0) return;
  await page.mouse.move(0, 0);
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible').waitFor();
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  await page.keyboard.press('Enter');
}

async function pickLanguage(page: Page, language: ScreenVariant['language']): Promise<void> {
  const current = (await page.evaluate(() => document.documentElement.lang)) === 'en' ? 'English' : '中文';
  await pickByKeys(page, 'language-select', LANGUAGES.indexOf(language) - LANGUAGES.indexOf(current));
}

/** The font sizes the settings offer, in their order (renderer/src/ui/layout/settings-controls.tsx). */
const FONT_SIZES = [12, 14, 16, 18, 20, 22, 24, 28];

/** antd's Select draws only the options in view (a virtual list): at a large size the one wanted may not be in the page. */
async function pickFontSize(page: Page, size: number): Promise<void> {
  const current = Number.parseInt(await page.evaluate(() => document.documentElement.style.fontSize), 10);
  if (!FONT_SIZES.includes(size) || !FONT_SIZES.includes(current)) throw new Error(`no font size ${size} or ${current} in the settings`);
  await pickByKeys(page, 'font-size-select', FONT_SIZES.indexOf(size) - FONT_SIZES.indexOf(current));
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
