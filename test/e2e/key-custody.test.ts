import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { startServer, type RunningServer } from '../../renderer/serve.mjs';
import { lastFingerprintGroup } from '../../renderer/src/device/anchor-change.js';
import { screenshot } from './support/app.js';
import { freshProfileDir, openProfile, type Profile } from './support/chromium.js';
import { installMainCustodyHost, readSaved, type MainCustodyHost } from './support/main-custody-host.js';
import { chooseFile, writeBytes } from './support/packages.js';
import { testPort } from './support/ports.js';

/**
 * Key custody as people meet it: the secretariat's key backup behind 备份与恢复 → 秘书处密钥备份
 * (main's real key custody behind the page's bridge), and replacing the trust anchor, which
 * needs the new fingerprint's last group typed in.
 */
const PORT = testPort(5341);
const PASS = '秘书处密钥备份口令 2026';
let server: RunningServer;
let work: string;
const opened: { dir: string; profile?: Profile }[] = [];

beforeAll(async () => {
  server = await startServer({ port: PORT });
  work = await mkdtemp(join(tmpdir(), 'zqa-e2e-custody-'));
});
afterAll(async () => {
  for (const p of opened) {
    await p.profile?.context.close();
    await rm(p.dir, { recursive: true, force: true });
  }
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function desktop(label: string, account: number): Promise<{ page: Page; host: MainCustodyHost }> {
  const entry: { dir: string; profile?: Profile } = { dir: await freshProfileDir(label) };
  opened.push(entry);
  entry.profile = await openProfile(entry.dir, 'about:blank');
  const host = await installMainCustodyHost(entry.profile.context, join(work, label), account);
  await entry.profile.page.goto(server.url);
  return { page: entry.profile.page, host };
}

async function saveProfile(page: Page, name: string, role: '秘书处' | '评审专家（含评审组长）'): Promise<void> {
  await page.getByTestId('workspace-identity').click();
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-organisation').fill('郑州市市长质量奖评审委员会秘书处');
  await page.getByRole('radio', { name: role }).check();
  await page.getByTestId('profile-save').click();
}

describe('the secretariat’s key backup (备份与恢复 → 秘书处密钥备份)', () => {
  it('asks for the passphrase twice, says where to keep the file, saves it through main and shows the test restore; a new PC restores it after confirming the fingerprint', async () => {
    const { page, host } = await desktop('custody-secretariat', 0x11);
    await saveProfile(page, '秘书处王芳', '秘书处');
    await page.getByTestId('device-badge').filter({ hasText: '秘书处王芳' }).waitFor();
    expect(host.person.asked.map((q) => q.message)).toEqual(['将本机设为秘书处设备？']);
    const fingerprint = (await page.getByTestId('device-fingerprint').textContent())!;

    await page.getByTestId('workspace-backup').click();
    await page.getByTestId('key-backup-tab').click();
    expect(await page.getByTestId('key-backup-keep').textContent()).toContain('两个加密 U 盘');
    await page.getByTestId('key-backup-passphrase').fill(PASS);
    await page.getByTestId('key-backup-passphrase-confirm').fill(`${PASS}!`);
    await page.getByTestId('key-backup-export').click();
    await page.getByText('两次输入的口令不一致').waitFor();
    expect(host.savedFiles).toEqual([]);
    await page.getByTestId('key-backup-passphrase-confirm').fill(PASS);
    await page.getByTestId('key-backup-export').click();
    await page.getByTestId('key-backup-saved').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('key-backup-saved').textContent()).toContain('秘书处密钥备份-');
    expect(await page.getByTestId('key-backup-tested').textContent()).toContain(fingerprint);
    expect(host.savedFiles).toHaveLength(1);
    await screenshot(page, 'key-backup-saved');

    // A new PC: made the secretariat's device, then the backup restored onto it.
    const newPc = await desktop('custody-new-pc', 0x22);
    await saveProfile(newPc.page, '秘书处王芳', '秘书处');
    await newPc.page.getByTestId('device-badge').filter({ hasText: '秘书处王芳' }).waitFor();
    expect(await newPc.page.getByTestId('device-fingerprint').textContent()).not.toBe(fingerprint);
    await newPc.page.getByTestId('workspace-backup').click();
    await newPc.page.getByTestId('key-backup-tab').click();
    newPc.host.opens.push({ name: '秘书处密钥备份.zqakey', bytes: await readSaved(host.savedFiles[0]!) });
    await newPc.page.getByTestId('key-restore-choose').click();
    await newPc.page.getByTestId('key-restore-file').waitFor();
    await newPc.page.getByTestId('key-restore-passphrase').fill(PASS);
    newPc.host.person.asked = [];
    await newPc.page.getByTestId('key-restore').click();
    await newPc.page.getByTestId('key-restored').waitFor({ timeout: 30_000 });
    expect(newPc.host.person.asked).toHaveLength(1);
    expect(newPc.host.person.asked[0]!.detail).toContain(fingerprint);
    expect(await newPc.page.getByTestId('key-restored').textContent()).toContain(fingerprint);
    await screenshot(newPc.page, 'key-backup-restored');
  });

  it('an expert’s device shows no key backup, and main refuses it even when the page asks directly', async () => {
    const { page, host } = await desktop('custody-expert', 0x33);
    await saveProfile(page, '李明', '评审专家（含评审组长）');
    await page.getByTestId('device-badge').filter({ hasText: '李明' }).waitFor();
    expect(host.person.asked).toEqual([]);
    await page.getByTestId('workspace-backup').click();
    await page.getByTestId('backup-card').waitFor();
    expect(await page.getByTestId('key-backup-tab').count()).toBe(0);
    const direct = await page.evaluate(() => (window as unknown as { zqa: { keys: { exportBackup(a: object): Promise<unknown> } } }).zqa.keys.exportBackup({ passphrase: 'a passphrase long enough' }));
    expect(direct).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect(host.savedFiles).toEqual([]);
  });
});

describe('replacing the trust anchor', () => {
  let first: Participant;
  let second: Participant;
  beforeAll(async () => {
    first = await createParticipant({ name: '秘书处王芳', organisation: '秘书处', role: 'secretariat' });
    second = await createParticipant({ name: '秘书处赵强', organisation: '秘书处', role: 'secretariat' });
  });

  async function cardFile(who: Participant, name: string): Promise<string> {
    const written = await writeCardPackage(who, new Date());
    if (!written.ok) throw new Error(written.error.en);
    return writeBytes(join(work, name), written.value.bytes);
  }

  it('needs the last group of the new fingerprint typed in; a click alone never replaces it', async () => {
    const entry: { dir: string; profile?: Profile } = { dir: await freshProfileDir('custody-anchor') };
    opened.push(entry);
    entry.profile = await openProfile(entry.dir, server.url);
    const page = entry.profile.page;
    await page.getByTestId('workspace-identity').click();
    await chooseFile(page, 'anchor-import', await cardFile(first, '身份卡-秘书处1.zqa'));
    await page.getByTestId('anchor-confirm').click();
    await expect.poll(() => page.getByTestId('anchor-fingerprint').textContent()).toBe(first.card.fingerprint);

    await chooseFile(page, 'anchor-import', await cardFile(second, '身份卡-秘书处2.zqa'));
    await expect.poll(() => page.getByTestId('anchor-offered-fingerprint').textContent()).toBe(second.card.fingerprint);
    await page.getByTestId('anchor-replace-warning').waitFor();
    const confirm = page.getByTestId('anchor-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('anchor-last-group').fill(lastFingerprintGroup(first.card.fingerprint));
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('anchor-last-group').fill(lastFingerprintGroup(second.card.fingerprint));
    await screenshot(page, 'anchor-replace-typed');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await expect.poll(() => page.getByTestId('anchor-fingerprint').textContent()).toBe(second.card.fingerprint);
  });
});
