import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/app.js';
import { leaderDeviceWithAssignment } from './support/field-device.js';
import { fieldSession, pickOption } from './support/field-session.js';
import { openWorkspace } from './support/leader-panel.js';

/**
 * The language and font-size controls are on every screen a person meets, the declaration
 * shown first included, and the device's fingerprint is labelled and copies whole: at the
 * secretariat's laptop size, 1366 × 768.
 */
const session = fieldSession(5322);

const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

/** Both controls are on the page, usable, and inside the window (not pushed off to the right). */
async function expectControls(page: Page): Promise<void> {
  for (const id of ['language-select', 'font-size-select']) {
    const control = page.getByTestId(id);
    await control.waitFor();
    expect(await control.count(), id).toBe(1);
    const box = (await control.boundingBox())!;
    expect(box.x + box.width, id).toBeLessThanOrEqual(1366);
  }
}

describe('the language and font-size controls on every screen', () => {
  it('are on the declaration first shown, the countersign, identity, backup, leader and secretariat pages; the fingerprint is labelled and copyable', { timeout: 180_000 }, async () => {
    const { page, context } = await session.profile('controls');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });

    // The first screen is the demo's declaration: the controls are there before signing.
    await page.getByTestId('declaration-gate').waitFor();
    await expectControls(page);
    const badge = page.getByTestId('device-badge');
    expect(await badge.textContent()).toContain('本机指纹');
    const fingerprint = (await badge.locator('.zqa-fingerprint').textContent())!;
    await badge.getByTestId('device-badge-copy').click();
    await expect.poll(() => badge.getByRole('status').textContent()).toBe('已复制');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(fingerprint);
    await screenshot(page, 'field-controls-01-declaration-zh');
    await pickOption(page, 'language-select', 'English');
    await expect.poll(() => page.getByTestId('declaration-gate').textContent()).toMatch(/declar/i);
    expect(await badge.textContent()).toContain('Fingerprint');
    await screenshot(page, 'field-controls-02-declaration-en');
    await pickOption(page, 'language-select', '中文');
    await pickOption(page, 'font-size-select', '20');
    await expect.poll(() => rootFontSize(page)).toBe('20px');
    await screenshot(page, 'field-controls-03-declaration-large');
    await pickOption(page, 'font-size-select', '14');

    for (const key of ['countersign', 'identity', 'backup']) {
      await openWorkspace(page, key);
      await expectControls(page);
      await screenshot(page, `field-controls-04-${key}`);
    }

    // The leader's workspace, on a device an assignment names leader.
    const work = await session.folder('controls-files');
    await leaderDeviceWithAssignment(page, work);
    await openWorkspace(page, 'leader');
    await page.getByTestId('leader-independence').waitFor();
    await expectControls(page);
    // Nothing in the bar hides another: the badge starts after the last menu item.
    const lastItem = (await page.locator('.zqa-shell-bar [role="menuitem"]:visible').last().boundingBox())!;
    expect((await badge.boundingBox())!.x).toBeGreaterThanOrEqual(lastItem.x + lastItem.width);
    await screenshot(page, 'field-controls-05-leader');

    // A secretariat's device.
    const sec = await session.profile('controls-secretariat');
    await openWorkspace(sec.page, 'identity');
    await sec.page.getByTestId('profile-name').fill('张敏');
    await sec.page.getByTestId('profile-organisation').fill('郑州市市长质量奖评审委员会秘书处');
    await sec.page.getByText('秘书处', { exact: true }).click();
    await sec.page.getByTestId('profile-save').click();
    await openWorkspace(sec.page, 'secretariat');
    await expectControls(sec.page);
    await pickOption(sec.page, 'language-select', 'English');
    await expect.poll(() => sec.page.getByTestId('workspace-secretariat').textContent()).toBe('Secretariat');
    await screenshot(sec.page, 'field-controls-06-secretariat-en');
    expect([...session.profiles.flatMap((p) => p.errors)].filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
