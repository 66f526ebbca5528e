import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWork, issueDemoAssignment } from '../../cli/lib/demo-content.js';
import { confirmDialog } from './support/confirm-dialog.js';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { openItem, screenshot, signNoConflict } from './support/app.js';
import { leaderDeviceWithAssignment } from './support/field-device.js';
import { fieldSession, pickOption } from './support/field-session.js';
import { deviceCard, downloadTo, openFileWith, openWorkspace, setUpDevice, writeTemp } from './support/leader-panel.js';

/**
 * Import where the work is, many at once: the leader picks several members' scoresheets in
 * one dialog and reads one summary, the board fills in; a file dropped on the window is
 * imported (and taken to the leader's panel from another page); a member's own scoresheet
 * dropped on the member's laptop is refused with where it belongs.
 */
const session = fieldSession(5336);

/** A member's scoresheet as the member's laptop exports it (simulated with the shared code). */
async function memberSheet(assignment: AssignmentContent, member: Participant, seed: number, work: string, name: string): Promise<string> {
  const onSite = await demoWork({ random: seededRandom(seed), assignment, expert: member.card, startedAt: new Date() });
  const exported = await exportScoresheetBytes({ work: onSite, assignment, previous: null }, { keys: member.keys, clock: { now: () => new Date() }, myKeyId: member.card.keyId });
  if (!exported.ok) throw new Error(exported.error.en);
  return writeTemp(work, name, exported.value.written.bytes);
}

/** Drops files on the window as a file manager does: a DataTransfer built in the page from the files' bytes. */
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = await Promise.all(paths.map(async (p) => ({ name: p.split('/').at(-1)!, b64: (await readFile(p)).toString('base64') })));
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
  }, files);
}

/** Scores one item and exports the device's own scoresheet, as a person does (the leader's opens the members' scores). */
async function exportOwnSheet(page: Page, out?: string): Promise<void> {
  await openWorkspace(page, 'review');
  const first = itemsOf(GBT19580_2012)[0]!;
  await page.getByTestId(`item-row-${first.id}`).click();
  await openItem(page, first.id);
  await page.keyboard.press('4');
  await page.keyboard.press('2');
  await expect.poll(() => page.getByTestId('current-score').textContent()).toContain('55%');
  if (out) await downloadTo(page, () => page.getByTestId('export-scoresheet').click(), out);
  else {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-scoresheet').click();
    await download;
  }
  await expect.poll(() => page.getByTestId('export-outcome').first().getAttribute('data-outcome')).toBe('saved');
}

describe('importing many files at once', () => {
  it('the leader picks several scoresheets, reads one summary, sees the board fill in; a drop imports; zh and en', { timeout: 240_000 }, async () => {
    const work = await session.folder('many-files');
    const { page } = await session.profile('many-leader');
    const { issued, others } = await leaderDeviceWithAssignment(page, work);
    await signNoConflict(page);
    const sheets = [];
    for (const [i, m] of others.entries()) sheets.push(await memberSheet(issued.content, m, 10 + i, work, `评分表-${m.facts.name}.zqa`));
    const cut = await writeTemp(work, '拷贝中断.zqa', (await readFile(sheets[0]!)).subarray(0, 3000));

    await openWorkspace(page, 'leader');
    const board = page.getByTestId('progress-board');
    await board.waitFor();
    for (const m of others) expect(await page.getByTestId(`board-sheet-${m.card.keyId}`).getAttribute('data-revision')).toBe('');
    expect(await page.getByTestId('leader-remaining').textContent()).toContain('还缺');

    // Three files in one dialog: two good scoresheets and one cut short on the stick.
    await openFileWith(page, () => page.getByTestId('leader-import').click(), [sheets[0]!, sheets[1]!, cut]);
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await page.getByTestId('import-summary-counts').textContent()).toBe('已导入 2 个，已更新版本 0 个，已存在 0 个，未导入 1 个');
    expect(await page.getByTestId('import-summary-row').count()).toBe(3);
    expect(await summary.locator('[data-verdict="refused"]').textContent()).toContain('拷贝中断.zqa');
    expect(await summary.locator('[data-verdict="refused"]').textContent()).toContain('请从原始位置重新拷贝该文件');
    expect(await summary.textContent()).toContain(`已收到 ${others[0]!.facts.name} 的评分表（第 1 版）`);
    // One summary, no toast a file.
    expect(await page.locator('.ant-message-notice', { hasText: '评分表' }).count()).toBe(0);
    await screenshot(page, 'field-import-many-01-summary-zh');
    await confirmDialog(page, summary);
    for (const m of others.slice(0, 2)) await expect.poll(() => page.getByTestId(`board-sheet-${m.card.keyId}`).getAttribute('data-revision')).toBe('1');

    // A drop of one file on the countersign page: taken into the leader's panel, and said so.
    await openWorkspace(page, 'countersign');
    await dropFiles(page, [sheets[2]!]);
    await expect.poll(() => page.getByTestId('import-outcome').last().textContent()).toContain(`已收到 ${others[2]!.facts.name} 的评分表（第 1 版）（已转入“评审组长”）`);

    // The leader's own sheet opens the members' scores: the board shows the divergent items.
    await exportOwnSheet(page);
    await openWorkspace(page, 'leader');
    await expect.poll(() => page.getByTestId(`board-sheet-${others[2]!.card.keyId}`).getAttribute('data-revision')).toBe('1');
    await page.getByTestId(`board-divergent-${others[0]!.card.keyId}`).waitFor();
    const remaining = await page.getByTestId('leader-remaining').textContent();
    expect(remaining).toContain(`收齐评分表：还缺 ${others[3]!.facts.name}`);
    expect(remaining).toContain('生成并签署现场评审报告');
    expect(await page.getByTestId(`board-cs-${others[0]!.card.keyId}`).getAttribute('data-state')).toBe('not-sent');
    await screenshot(page, 'field-import-many-02-board-zh');

    // English: the same board, and a second pick of files already here, summarised in English.
    await pickOption(page, 'language-select', 'English');
    await expect.poll(() => board.locator('.ant-card-head-title').textContent()).toBe('Panel progress');
    await screenshot(page, 'field-import-many-03-board-en');
    await openFileWith(page, () => page.getByTestId('leader-import').click(), [sheets[0]!, sheets[3]!]);
    await summary.waitFor();
    expect(await page.getByTestId('import-summary-counts').textContent()).toBe('1 imported, 0 updated to a newer revision, 1 already here, 0 not imported');
    expect(await summary.textContent()).toContain('This package was already imported; nothing changed.');
    await screenshot(page, 'field-import-many-04-summary-en');
    await confirmDialog(page, summary);
    await expect.poll(() => page.getByTestId(`board-sheet-${others[3]!.card.keyId}`).getAttribute('data-revision')).toBe('1');
    expect(await page.getByTestId('leader-remaining').textContent()).not.toContain('Collect the scoresheets');
  });

  it('a member’s own scoresheet dropped on the member’s laptop is refused with where it is imported', { timeout: 180_000 }, async () => {
    const work = await session.folder('many-member');
    const { page } = await session.profile('many-member');
    const secretariat = await createParticipant({ name: '张敏', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
    const card = await writeCardPackage(secretariat, new Date());
    if (!card.ok) throw new Error(card.error.en);
    await setUpDevice(page, '王丽华', '河南省质量协会', await writeTemp(work, 'secretariat-card.zqa', card.value.bytes));
    const mine = await deviceCard(page, '王丽华', '河南省质量协会');
    const leader = await createParticipant({ name: '李建国', organisation: '郑州大学', role: 'leader' });
    const rest = await Promise.all(['张志强', '刘秀英', '陈明'].map((name) => createParticipant({ name, organisation: '郑州大学', role: 'expert' })));
    const issued = await issueDemoAssignment({ random: seededRandom(8), secretariat: secretariat.card, secretariatKeys: secretariat.keys, members: [leader.card, mine, ...rest.map((r) => r.card)], issuedAt: new Date() });
    const assignmentFile = await writeTemp(work, 'assignment.zqa', issued.written.bytes);
    // The assignment dropped on the window, on the identity page: taken as the member's review.
    await openWorkspace(page, 'identity');
    await dropFiles(page, [assignmentFile]);
    await expect.poll(() => page.getByTestId('import-outcome').last().getAttribute('data-outcome')).toBe('assignment');
    await signNoConflict(page);
    const own = join(work, 'my-scoresheet.zqa');
    await exportOwnSheet(page, own);
    await dropFiles(page, [own]);
    await expect.poll(() => page.getByTestId('import-outcome').last().textContent()).toContain('这是一份专家评分表，不能在此处导入。请在组长电脑“评审组长”页的“导入评分表与会签”导入。');
    await screenshot(page, 'field-import-many-05-refused-zh');
  });

  it('a folder is searched into its sub-folders; a folder without packages says so; a closed dialog says nothing', { timeout: 120_000 }, async () => {
    const work = await session.folder('many-folders');
    const { page } = await session.profile('many-folders');
    await signNoConflict(page);
    const stick = join(work, 'U盘');
    await mkdir(join(stick, '李建国'), { recursive: true });
    await writeFile(join(stick, '李建国', '评审任务.zqa'), 'not a package');
    await writeFile(join(stick, '说明.txt'), 'notes');
    const empty = join(work, '空文件夹');
    await mkdir(empty);
    await writeFile(join(empty, '说明.txt'), 'notes');
    const folderButton = page.getByTestId('import-assignment-folder');

    // The stick's member folder is searched: its one file is read and refused with why.
    await openFileWith(page, () => folderButton.click(), stick);
    await expect.poll(() => page.getByTestId('import-outcome').last().textContent()).toContain('这不是评审包文件');
    // A folder with no package in it: one calm line that says so.
    await openFileWith(page, () => folderButton.click(), empty);
    await page.locator('.ant-message-notice', { hasText: '所选位置没有评审包' }).waitFor();
    await screenshot(page, 'field-import-many-05-empty-folder');
    await page.locator('.ant-message-notice', { hasText: '所选位置没有评审包' }).waitFor({ state: 'detached', timeout: 15_000 });
    // The dialog closed without a choice (the browser's cancel): nothing is said.
    const shownBefore = await page.locator('.ant-message-notice').count();
    const chooser = page.waitForEvent('filechooser');
    await folderButton.click();
    await (await chooser).element().dispatchEvent('cancel');
    await page.waitForTimeout(500); // a message would be on screen within a frame or two
    expect(await page.locator('.ant-message-notice', { hasText: '所选位置没有评审包' }).count()).toBe(0);
    expect(await page.locator('.ant-message-notice').count()).toBeLessThanOrEqual(shownBefore);
  });
});
