import { testPort } from './support/ports.js';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../renderer/serve.mjs';
import { screenshot, signNoConflict } from './support/app.js';
import { freshProfileDir, openProfile } from './support/chromium.js';
import { dumpDatabase } from './support/dump-database.js';
import { installFakeElectronHost } from './support/fake-electron-host.js';

const PORT = testPort(5283);
const PASS = '只读文件夹测试口令 2026';
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  server = await startServer({ port: PORT });
  dir = await freshProfileDir('faults-files');
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

type Saved = { name: string; bytes: Uint8Array }[];

describe('a target folder that is full, read-only or gone (the desktop host’s file errors)', () => {
  it('names each fault in Chinese, changes nothing, and the retry saves the same file', async () => {
    const { context, page } = await openProfile(dir, 'about:blank');
    await page.addInitScript(installFakeElectronHost);
    await page.goto(server.url);
    await signNoConflict(page);
    const before = await dumpDatabase(page);
    await page.evaluate(() => ((window as unknown as { __zqaSaveFaults: string[] }).__zqaSaveFaults = ['disk-full', 'read-only', 'not-found']));

    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await page.getByTestId('backup-passphrase').fill(PASS);
    await page.getByTestId('backup-passphrase-confirm').fill(PASS);
    await page.getByTestId('backup-create').click();
    const error = page.getByTestId('backup-error');
    await expect.poll(() => error.textContent(), { timeout: 20_000 }).toContain('磁盘空间不足，文件未保存');
    await screenshot(page, 'faults-disk-full');
    await page.getByTestId('backup-retry').click();
    await expect.poll(() => error.textContent()).toContain('目标文件夹不可写入');
    await page.getByTestId('backup-retry').click();
    await expect.poll(() => error.textContent()).toContain('目标文件夹不存在');
    await page.getByTestId('backup-retry').click();
    await page.getByTestId('backup-saved').waitFor();
    expect(await page.getByTestId('backup-saved').textContent()).toContain('/media/usb/评审数据备份-');

    const saved = await page.evaluate(() =>
      (window as unknown as { __zqaSaved: Saved }).__zqaSaved.map((f) => ({ name: f.name, head: [...f.bytes.subarray(0, 4)], backup: new TextDecoder('latin1').decode(f.bytes).includes('"format":"zqa-database-backup"') })),
    );
    expect(saved).toHaveLength(1);
    // A backup of format version 3: a zip whose signed manifest names the format.
    expect(String.fromCharCode(...saved[0]!.head)).toBe('PK\u0003\u0004');
    expect(saved[0]!.backup).toBe(true);
    expect(await dumpDatabase(page)).toEqual(before);
    await context.close();
  });
});
