import type { Locator, Page } from 'playwright-core';

/**
 * Presses the confirmation dialog's OK (the primary button, or its only one) the way a person
 * does: after the dialog has finished opening, and then waits until it has gone. A dialog that
 * stays says why — its OK still busy, or the error the app showed — instead of leaving a later
 * poll to time out on a step that never ran.
 */
export async function confirmDialog(page: Page, content: Locator, timeout = 30_000): Promise<void> {
  await content.waitFor();
  const dialog = page.locator('.ant-modal-confirm').filter({ has: content });
  // antd's zoom-in is a CSS animation: a click while the box still grows can land on nothing.
  await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
  const buttons = dialog.locator('.ant-modal-confirm-btns button');
  const ok = (await buttons.count()) === 1 ? buttons : dialog.locator('.ant-modal-confirm-btns .ant-btn-primary');
  await ok.click();
  try {
    await content.waitFor({ state: 'detached', timeout });
  } catch {
    const busy = await ok.evaluate((el) => el.classList.contains('ant-btn-loading')).catch(() => false);
    const errors = await page.locator('.ant-message-error').allTextContents();
    throw new Error(`the confirmation did not close within ${timeout} ms after OK (${busy ? 'OK still busy' : 'OK not busy'}; error messages: ${errors.length ? errors.join(' | ') : 'none'})`);
  }
}
