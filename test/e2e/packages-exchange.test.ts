import { testPort } from './support/ports.js';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDemoAssignment } from '../../cli/lib/demo-content.js';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { DEFAULT_ROOT, startServer, type RunningServer } from '../../renderer/serve.mjs';
import { screenshot, signNoConflict, waitForSaved, savedCount } from './support/app.js';
import { freshProfileDir, openProfile, type Profile } from './support/chromium.js';
import { chooseFile, downloadFrom, readCardFile, settled, setUpIdentity, waitForOutcome, writeBytes } from './support/packages.js';

/**
 * Two people's laptops and the secretariat, passing packages as files: the expert and the
 * leader are browser profiles clicked as people would; the secretariat (whose screens are
 * another workspace) is this test, writing packages with the real shared code and its keys.
 */
const PORT = testPort(5293); // its own origin and port, apart from the other e2e files
const ROOT = process.env.ZQA_E2E_ROOT ?? DEFAULT_ROOT;
const SCORES: Record<string, number> = { '4.1.2': 65, '4.2.2': 40, '4.4.3': 55 };

let server: RunningServer;
let dir: string;
const profiles: { dir: string; profile?: Profile }[] = [];
let secretariat: Participant;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'index.html'))) throw new Error(`no built renderer in ${ROOT}: run "npm run build:renderer" first`);
  server = await startServer({ port: PORT, root: ROOT });
  dir = await mkdtemp(join(tmpdir(), 'zqa-e2e-packages-'));
  secretariat = await createParticipant({ name: '秘书处王芳', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
});
afterAll(async () => {
  for (const p of profiles) {
    await p.profile?.context.close();
    await rm(p.dir, { recursive: true, force: true });
  }
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(label: string): Promise<Page> {
  const entry: { dir: string; profile?: Profile } = { dir: await freshProfileDir(label) };
  profiles.push(entry);
  entry.profile = await openProfile(entry.dir, server.url);
  return entry.profile.page;
}

/** The secretariat's side: its card, and an assignment naming the two browser profiles. */
async function secretariatWrites(expertCard: IdentityCard, leaderCard: IdentityCard) {
  const cardFile = await writeCardPackage(secretariat, new Date());
  if (!cardFile.ok) throw new Error(cardFile.error.en);
  const others = await Promise.all([1, 2, 3].map((i) => createParticipant({ name: `专家${i}`, organisation: '河南省质量协会', role: 'expert' })));
  const issued = await issueDemoAssignment({
    random: seededRandom(3),
    secretariat: secretariat.card,
    secretariatKeys: secretariat.keys,
    members: [leaderCard, expertCard, ...others.map((o) => o.card)],
    issuedAt: new Date(),
  });
  const { content } = issued;
  const assignment = await writeBytes(join(dir, '评审任务-第1版.zqa'), issued.written.bytes);
  const tamperedBytes = issued.written.bytes.slice();
  tamperedBytes[tamperedBytes.length - 200]! ^= 0x01;
  return {
    content,
    card: await writeBytes(join(dir, '身份卡-秘书处.zqa'), cardFile.value.bytes),
    assignment,
    tampered: await writeBytes(join(dir, '评审任务-被改动.zqa'), tamperedBytes),
  };
}

async function trustSecretariat(page: Page, cardPath: string): Promise<void> {
  await page.getByTestId('workspace-identity').click();
  await chooseFile(page, 'anchor-import', cardPath);
  // The person reads this fingerprint against the one the secretariat tells them.
  await expect.poll(() => page.getByTestId('anchor-offered-fingerprint').textContent()).toBe(secretariat.card.fingerprint);
  await page.getByTestId('anchor-confirm').click();
  await expect.poll(() => page.getByTestId('anchor-fingerprint').textContent()).toBe(secretariat.card.fingerprint);
}

async function score(page: Page, itemId: string, percent: number): Promise<void> {
  await page.getByTestId('nav-overview').click();
  await page.getByTestId(`item-row-${itemId}`).click();
  await page.locator(`[data-testid="item-page"][data-item-id="${itemId}"]`).waitFor();
  const before = await savedCount(page);
  const bands = page.locator('[data-testid^="band-"]');
  for (let i = 0; i < (await bands.count()); i++) {
    await bands.nth(i).click();
    if (await page.getByTestId(`step-${percent}`).isVisible()) break;
  }
  await page.getByTestId(`step-${percent}`).click();
  await waitForSaved(page, before);
}

describe('packages between the secretariat, an expert and the panel leader', () => {
  it('expert imports the card and the assignment, scores and exports; the leader imports the scoresheet and sees the scores', async () => {
    // First start: the demo opens at once, with a prompt to set up the identity.
    const expert = await open('expert');
    await expert.getByTestId('declaration-gate').waitFor();
    await expert.getByTestId('identity-banner').waitFor();
    await screenshot(expert, 'packages-01-first-start-demo');
    await setUpIdentity(expert, '李明', '河南省质量协会');
    const expertCard = await readCardFile(await downloadFrom(expert, 'export-card', dir));
    expect(expertCard.fingerprint).toBe(await expert.getByTestId('device-fingerprint').textContent());
    await screenshot(expert, 'packages-02-identity');

    const leader = await open('leader');
    await setUpIdentity(leader, '张伟', '郑州大学管理学院');
    const leaderCard = await readCardFile(await downloadFrom(leader, 'export-card', dir));

    const files = await secretariatWrites(expertCard, leaderCard);

    // Without the secretariat's card, the device refuses packages and says why.
    await expert.getByTestId('workspace-review').click();
    await chooseFile(expert, 'import-assignment', files.assignment);
    expect(await waitForOutcome(expert, 'no-anchor')).toContain('秘书处身份卡');
    await trustSecretariat(expert, files.card);
    await screenshot(expert, 'packages-03-anchor-trusted');

    await expert.getByTestId('workspace-review').click();
    await chooseFile(expert, 'import-assignment', files.assignment);
    expect(await waitForOutcome(expert, 'assignment')).toContain(files.content.applicant.name);
    await signNoConflict(expert);
    await expect.poll(() => expert.getByTestId('header-applicant').textContent()).toContain(files.content.applicant.name);
    for (const [itemId, percent] of Object.entries(SCORES)) await score(expert, itemId, percent);

    // The same package twice: says so and changes nothing; a tampered one is refused.
    await chooseFile(expert, 'import-assignment', files.assignment);
    expect(await waitForOutcome(expert, 'duplicate')).toContain('已经导入过');
    await chooseFile(expert, 'import-assignment', files.tampered);
    const refusal = expert.locator('[data-testid="import-outcome"]:not([data-outcome="duplicate"]):not([data-outcome="assignment"]):not([data-outcome="no-anchor"])').last();
    await refusal.waitFor({ state: 'visible', timeout: 20_000 });
    // A flipped byte inside the encrypted content: its SHA-256 no longer matches the signed manifest.
    expect(await refusal.getAttribute('data-outcome')).toBe('entry-altered');
    expect(await refusal.textContent()).toMatch(/评审包未导入：包内条目已被改动或损坏/);
    await screenshot(expert, 'packages-04-tampered-refused');
    await expert.getByTestId('nav-overview').click();
    for (const [itemId, percent] of Object.entries(SCORES)) expect(await expert.getByTestId(`percent-${itemId}`).textContent()).toBe(`${percent}%`);
    await expert.getByTestId('review-switcher').click();
    expect(await expert.locator('.ant-select-item-option').count()).toBe(2); // the demo and the one assignment
    await expert.keyboard.press('Escape');

    const sheetPath = await downloadFrom(expert, 'export-scoresheet', dir);
    expect(sheetPath).toMatch(/第1版\.zqa$/);
    await expect.poll(() => expert.getByTestId('export-status').textContent()).toContain('已导出第 1 版');
    await screenshot(expert, 'packages-05-exported');

    // The leader: trusts the same secretariat, takes the assignment, then the expert's sheet.
    await trustSecretariat(leader, files.card);
    await leader.getByTestId('workspace-review').click();
    await chooseFile(leader, 'import-assignment', files.assignment);
    await waitForOutcome(leader, 'assignment');
    await chooseFile(leader, 'import-scoresheets', sheetPath);
    expect(await waitForOutcome(leader, 'scoresheet')).toContain('李明');
    // Independent scoring: the leader scores too, so others' scores show only after the leader's own export.
    await leader.getByTestId('received-scoresheets-open').click();
    const row = leader.locator('[data-testid="received-scoresheets"] tr').filter({ has: leader.getByTestId(`received-${expertCard.keyId}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain(expertCard.fingerprint);
    await leader.getByTestId('scores-hidden').waitFor();
    expect(await row.getByTestId('received-percent-4.1.2').count()).toBe(0);
    await leader.keyboard.press('Escape');
    await signNoConflict(leader);
    await score(leader, '4.1.2', 70);
    await downloadFrom(leader, 'export-scoresheet', dir);
    await expect.poll(() => leader.getByTestId('export-status').textContent()).toContain('已导出第 1 版');
    await leader.getByTestId('received-scoresheets-open').click();
    await expect.poll(() => leader.locator('[data-testid="received-scoresheets"] tr.ant-table-row').count()).toBe(2); // the leader's own sheet joins
    for (const [itemId, percent] of Object.entries(SCORES)) expect(await row.getByTestId(`received-percent-${itemId}`).textContent()).toBe(`${percent}%`);
    await settled(leader);
    await screenshot(leader, 'packages-06-leader-received');
    await leader.keyboard.press('Escape');

    // The expert changes a score and exports again: revision 2 supersedes, revision 1 is then refused.
    await score(expert, '4.2.2', 45);
    const secondPath = await downloadFrom(expert, 'export-scoresheet', dir);
    expect(secondPath).toMatch(/第2版\.zqa$/);
    await chooseFile(leader, 'import-scoresheets', secondPath);
    expect(await waitForOutcome(leader, 'scoresheet', '第 2 版')).toContain('李明');
    await chooseFile(leader, 'import-scoresheets', sheetPath);
    expect(await waitForOutcome(leader, 'stale-revision')).toContain('旧版本');
    await leader.getByTestId('received-scoresheets-open').click();
    await expect.poll(() => row.getByTestId('received-percent-4.2.2').textContent()).toBe('45%');
    await settled(leader);
    await screenshot(leader, 'packages-07-leader-revision-2');
    await leader.keyboard.press('Escape');

    // What arrived, kept with its history: the assignment and both revisions, the first superseded.
    await leader.getByTestId('workspace-identity').click();
    const history = leader.getByTestId('received-packages').locator('tr.ant-table-row');
    await expect.poll(() => history.count()).toBe(4); // the assignment, the leader's own sheet, the expert's two revisions
    expect(await history.filter({ hasText: '已被新版本取代' }).textContent()).toContain('李明');
    await screenshot(leader, 'packages-08-leader-history');

    // The file on the stick is exactly what the leader stored and will nest in the panel return.
    expect((await readFile(sheetPath)).length).toBeGreaterThan(0);
  }, 120_000);
});
