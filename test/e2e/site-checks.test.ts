import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../renderer/serve.mjs';
import { startAppServer, savedCount, screenshot, signNoConflict, waitForSaved } from './support/app.js';
import { freshProfileDir, openProfile } from './support/chromium.js';

let server: RunningServer;
let profile: string;

beforeAll(async () => {
  server = await startAppServer();
  profile = await freshProfileDir('checks');
});
afterAll(async () => {
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

describe('site-visit issues and Art. 14 exclusion checks', () => {
  it('records findings and flags, and the summary says a flag ends the review', async () => {
    const first = await openProfile(profile, server.url);
    const { page } = first;
    await signNoConflict(page);

    await page.getByTestId('nav-site-issues').click();
    await page.getByTestId('site-issues').waitFor();
    let before = await savedCount(page);
    await page.getByTestId('site-issue-status-si-2').getByText('已证实').click();
    await waitForSaved(page, before);
    before = await savedCount(page);
    await page.getByTestId('site-issue-note-si-2').fill('抽查 5 起投诉，均有受理、分析、整改和验证记录');
    await waitForSaved(page, before); // typed text saves itself after a pause
    await screenshot(page, '09-site-issues');

    await page.getByTestId('nav-exclusions').click();
    await page.getByTestId('exclusions').waitFor();
    before = await savedCount(page);
    await page.getByTestId('exclusion-5-clear').click();
    await waitForSaved(page, before);
    // A flag waits for its note: nothing is written until the note says what was found.
    await page.getByTestId('exclusion-6-flagged').click();
    before = await savedCount(page);
    await page.getByTestId('exclusion-6-note').fill('2025 年 3 月发生一起重伤事故，已被应急管理部门认定为责任事故');
    await waitForSaved(page, before);
    await screenshot(page, '10-exclusions');
    await first.context.close();

    const second = await openProfile(profile, server.url);
    const again = second.page;
    await again.getByTestId('review-overview').waitFor();
    // The pages read the database after they mount: wait for what was saved to be shown (a
    // loss still fails, after the poll's timeout) instead of reading the first render.
    await again.getByTestId('nav-site-issues').click();
    await again.getByTestId('site-issues').waitFor();
    await expect.poll(() => again.getByTestId('site-issue-note-si-2').inputValue()).toBe('抽查 5 起投诉，均有受理、分析、整改和验证记录');
    await expect.poll(() => again.getByTestId('site-issue-status-si-2').locator('.ant-segmented-item-selected').textContent()).toBe('已证实');
    await again.getByTestId('nav-exclusions').click();
    await again.getByTestId('exclusions').waitFor();
    await expect.poll(() => again.getByTestId('exclusion-5').getByRole('radio', { name: '确认无此情形' }).isChecked()).toBe(true);
    await expect.poll(() => again.getByTestId('exclusion-6-note').inputValue()).toContain('重伤事故');
    await again.getByTestId('nav-summary').click();
    expect(await again.getByTestId('summary-flagged').textContent()).toContain('第 6 项');
    await second.context.close();
  });
});
