import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import { testPort } from './support/ports.js';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWork, issueDemoAssignment } from '../../cli/lib/demo-content.js';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { countersignReport, receiveReportForSigning } from '../../shared/workflow/countersign-report.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { systemClock } from '../../shared/workflow/ports/clock.js';
import { DEFAULT_ROOT, startServer, type RunningServer } from '../../renderer/serve.mjs';
import { keysFor, openItem, savedCount, screenshot, signNoConflict, waitForSaved } from './support/app.js';
import { pdfViewerPages } from './support/pdf-viewer.js';
import { freshProfileDir, openProfile, type Profile } from './support/chromium.js';
import { deviceCard, downloadTo, openFileWith, openLeaderTab, openWorkspace, setUpDevice, writeOverallEvaluation, writeTemp } from './support/leader-panel.js';

// Its own port: an origin of its own, so no other test's profiles or server meet these.
const PORT = testPort(5311);
const run = promisify(execFile);
let server: RunningServer;
const open: Profile[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  // Served from a copy of the built renderer: a rebuild of dist/ while this long test runs
  // (the tree is shared) must not pull the page out from under a profile.
  const root = await freshProfileDir('leader-renderer');
  dirs.push(root);
  await cp(DEFAULT_ROOT, root, { recursive: true });
  if (!existsSync(join(root, 'index.html'))) throw new Error(`no built renderer in ${DEFAULT_ROOT}: run "npm run build:renderer" first`);
  server = await startServer({ port: PORT, root });
});
afterAll(async () => {
  for (const p of open) await p.context.close().catch(() => undefined);
  await server?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function profile(dir: string): Promise<Page> {
  const p = await openProfile(dir, server.url, { width: 1440, height: 1000 });
  open.push(p);
  return p.page;
}
async function close(page: Page): Promise<void> {
  const i = open.findIndex((p) => p.page === page);
  if (i >= 0) await open.splice(i, 1)[0]!.context.close();
}

/** Imports the assignment, declares no conflict, scores every item by keyboard, exports the scoresheet. */
async function scoreAndExport(page: Page, assignmentFile: string, percentOf: (i: number) => number, out: string, beforeScoring?: () => Promise<void>): Promise<string> {
  await openWorkspace(page, 'review');
  await openFileWith(page, () => page.getByTestId('import-assignment').click(), assignmentFile);
  await expect.poll(() => page.getByTestId('import-outcome').first().getAttribute('data-outcome')).toBe('assignment');
  await signNoConflict(page);
  await beforeScoring?.();
  const items = itemsOf(GBT19580_2012);
  await page.getByTestId(`item-row-${items[0]!.id}`).click();
  for (const [i, item] of items.entries()) {
    await openItem(page, item.id);
    const before = await savedCount(page);
    const [band, step] = keysFor(item.kind, percentOf(i));
    await page.keyboard.press(band);
    await page.keyboard.press(step);
    await waitForSaved(page, before);
    if (i < items.length - 1) await page.keyboard.press('j');
  }
  await downloadTo(page, () => page.getByTestId('export-scoresheet').click(), out);
  // The app finishes after the download (records the export; the leader's own sheet joins the members').
  await expect.poll(() => page.getByTestId('export-outcome').first().getAttribute('data-outcome')).toBe('saved');
  return out;
}

describe('the panel leader in Chromium', () => {
  it('consolidates three browser members’ and two others’ scoresheets, settles a divergent item, signs the report, gathers countersignatures and returns the panel’s work', { timeout: 480_000 }, async () => {
    const work = await freshProfileDir('leader-files');
    dirs.push(work);
    const now = new Date();
    const secretariat = await createParticipant({ name: '张敏', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
    const cardPkg = await writeCardPackage(secretariat, now);
    if (!cardPkg.ok) throw new Error(cardPkg.error.en);
    const secretariatCard = await writeTemp(work, 'secretariat-card.zqa', cardPkg.value.bytes);
    const passphrase = 'leader e2e secretariat passphrase';
    const secretariatKeyFile = await writeTemp(work, 'secretariat.zqakey', await sealKeyBackup(secretariat.material, passphrase));
    // Two members work on other devices (simulated here with the shared code).
    const others: Participant[] = [
      await createParticipant({ name: '刘秀英', organisation: '河南工业大学', role: 'expert' }),
      await createParticipant({ name: '陈明', organisation: '中原质量研究院', role: 'expert' }),
    ];

    // Three browser profiles, each with its own keys: the leader and two members.
    const people = [
      { name: '李建国', organisation: '郑州大学' },
      { name: '王丽华', organisation: '河南省质量协会' },
      { name: '张志强', organisation: '郑州市标准化研究院' },
    ];
    const profileDirs: string[] = [];
    const cards = [];
    for (const [i, p] of people.entries()) {
      const dir = await freshProfileDir(`leader-${i}`);
      dirs.push(dir);
      profileDirs.push(dir);
      const page = await profile(dir);
      await setUpDevice(page, p.name, p.organisation, secretariatCard);
      cards.push(await deviceCard(page, p.name, p.organisation));
      await close(page);
    }

    // The secretariat issues the assignment (leader first) with its certificates.
    const issued = await issueDemoAssignment({
      random: seededRandom(11), secretariat: secretariat.card, secretariatKeys: secretariat.keys,
      members: [...cards, ...others.map((o) => o.card)], issuedAt: new Date(now.getTime() - 3_600_000),
    });
    const assignment = issued.content;
    const assignmentFile = await writeTemp(work, 'assignment.zqa', issued.written.bytes);

    // Members score independently: the first item splits the panel (20% / 80% / 50%).
    const split = [20, 80, 50];
    const sheetFiles: string[] = [];
    for (const [m, dir] of profileDirs.entries()) {
      const page = await profile(dir);
      // Independence: before the leader's own sheet is exported, the leader's workspace shows no one's scores.
      const independence = async () => {
        await openWorkspace(page, 'leader');
        await page.getByTestId('leader-independence').waitFor();
        expect(await page.getByTestId('leader-matrix').count()).toBe(0);
        await openWorkspace(page, 'review');
        await page.getByTestId('review-overview').waitFor();
      };
      sheetFiles.push(await scoreAndExport(page, assignmentFile, (i) => (i === 0 ? split[m]! : 50 + 5 * ((i + m) % 3)), join(work, `scoresheet-${m}.zqa`), m === 0 ? independence : undefined));
      await close(page);
    }
    for (const [k, o] of others.entries()) {
      const onSite = await demoWork({ random: seededRandom(20 + k), assignment, expert: o.card, startedAt: now });
      const exported = await exportScoresheetBytes({ work: onSite, assignment, previous: null }, { keys: o.keys, clock: { now: () => now }, myKeyId: o.card.keyId });
      if (!exported.ok) throw new Error(exported.error.en);
      sheetFiles.push(await writeTemp(work, `scoresheet-node-${k}.zqa`, exported.value.written.bytes));
    }

    // The leader receives the other four scoresheets (its own is stored when it exports).
    let leader = await profile(profileDirs[0]!);
    await openWorkspace(leader, 'review');
    const senders = [people[1]!.name, people[2]!.name, ...others.map((o) => o.facts.name)];
    for (const [k, file] of sheetFiles.slice(1).entries()) {
      await openFileWith(leader, () => leader.getByTestId('import-scoresheets').click(), file);
      const outcome = leader.getByTestId('import-outcome').filter({ hasText: senders[k]! }).first();
      await outcome.waitFor();
      expect(await outcome.getAttribute('data-outcome'), (await outcome.textContent()) ?? '').toBe('scoresheet');
    }
    await openWorkspace(leader, 'leader');
    await leader.getByTestId('leader-matrix').waitFor();
    for (const c of [...cards, ...others.map((o) => o.card)]) await leader.getByTestId(`member-received-${c.keyId}`).waitFor();
    await expect.poll(() => leader.getByTestId('missing-summary').textContent()).toContain('全部成员的评分表均已收到');
    const first = itemsOf(assignment.criteriaSet)[0]!.id;
    const firstRow = leader.locator('[data-testid="leader-matrix"] tbody tr').first();
    expect(await firstRow.getAttribute('data-divergent')).toBe('true');
    expect(await leader.getByTestId(`matrix-row-${first}`).getAttribute('data-divergent')).toBe('true');
    await screenshot(leader, 'leader-01-matrix');

    // The divergent item is settled with a rationale and a chosen strength; the rest take the median.
    await leader.getByTestId(`matrix-row-${first}`).click();
    const editor = leader.getByTestId('item-consensus');
    await editor.waitFor();
    await leader.getByTestId('consensus-percent').fill('55');
    await leader.getByTestId('consensus-percent').press('Enter');
    await expect.poll(() => leader.getByTestId(`consensus-item-${first}`).textContent()).toContain('55%');
    await leader.getByTestId('consensus-rationale').fill('组长与成员现场复核创新机制的实施证据后，评审组一致取 55%。');
    await leader.getByTestId('member-note-strengths').first().click();
    await leader.getByTestId('choose-strengths').click();
    await leader.getByTestId('panel-note-strengths').first().waitFor();
    await screenshot(leader, 'leader-02-divergent-item');
    const order = await leader.locator('[data-testid^="consensus-item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('consensus-item-'.length)));
    for (const id of order) {
      if (id === first) continue;
      await leader.getByTestId(`consensus-item-${id}`).click();
      await leader.locator(`[data-testid="item-consensus"][data-item-id="${id}"]`).waitFor();
      await leader.getByTestId('use-median').click();
      await expect.poll(() => leader.getByTestId(`consensus-item-${id}`).textContent()).toMatch(/\d+%/);
    }

    // Exclusions, overall evaluation, the recommendation.
    await openLeaderTab(leader, 'overall');
    for (let n = 1; n <= 7; n++) {
      await leader.getByTestId(`exclusion-clear-${n}`).click();
      await expect.poll(() => leader.getByTestId(`exclusion-${n}`).locator('.ant-radio-button-wrapper-checked').textContent()).toBe('未发现');
    }
    await writeOverallEvaluation(leader);
    await screenshot(leader, 'leader-03-overall');

    // The report: produced, signed under the leader's certificate, saved, sent for signing.
    await openLeaderTab(leader, 'report');
    // The leader records the visit as it happened: the opening meeting on the first day. What is
    // still missing (the other days, the closing meeting) is listed; an activity without content is refused.
    await leader.getByTestId('visit-schedule').waitFor();
    await leader.getByTestId('visit-add-button').click();
    expect(await leader.getByTestId('visit-invalid').textContent()).toContain('请填写内容');
    await leader.getByTestId('visit-activity').fill('介绍评审组成员、评审依据和日程安排');
    await leader.getByTestId('visit-place').fill('行政楼第一会议室');
    await leader.getByTestId('visit-people').fill('公司领导班子、各部门负责人');
    await leader.getByTestId('visit-add-button').click();
    await leader.getByTestId('visit-activities').waitFor();
    expect(await leader.getByTestId('visit-activities').textContent()).toContain('首次会议');
    expect(await leader.getByTestId('visit-gaps').textContent()).toContain('末次会议');
    await screenshot(leader, 'leader-04-visit-schedule');
    // Read before signing: a report dated outside the review dates is refused in the preview with
    // the reason; dated within them, the preview shows the report as it would be signed, in the page.
    const reportDate = await leader.getByTestId('report-date').inputValue();
    await leader.getByTestId('report-date').fill('2020-01-01');
    await leader.getByTestId('preview-report').click();
    await leader.getByTestId('report-problems').waitFor({ timeout: 60_000 });
    expect(await leader.locator('[data-testid="report-problems"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')))).toEqual(['report-date']);
    expect(await leader.getByTestId('report-problems').textContent()).toContain('不在本次现场评审日期');
    await screenshot(leader, 'leader-04a-preview-refused');
    await leader.getByTestId('report-date').fill(reportDate);
    await leader.getByTestId('preview-report').click();
    const preview = await pdfViewerPages(leader, 'report-preview-pages');
    expect(preview.pages).toBeGreaterThanOrEqual(8);
    expect([preview.canvases, preview.inked]).toEqual([preview.pages, preview.pages]);
    expect(await leader.getByTestId('report-problems').count()).toBe(0);
    await screenshot(leader, 'leader-04b-preview');
    await leader.getByTestId('produce-report').click();
    await leader.getByTestId('report-sha256').waitFor({ timeout: 60_000 });
    const sha = (await leader.getByTestId('report-sha256').textContent())!;
    // The unsigned preview read before signing is gone once the report is signed.
    expect(await leader.getByTestId('report-preview-pages').count()).toBe(0);
    const pdfFile = await downloadTo(leader, () => leader.getByTestId('save-report-pdf').click(), join(work, 'report.pdf'));
    const rfsFile = await downloadTo(leader, () => leader.getByTestId('export-for-signing').click(), join(work, 'report-for-signing.zqa'));
    await screenshot(leader, 'leader-04-report');
    const pdfsig = await run('pdfsig', [pdfFile]).catch((e: { stdout: string }) => e);
    expect(pdfsig.stdout).toContain('Signature is Valid');
    // The report prints the schedule the leader recorded, not the plan.
    expect((await run('pdftotext', ['-raw', pdfFile, '-'])).stdout.replace(/\s+/g, '')).toContain('首次会议：介绍评审组成员、评审依据和日程安排');
    await run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '6', pdfFile, 'test-results/e2e/leader-report-page']);
    await close(leader);

    // Two browser members check and countersign; the third other member countersigns on its own device; the last is excused.
    const countersignFiles: string[] = [];
    for (const m of [1, 2]) {
      const page = await profile(profileDirs[m]!);
      await openWorkspace(page, 'countersign');
      await openFileWith(page, () => page.getByTestId('import-report-for-signing').click(), rfsFile);
      await page.getByTestId('report-to-sign').waitFor();
      expect(await page.getByTestId('leader-signature').getAttribute('data-valid')).toBe('true');
      expect(await page.getByTestId('report-to-sign').textContent()).toContain(sha);
      if (m === 1) {
        // The member reads the report to countersign in the app's viewer: every page drawn.
        await page.getByTestId('read-report').click();
        const read = await pdfViewerPages(page, 'countersign-viewer');
        expect([read.pages, read.canvases, read.inked]).toEqual([preview.pages, preview.pages, preview.pages]);
        await screenshot(page, 'leader-05-member-countersign');
      }
      countersignFiles.push(await downloadTo(page, () => page.getByTestId('countersign').click(), join(work, `countersignature-${m}.zqa`)));
      await page.getByTestId('countersigned').waitFor();
      await close(page);
    }
    // The other member's device receives the report (checking the leader's signature) and countersigns.
    const rfsBytes = new Uint8Array(await readFile(rfsFile));
    const memberTrust = trustAssignmentRoster(trustStoreFromAnchorCard(secretariat.card), assignment);
    const held = { forPanel: () => Promise.resolve({ reviewId: assignment.panel.id, content: assignment }) };
    const got = await receiveReportForSigning(rfsBytes, { keys: others[0]!.keys, trust: memberTrust, history: NO_HISTORY, assignments: held, held: heldRecordsFrom({ assignments: [assignment] }), myKeyId: others[0]!.card.keyId });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.report.leaderCheckError).toBeNull();
    const signed = await countersignReport({ report: got.value.report, assignment, agrees: true, comment: '', lastRevision: 0 }, { keys: others[0]!.keys, clock: systemClock, myKeyId: others[0]!.card.keyId });
    if (!signed.ok) throw new Error(signed.error.en);
    countersignFiles.push(await writeTemp(work, 'countersignature-node.zqa', signed.value.written.bytes));

    // The leader imports them, cannot finalise without a reason for the fifth member, then returns everything.
    leader = await profile(profileDirs[0]!);
    await openWorkspace(leader, 'leader');
    await openLeaderTab(leader, 'report');
    await leader.getByTestId('countersignatures').waitFor();
    for (const file of countersignFiles) await openFileWith(leader, () => leader.getByTestId('import-countersignature').click(), file);
    for (const keyId of [cards[1]!.keyId, cards[2]!.keyId, others[0]!.card.keyId]) {
      await expect.poll(() => leader.getByTestId(`countersign-status-${keyId}`).getAttribute('data-status')).toBe('countersigned');
    }
    const absent = others[1]!.card.keyId;
    expect(await leader.getByTestId(`countersign-status-${absent}`).getAttribute('data-status')).toBe('missing');
    expect(await leader.getByTestId('export-panel-return').isDisabled()).toBe(true);
    await leader.getByTestId(`excuse-${absent}`).fill('因病未能到场，已电话确认同意报告内容');
    await expect.poll(() => leader.getByTestId(`countersign-status-${absent}`).getAttribute('data-status'), { timeout: 10_000 }).toBe('excused');
    await screenshot(leader, 'leader-06-countersignatures');
    const returnFile = await downloadTo(leader, () => leader.getByTestId('export-panel-return').click(), join(work, 'panel-return.zqa'));

    // The secretariat's check: trusting its own card and the assignment it issued (whose roster
    // names the leader), the leader's signature, then with its key the content, every nested
    // scoresheet's hash-chained history and every countersignature over the report.
    const verified = await run('node', ['cli/zqa.mjs', 'verify', returnFile, '--trust', secretariatCard, '--trust', assignmentFile, '--identity', secretariatKeyFile], { env: { ...process.env, ZQA_PASSPHRASE: passphrase } }).catch(
      (e: { stdout: string; stderr: string }) => e,
    );
    expect(verified.stderr ?? '').toBe('');
    expect(verified.stdout).toMatch(/good panel-return r1 from 李建国/);
    expect(verified.stdout).toContain('5 nested scoresheets');
    expect(verified.stdout).toContain('3 countersignatures');
  });
});
