import { testPort } from './support/ports.js';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../renderer/serve.mjs';
import { openItem, savedCount, screenshot, signNoConflict, waitForSaved } from './support/app.js';
import { freshProfileDir, openProfile } from './support/chromium.js';
import { dumpDatabase } from './support/dump-database.js';
import { makePng } from './support/png.js';

// Its own port: an origin of its own, so it never meets another test's profile or server.
const PORT = testPort(5281);
const PASS = '郑州现场评审 backup 2026';
let server: RunningServer;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startServer({ port: PORT });
});
afterAll(async () => {
  await server?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('signed, encrypted whole-database backup, restored on its own device and on a fresh profile', () => {
  it('restores its own backup at once; on another profile asks the maker\'s fingerprint; refuses tampered and unsigned files, changing nothing', async () => {
    const oldDir = await freshProfileDir('backup-old');
    const newDir = await freshProfileDir('backup-new');
    dirs.push(oldDir, newDir);
    const old = await openProfile(oldDir, server.url);
    const { page } = old;
    await signNoConflict(page);
    // This person's profile on the old device, so the restored one names the old fingerprint.
    await page.getByRole('menuitem', { name: '本机身份' }).click();
    const oldFingerprint = (await page.getByTestId('device-fingerprint').textContent())!.trim();
    await page.getByLabel('姓名').fill('李明');
    await page.getByRole('button', { name: '保存身份' }).click();
    await page.getByText('身份已保存').first().waitFor();
    await page.getByRole('menuitem', { name: '我的评审' }).click();
    await page.getByTestId('item-row-4.2.2').click();
    await openItem(page, '4.2.2');
    let before = await savedCount(page);
    await page.keyboard.press('5');
    await page.keyboard.press('3');
    await waitForSaved(page, before);
    before = await savedCount(page);
    await page.getByTestId('note-input-strength').fill('战略目标已分解到班组，月度跟踪');
    await page.getByTestId('note-input-strength').press('Control+Enter');
    await waitForSaved(page, before);
    before = await savedCount(page);
    await page.getByTestId('attachment-input').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: makePng(64, 48) });
    await waitForSaved(page, before);

    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await page.getByTestId('backup-passphrase').fill(PASS);
    await page.getByTestId('backup-passphrase-confirm').fill(PASS);
    const download = page.waitForEvent('download');
    await page.getByTestId('backup-create').click();
    const file = join(oldDir, 'backup.zqabak');
    await (await download).saveAs(file);
    await page.getByTestId('backup-saved').waitFor();
    const sealed = await readFile(file);
    // Format version 3: a zip of sealed entries, its signed manifest last.
    expect(sealed.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(sealed.toString('latin1')).toContain('"format":"zqa-database-backup"');
    expect(sealed.toString('latin1')).toMatch(/"version":3/);
    const original = await dumpDatabase(page);
    /** The file with one byte of an entry's data changed (the entry named as in the zip). */
    const withEntryByteFlipped = (name: string, at: number) => {
      const copy = Buffer.from(sealed);
      const local = copy.indexOf(name, 0, 'latin1');
      copy[local + name.length + at]! ^= 0x01;
      return copy;
    };

    // The same device restores its own backup without any fingerprint to type.
    const choose = async (p: typeof page, path: string) => {
      const chooser = p.waitForEvent('filechooser');
      await p.getByTestId('restore-choose').click();
      await (await chooser).setFiles(path);
    };
    // A photo's chunk altered: the signed manifest holds, so the file is chosen; opening it finds the chunk, and nothing changes.
    const damagedFile = join(oldDir, 'damaged.zqabak');
    await writeFile(damagedFile, withEntryByteFlipped('blobs/0001', 40));
    await choose(page, damagedFile);
    await page.getByTestId('restore-signer').waitFor();
    await page.getByTestId('restore-passphrase').fill(PASS);
    await page.getByTestId('restore-start').click();
    await page.getByRole('button', { name: '替换并恢复' }).click();
    await expect.poll(() => page.getByTestId('restore-error').textContent(), { timeout: 20_000 }).toContain('备份文件已损坏或被改动');
    await screenshot(page, 'backup-restore-damaged-chunk');
    expect(await dumpDatabase(page)).toEqual(original);

    await choose(page, file);
    await page.getByTestId('restore-signer').waitFor();
    expect(await page.getByTestId('restore-signer').textContent()).toContain(oldFingerprint);
    expect(await page.getByTestId('restore-signer').textContent()).toContain('由本机制作');
    expect(await page.getByTestId('restore-last-group').count()).toBe(0);
    await screenshot(page, 'backup-restore-same-device');
    await page.getByTestId('restore-passphrase').fill(PASS);
    await page.getByTestId('restore-start').click();
    await page.getByRole('button', { name: '替换并恢复' }).click();
    await page.getByTestId('restore-done').waitFor();
    // journalMeta is this device's place in its journal (never backed up): the restore itself is journaled.
    const { journalMeta: _own, ...restoredHere } = await dumpDatabase(page);
    const { journalMeta: _kept, ...originalHere } = original;
    expect(restoredHere).toEqual(originalHere);
    await old.context.close();

    const fresh = await openProfile(newDir, server.url);
    const p2 = fresh.page;
    await p2.getByTestId('declaration-gate').waitFor();
    await p2.getByRole('menuitem', { name: '备份与恢复' }).click();
    const before2 = await dumpDatabase(p2);

    // A tampered signature and an unsigned (version 1) file are refused at once, nothing asked, nothing changed.
    const tampered = withEntryByteFlipped('manifest.sig', 10);
    const tamperedFile = join(newDir, 'tampered.zqabak');
    await writeFile(tamperedFile, tampered);
    await choose(p2, tamperedFile);
    await expect.poll(() => p2.getByTestId('restore-error').textContent()).toContain('签名核验失败');
    expect(await p2.getByTestId('restore-chosen').count()).toBe(0);
    await screenshot(p2, 'backup-restore-tampered');
    const unsigned = Buffer.concat([Buffer.from('ZQABAK\u0000\u0001', 'latin1'), sealed.subarray(8)]);
    const unsignedFile = join(newDir, 'old.zqabak');
    await writeFile(unsignedFile, unsigned);
    await choose(p2, unsignedFile);
    await expect.poll(() => p2.getByTestId('restore-error').textContent()).toContain('未签名');
    expect(await dumpDatabase(p2)).toEqual(before2);

    // Another device's backup: who made it is shown, and its fingerprint's last group must be typed.
    await choose(p2, file);
    await p2.getByTestId('restore-chosen').waitFor();
    const signer = (await p2.getByTestId('restore-signer').textContent())!;
    expect(signer).toContain('李明');
    expect(signer).toContain(oldFingerprint);
    expect(signer).toContain('另一台设备');
    const lastGroup = oldFingerprint.split(' ').at(-1)!;
    await p2.getByTestId('restore-passphrase').fill(PASS);
    expect(await p2.getByTestId('restore-start').isDisabled()).toBe(true);
    await p2.getByTestId('restore-last-group').fill(lastGroup === '00000' ? '11111' : '00000');
    await screenshot(p2, 'backup-restore-other-device');
    await p2.getByTestId('restore-start').click();
    await p2.getByRole('button', { name: '替换并恢复' }).click();
    await expect.poll(() => p2.getByTestId('restore-error').textContent()).toContain('最后一组与备份设备的指纹不符');
    expect(await dumpDatabase(p2)).toEqual(before2);
    await p2.getByTestId('restore-last-group').fill(lastGroup);
    await p2.getByTestId('restore-passphrase').fill('这不是正确的口令');
    await p2.getByTestId('restore-start').click();
    await p2.getByRole('button', { name: '替换并恢复' }).click();
    await expect.poll(() => p2.getByTestId('restore-error').textContent()).toContain('口令不正确');
    await p2.getByTestId('restore-passphrase').fill(PASS);
    await p2.getByTestId('restore-start').click();
    await p2.getByRole('button', { name: '替换并恢复' }).click();
    await p2.getByTestId('reenrol-keys').waitFor();
    expect(await p2.getByTestId('reenrol-keys').textContent()).toContain('秘书处');
    const newFingerprint = await p2.getByTestId('device-badge').locator('.zqa-fingerprint').textContent();
    expect(await p2.getByTestId('restore-new-fingerprint').textContent()).toContain(newFingerprint!.trim());
    expect(await p2.getByTestId('restore-old-fingerprint').textContent()).toContain(oldFingerprint);
    await screenshot(p2, 'backup-restored');

    const restored = await dumpDatabase(p2);
    expect(Object.keys(restored).sort()).toEqual(Object.keys(original).sort());
    // Each profile's place in its own journal is its own: not backed up, not compared.
    const { journalMeta: _a, ...restoredRecords } = restored;
    const { journalMeta: _b, ...originalRecords } = original;
    expect(restoredRecords).toEqual(originalRecords);
    expect(restored['journalMeta']).toHaveLength(1);
    expect(original['attachments']).toHaveLength(1);

    await p2.getByTestId('restore-reload').click();
    await p2.getByRole('menuitem', { name: '我的评审' }).click();
    await p2.getByTestId('review-overview').waitFor();
    expect(await p2.getByTestId('percent-4.2.2').textContent()).toBe('80%');
    await fresh.context.close();
  });
});
