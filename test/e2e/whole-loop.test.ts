import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { screenshot } from './support/app.js';
import { DialogCount } from './support/dialog-count.js';
import { fieldSession } from './support/field-session.js';
import { openFileWith, openLeaderTab, openWorkspace, setUpDevice, writeOverallEvaluation } from './support/leader-panel.js';
import { downloadFrom } from './support/packages.js';
import { pdfViewerPages } from './support/pdf-viewer.js';
import { addApplicant, becomeSecretariat, createCycle, makeEligible, recordMaterialReview } from './support/secretariat-ui.js';
import { closeImportSummary, readAndCountersign, reviewAndExport } from './support/whole-loop.js';

/**
 * The whole award review loop on four devices (four browser profiles, each its own keys and
 * database), every step clicked as a person does it, files passed only as the packages one
 * device saves and another opens (a USB stick): the secretariat enrols three experts from their
 * cards, issues the assignment; each expert reviews on site and exports a scoresheet; the
 * leader consolidates, signs the report, gathers the countersignatures (one with a
 * reservation, printed in a new version all countersign again) and returns the panel's work;
 * the secretariat's overview shows the result and the reservation. Every file dialog and
 * in-app confirmation each person goes through is counted.
 */
const session = fieldSession(5361);
const OUT = 'test-results/e2e/whole-loop';
const shot = (page: Page, name: string) => screenshot(page, `whole-loop/${name}`);
const ITEMS = itemsOf(GBT19580_2012);
/** Two items where the members are 60 points apart: the leader settles them by hand. */
const DIVERGENT = [ITEMS[0]!.id, ITEMS[9]!.id];
const EXPERTS = [
  { name: '李建国', organisation: '郑州大学', role: 'leader', base: 50, divergent: 50 },
  { name: '王丽华', organisation: '河南省质量协会', role: 'member-1', base: 55, divergent: 80 },
  { name: '张志强', organisation: '郑州市标准化研究院', role: 'member-2', base: 50, divergent: 20 },
] as const;
const RESERVATION = `对${ITEMS[0]!.id}的共识评分持保留意见：现场未见高层定期评审战略的记录，50% 偏高。`;

/** Today in Beijing: the site visit is today, so the report dated today is within the review dates. */
function beijingDate(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('the whole review loop across four devices', () => {
  it('cards, assignment, reviews with photos, the leader’s batch import and consensus, report, countersignatures with a reservation, the return on the overview', { timeout: 600_000 }, async () => {
    const started = Date.now();
    const stick = await session.folder('whole-loop-stick');
    const dialogs = new DialogCount();

    // The secretariat's device: its role, its card for the experts, a cycle whose panels have three members, an applicant ready for review.
    const sec = (await session.profile('whole-loop-secretariat')).page;
    await dialogs.watch(sec, 'secretariat');
    await becomeSecretariat(sec);
    await openWorkspace(sec, 'identity');
    await sec.getByTestId('anchor-self').waitFor();
    const secretariatCard = await downloadFrom(sec, 'export-card', stick);
    await openWorkspace(sec, 'secretariat');
    await createCycle(sec, { ordinal: '3', year: beijingDate().slice(0, 4), name: `${beijingDate().slice(0, 4)}年度郑州市市长质量奖`, preset: { id: 'draft-2021', label: '2021年修订征求意见稿' }, nominationMinimum: '0', callDate: beijingDate(-90), reviewDate: beijingDate() });
    await sec.getByTestId('rule-panelSizeMin').fill('3');
    await sec.getByTestId('rule-panelSizeMin').blur();
    await expect.poll(() => sec.getByTestId('rule-panelSizeMin').inputValue()).toBe('3');
    expect(await sec.getByTestId('rule-problems').count()).toBe(0);
    await addApplicant(sec, { id: 'a1', name: '郑州宇通精密机械有限公司', creditCode: '91410100MA44XNTK54', industry: '装备制造' });
    await makeEligible(sec, 'draft-2021', { foundedOn: '2008-04-01', excellenceModelSince: '2019-01-01' });
    await recordMaterialReview(sec, '55');

    // Each expert on their own laptop: who they are, the secretariat's card trusted after reading its fingerprint, their card exported.
    const pages: Page[] = [];
    const cards: string[] = [];
    for (const e of EXPERTS) {
      const page = (await session.profile(`whole-loop-${e.role}`)).page;
      await dialogs.watch(page, e.role);
      pages.push(page);
      await setUpDevice(page, e.name, e.organisation, secretariatCard);
      cards.push(await downloadFrom(page, 'export-card', stick));
    }
    await shot(pages[0]!, '01-leader-identity');
    const [leader, member1, member2] = pages as [Page, Page, Page];

    // The secretariat takes the three cards in one dialog, confirms each fingerprint, forms the panel with its leader and issues the assignment.
    await sec.getByTestId('tab-experts').click();
    await openFileWith(sec, () => sec.getByTestId('import-card').click(), cards);
    await closeImportSummary(sec, '已导入 3 个，已更新版本 0 个，已存在 0 个，未导入 0 个');
    for (const e of EXPERTS) {
      await sec.getByTestId(`confirm-${e.name}`).click();
      await expect.poll(() => sec.getByTestId(`confirm-${e.name}`).isChecked()).toBe(true);
    }
    await shot(sec, '02-secretariat-experts');
    await sec.getByTestId('tab-panels').click();
    await sec.getByTestId('panel-edit-a1').click();
    for (const e of EXPERTS) await sec.getByTestId(`member-${e.name}`).check();
    await sec.getByTestId(`leader-${EXPERTS[0].name}`).check();
    await sec.getByTestId('panel-save').click();
    await expect.poll(() => sec.getByTestId('panels-table').textContent()).toContain(`${EXPERTS[0].name}（组长）`);
    const assignment = await downloadFrom(sec, 'issue-a1', stick);
    await expect.poll(() => sec.getByTestId('panels-table').textContent()).toContain('已下发第1版');
    await shot(sec, '03-secretariat-issued');

    // Each expert: the assignment, the declaration, notes and a photo on one item, every item scored, the scoresheet exported.
    const sheets: string[] = [];
    for (const [i, e] of EXPERTS.entries()) {
      const percentOf = (itemId: string) => (DIVERGENT.includes(itemId) ? e.divergent : e.base);
      const item = ITEMS[2 + i]!.id;
      sheets.push(
        await reviewAndExport(pages[i]!, assignment, percentOf, {
          itemId: item,
          strength: '质量目标逐级分解到班组，考核记录完整。',
          opportunity: '顾客投诉的原因分析未形成闭环。',
          observation: `${e.name}现场观察：装配车间作业指导书在岗，首件检验记录齐全。`,
          caption: `${e.name}拍摄：装配车间作业指导书`,
        }, stick, () => shot(pages[i]!, `04-${e.role}-item-notes-photo`)),
      );
      await shot(pages[i]!, `05-${e.role}-scoresheet-exported`);
    }

    // The leader: both members' scoresheets in one dialog on the board, then the consensus.
    await openWorkspace(leader, 'leader');
    await leader.getByTestId('progress-board').waitFor();
    await openFileWith(leader, () => leader.getByTestId('leader-import').click(), sheets.slice(1));
    await closeImportSummary(leader, '已导入 2 个，已更新版本 0 个，已存在 0 个，未导入 0 个');
    await expect.poll(() => leader.getByTestId('leader-remaining').textContent()).not.toContain('收齐评分表');
    await shot(leader, '06-leader-board');
    await openLeaderTab(leader, 'consensus');
    const accept = leader.getByTestId('bulk-accept');
    await expect.poll(() => accept.textContent()).toBe(`采纳成员一致值（${ITEMS.length - DIVERGENT.length} 项）`);
    await accept.click();
    await expect.poll(() => leader.getByTestId(`consensus-item-${ITEMS[1]!.id}`).textContent()).toContain('批量');
    for (const id of DIVERGENT) {
      await leader.getByTestId(`consensus-item-${id}`).click();
      await expect.poll(() => leader.getByTestId('item-consensus').getAttribute('data-item-id')).toBe(id);
      await leader.getByTestId('consensus-percent').fill('50');
      await leader.getByTestId('consensus-percent').press('Enter');
      await expect.poll(() => leader.getByTestId(`consensus-item-${id}`).textContent()).toContain('50%');
      await leader.getByTestId('consensus-rationale').fill('评审组现场复核相关记录后，一致取 50%。');
    }
    // A member's photo is beside the observation it supports.
    await leader.getByTestId(`consensus-item-${ITEMS[3]!.id}`).click();
    const seen = leader.getByTestId('member-evidence').getByTestId('member-observation').filter({ hasText: '王丽华现场观察' });
    await seen.waitFor();
    expect(await seen.getByTestId('member-photo').getAttribute('data-caption')).toBe('王丽华拍摄：装配车间作业指导书');
    await shot(leader, '07-leader-consensus');

    await openLeaderTab(leader, 'overall');
    await leader.getByTestId('bulk-clear-exclusions').click();
    await leader.getByTestId('bulk-exclusions-dialog').waitFor();
    await leader.locator('.ant-modal-confirm').getByRole('button', { name: '全部标为未发现' }).click();
    for (let n = 1; n <= 7; n++) await expect.poll(() => leader.getByTestId(`exclusion-${n}`).locator('.ant-radio-button-wrapper-checked').textContent()).toBe('未发现');
    await writeOverallEvaluation(leader);
    await shot(leader, '08-leader-overall');

    // Read before signing, then sign and send for countersigning.
    await openLeaderTab(leader, 'report');
    await leader.getByTestId('preview-report').click();
    const preview = await pdfViewerPages(leader, 'report-preview-pages');
    expect([preview.canvases, preview.inked]).toEqual([preview.pages, preview.pages]);
    await shot(leader, '09-leader-preview');
    await leader.getByTestId('produce-report').click();
    const sha1 = (await leader.getByTestId('report-sha256').textContent({ timeout: 60_000 }))!;
    const forSigning1 = await downloadFrom(leader, 'export-for-signing', stick);

    // One member agrees, the other countersigns with a reservation typed under the viewer.
    const agreed1 = await readAndCountersign(member1, forSigning1, sha1, stick, { beforeSigning: () => shot(member1, '10-member-1-reads-report') });
    const reserved1 = await readAndCountersign(member2, forSigning1, sha1, stick, { reservation: RESERVATION, beforeSigning: () => shot(member2, '11-member-2-reservation') });
    await shot(member2, '11-member-2-signed');

    // The leader takes both in one dialog; the reservation is printed in a new version, which both countersign again.
    await openWorkspace(leader, 'leader');
    await openFileWith(leader, () => leader.getByTestId('leader-import').click(), [agreed1, reserved1]);
    await closeImportSummary(leader, '已导入 2 个，已更新版本 0 个，已存在 0 个，未导入 0 个');
    await openLeaderTab(leader, 'report');
    await leader.getByTestId('reservations-to-print').waitFor();
    await leader.getByTestId('produce-report').click();
    await expect.poll(() => leader.getByTestId('report-sha256').textContent(), { timeout: 60_000 }).not.toBe(sha1);
    const sha2 = (await leader.getByTestId('report-sha256').textContent())!;
    const forSigning2 = await downloadFrom(leader, 'export-for-signing', stick);
    const agreed2 = await readAndCountersign(member1, forSigning2, sha2, stick);
    const reserved2 = await readAndCountersign(member2, forSigning2, sha2, stick, { reservation: RESERVATION });
    await openWorkspace(leader, 'leader');
    await openFileWith(leader, () => leader.getByTestId('leader-import').click(), [agreed2, reserved2]);
    await closeImportSummary(leader, '已导入 2 个，已更新版本 0 个，已存在 0 个，未导入 0 个');
    await openLeaderTab(leader, 'report');
    await expect.poll(() => leader.getByTestId('export-panel-return').isDisabled()).toBe(false);
    await shot(leader, '12-leader-countersignatures');
    const panelReturn = await downloadFrom(leader, 'export-panel-return', stick);

    // The secretariat: the return imported and checked; the overview shows the result with the reservation.
    await sec.getByTestId('tab-returns').click();
    await openFileWith(sec, () => sec.getByTestId('import-return').click(), panelReturn);
    await expect.poll(() => sec.getByTestId('returns-table').textContent(), { timeout: 30_000 }).toContain('均已核验');
    await sec.getByTestId('tab-overview').click();
    expect(await sec.getByTestId('total-a1').textContent()).toMatch(/^\d+\.\d\d$/);
    const signOff = sec.getByTestId('sign-off-a1');
    await expect.poll(() => signOff.textContent()).toContain(`有保留意见：${EXPERTS[2].name}`);
    expect(await signOff.textContent()).toContain(RESERVATION);
    await shot(sec, '13-secretariat-overview');

    const table = dialogs.table();
    console.log(`whole loop in ${Math.round((Date.now() - started) / 1000)} s; dialogs per person:`);
    console.table(table);
    await dialogs.writeTo(join(OUT, 'dialogs.json'));
    // What each person went through, step by step above; a dialog added or saved shows here.
    // secretariat: open 2 (three cards in one pick, the return), save 2 (its card, the assignment),
    //   modal 2 (the cards' summary, the Art. 13 conditions marked 符合 in bulk).
    // leader: open 6 (secretariat's card, assignment, photo, two sheets in one pick, countersignatures ×2 rounds),
    //   save 5 (card, scoresheet, report for signing ×2, return), modal 5 (card fingerprint, import summary ×3, Art. 14 bulk).
    // members: open 5 (secretariat's card, assignment, photo, report for signing ×2), save 4 (card, scoresheet, countersignature ×2), modal 1 (fingerprint).
    const member = { open: 5, save: 4, modal: 1, total: 10 };
    expect(table).toEqual({
      secretariat: { open: 2, save: 2, modal: 2, total: 6 },
      leader: { open: 6, save: 5, modal: 5, total: 16 },
      'member-1': member,
      'member-2': member,
      total: { open: 18, save: 15, modal: 9, total: 42 },
    });
    for (const p of session.profiles) expect(p.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
