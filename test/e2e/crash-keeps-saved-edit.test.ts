import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../renderer/serve.mjs';
import { startAppServer, openItem, savedCount, signNoConflict, waitForSaved } from './support/app.js';
import { browserPidOf, freshProfileDir, openProfile, waitForExit } from './support/chromium.js';

let server: RunningServer;
let profile: string;

beforeAll(async () => {
  server = await startAppServer();
  profile = await freshProfileDir('crash');
});
afterAll(async () => {
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

describe('a hard kill right after an edit', () => {
  it('keeps every edit the UI showed as saved, and the notes still being typed', async () => {
    const first = await openProfile(profile, server.url);
    const { page } = first;
    await signNoConflict(page);
    await page.getByTestId('item-row-4.2.2').click();
    await openItem(page, '4.2.2');

    let before = await savedCount(page);
    await page.keyboard.press('5'); // band 70–85%
    await page.keyboard.press('3'); // third step: 80%
    await waitForSaved(page, before);
    before = await savedCount(page);
    await page.getByTestId('note-input-ofi').fill('战略部署的监测指标缺少目标值');
    await page.getByTestId('note-input-ofi').press('Control+Enter');
    // Only the indicator: no reload, no read-back, no grace period before the kill.
    await waitForSaved(page, before);
    // A strength typed but not added, and an observation's place: drafts, in localStorage,
    // which Chromium writes to disk about five seconds after a change (note-drafts.ts).
    await page.getByTestId('note-input-strength').fill('高层领导每月主持质量例会，尚未写完');
    await page.getByTestId('notes-observation').getByTestId('evidence-place').fill('总装车间');
    await page.waitForTimeout(6000);

    const pid = browserPidOf(profile);
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid);
    await first.context.close().catch(() => undefined);

    const second = await openProfile(profile, server.url);
    await second.page.getByTestId('review-overview').waitFor();
    expect(await second.page.getByTestId('percent-4.2.2').textContent()).toBe('80%');
    await second.page.getByTestId('item-row-4.2.2').click();
    await openItem(second.page, '4.2.2');
    await expect.poll(() => second.page.getByTestId('notes-ofi').getByTestId('note-text').allTextContents()).toEqual(['战略部署的监测指标缺少目标值']);
    // The added note left no draft; the unfinished ones are back in their editors, on their item only.
    expect(await second.page.getByTestId('note-input-ofi').inputValue()).toBe('');
    expect(await second.page.getByTestId('note-input-strength').inputValue()).toBe('高层领导每月主持质量例会，尚未写完');
    expect(await second.page.getByTestId('notes-observation').getByTestId('evidence-place').inputValue()).toBe('总装车间');
    expect(await second.page.getByTestId('notes-strength').getByTestId('note-text').count()).toBe(0);
    await second.page.getByTestId('next-item').click();
    await openItem(second.page, '4.2.3');
    expect(await second.page.getByTestId('note-input-strength').inputValue()).toBe('');
    await second.page.getByTestId('prev-item').click();
    await openItem(second.page, '4.2.2');
    expect(await second.page.getByTestId('note-input-strength').inputValue()).toBe('高层领导每月主持质量例会，尚未写完');
    await second.context.close();
  });
});
