import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { keysFor, openItem, savedCount, screenshot, signNoConflict, waitForSaved } from './support/app.js';
import { fieldSession } from './support/field-session.js';

/**
 * The day a laptop dies: the expert prints the paper scoresheet from the review's toolbar,
 * blank to score by hand, or filled with what this device holds; the PDF is read back.
 */
const session = fieldSession(5325);

async function printPaper(page: Page, which: 'blank' | 'filled', dir: string): Promise<string> {
  await page.getByTestId('paper-scoresheet').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`paper-${which}`).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await expect.poll(() => page.getByTestId('paper-outcome').last().getAttribute('data-outcome')).toBe('saved');
  return path;
}

describe('the paper scoresheet', () => {
  it('prints blank and filled from the review toolbar, in the review’s own names and scores', { timeout: 180_000 }, async () => {
    const { page } = await session.profile('paper');
    const dir = await session.folder('paper-files');
    await signNoConflict(page);

    // Score 4.1.2 at 55% as a person does: band, then step.
    await page.getByTestId('item-row-4.1.2').click();
    await openItem(page, '4.1.2');
    const before = await savedCount(page);
    for (const key of keysFor('process', 55)) await page.keyboard.press(key);
    await waitForSaved(page, before);
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('review-overview').waitFor();

    await page.getByTestId('paper-scoresheet').click();
    await page.getByTestId('paper-filled').waitFor();
    await screenshot(page, 'field-paper-01-menu');
    await page.keyboard.press('Escape');

    const blank = await printPaper(page, 'blank', dir);
    expect(blank).toMatch(/空白评分表\.pdf$/);
    const blankText = execFileSync('pdftotext', ['-layout', blank, '-'], { encoding: 'utf8' });
    expect(blankText).toContain('现场评审评分表（空白）');
    expect(blankText).toContain('4.7.5');
    expect(blankText).not.toMatch(/4\.1\.2\s+高层领导的作用\s+50\s+55/);

    const filled = await printPaper(page, 'filled', dir);
    const filledText = execFileSync('pdftotext', ['-layout', filled, '-'], { encoding: 'utf8' });
    expect(filledText).toContain('现场评审评分表（已填）');
    // 50 points at 55%: 27.50; the rest unscored, so no total yet.
    expect(filledText).toMatch(/4\.1\.2\s+高层领导的作用\s+50\s+55\s+27\.50/);
    expect(filledText).toContain('尚有条款未评分，总分待定');
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', filled, join('test-results/e2e', 'field-paper-02-filled')]);
  });
});
