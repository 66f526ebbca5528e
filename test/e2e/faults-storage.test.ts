import { testPort } from './support/ports.js';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../renderer/serve.mjs';
import { openItem, savedCount, screenshot, signNoConflict, waitForSaved } from './support/app.js';
import { freshProfileDir, openProfile } from './support/chromium.js';
import { dumpDatabase } from './support/dump-database.js';

const PORT = testPort(5282);
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  server = await startServer({ port: PORT });
  dir = await freshProfileDir('faults-storage');
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs in the page before the app: while window.__zqaDiskFull is set, every put/add throws as a full disk does. */
function refuseWritesWhenDiskFull(): void {
  const flag = () => (window as unknown as { __zqaDiskFull?: boolean }).__zqaDiskFull === true;
  const proto = IDBObjectStore.prototype;
  for (const method of ['put', 'add'] as const) {
    const original = Reflect.get(proto, method) as (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest;
    Reflect.set(proto, method, function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (flag()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return Reflect.apply(original, this, key === undefined ? [value] : [value, key]);
    });
  }
}

describe('storage full while editing', () => {
  it('says so in Chinese, keeps the typed note on screen and what was saved in the database, and the retry saves it', async () => {
    const { context, page } = await openProfile(dir, server.url);
    await page.addInitScript(refuseWritesWhenDiskFull);
    await page.reload();
    await signNoConflict(page);
    await page.getByTestId('item-row-4.2.2').click();
    await openItem(page, '4.2.2');
    let before = await savedCount(page);
    await page.keyboard.press('5');
    await page.keyboard.press('3');
    await waitForSaved(page, before);
    const saved = await dumpDatabase(page);

    // A full disk as IndexedDB reports it: writes refused with QuotaExceededError. (Chromium's
    // CDP quota override, Storage.overrideQuotaForOrigin, did not make Chromium 156 refuse
    // IndexedDB writes here, so the refusal is injected at the object store, below Dexie.)
    await page.evaluate(() => ((window as unknown as { __zqaDiskFull: boolean }).__zqaDiskFull = true));
    const text = `现场核查发现的问题：${'关键工序记录不完整，'.repeat(400)}`;
    await page.getByTestId('note-input-ofi').fill(text);
    await page.getByTestId('note-input-ofi').press('Control+Enter');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('error');
    expect(await page.getByTestId('save-state').textContent()).toContain('本机存储空间已满');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存的内容不受影响');
    expect(await page.getByTestId('note-input-ofi').inputValue()).toBe(text);
    await screenshot(page, 'faults-storage-full');
    expect(await dumpDatabase(page)).toEqual(saved);

    // Space freed: the same keystroke saves what is still on screen.
    await page.evaluate(() => ((window as unknown as { __zqaDiskFull: boolean }).__zqaDiskFull = false));
    before = await savedCount(page);
    await page.getByTestId('note-input-ofi').press('Control+Enter');
    await waitForSaved(page, before);
    expect(await page.getByTestId('note-input-ofi').inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('notes-ofi').getByTestId('note-text').allTextContents()).toEqual([text]);
    await context.close();
  });
});
