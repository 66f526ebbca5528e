import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { GBT19580_2012 } from '../../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../../shared/criteria/validate-criteria-set.js';
import { ELIGIBILITY_CONDITIONS_BY_PRESET } from '../../../shared/regulation/eligibility.js';
import type { PresetId } from '../../../shared/regulation/presets.js';
import { makeExpert, type Expert } from './secretariat-returns.js';
import { confirmDialog } from './confirm-dialog.js';

/** The secretariat's screens clicked through as a person does, for the e2e tests that need them. */

/**
 * Picks an option of an antd Select as a person does: open it, click the option; then wait
 * until its list has closed, so the next pick never clicks into a list still fading out.
 */
export async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
}

export async function openFile(page: Page, click: () => Promise<void>, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles(file);
}

/** This device becomes the secretariat's, and its workspace opens. */
export async function becomeSecretariat(page: Page): Promise<void> {
  await page.getByTestId('workspace-identity').click();
  await page.getByTestId('profile-name').fill('张敏');
  await page.getByTestId('profile-organisation').fill('郑州市市长质量奖评审委员会秘书处');
  await page.getByText('秘书处', { exact: true }).click();
  await page.getByTestId('profile-save').click();
  await page.getByTestId('workspace-secretariat').click();
}

export interface NewCycle {
  ordinal: string;
  year: string;
  name: string;
  preset: { id: PresetId; label: string };
  nominationMinimum: string;
  callDate: string;
  reviewDate: string;
}

/** A cycle on a preset; refused until the nomination minimum is stated. */
export async function createCycle(page: Page, c: NewCycle): Promise<void> {
  await page.getByTestId('cycle-ordinal').fill(c.ordinal);
  await page.getByTestId('cycle-year').fill(c.year);
  await page.getByTestId('cycle-name').fill(c.name);
  await choose(page, 'cycle-preset', c.preset.label);
  await page.getByTestId('cycle-call-date').fill(c.callDate);
  await page.getByTestId('cycle-review-date').fill(c.reviewDate);
  await page.getByTestId('create-cycle').click();
  await expect.poll(() => page.getByTestId('cycle-problems').textContent()).toContain('须写明本届提名奖最低分');
  await page.getByTestId('cycle-nomination-minimum').fill(c.nominationMinimum);
  await page.getByTestId('create-cycle').click();
  await page.getByTestId('cycle-rules').waitFor();
}

export interface NewApplicant {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  category?: string;
}

export async function addApplicant(page: Page, a: NewApplicant): Promise<void> {
  await page.getByTestId('tab-applicants').click();
  const values: Record<string, string> = { id: a.id, name: a.name, creditCode: a.creditCode, industry: a.industry, address: '郑州市经开区第九大街', contactName: '王经理', contactPhone: '0371-66668888', ...(a.category ? { category: a.category } : {}) };
  for (const [k, v] of Object.entries(values)) await page.getByTestId(`applicant-${k}`).fill(v);
  await page.getByTestId('applicant-submit').click();
  await expect.poll(() => page.getByTestId('applicant-detail').textContent()).toContain(a.name);
}

export async function moveStage(page: Page, stage: string, reason = ''): Promise<void> {
  await choose(page, 'stage-target', stage);
  if (reason) await page.getByTestId('stage-reason').fill(reason);
  await page.getByTestId('stage-move').click();
}

/**
 * The open applicant made eligible: its dates recorded (the years are computed from them),
 * the first tickable Art. 13 condition ticked met by hand and the rest in one bulk step (its
 * confirmation lists exactly those left), then the move.
 */
export async function makeEligible(page: Page, preset: PresetId, dates: { foundedOn: string; excellenceModelSince: string }): Promise<void> {
  for (const [k, v] of Object.entries(dates)) {
    await page.getByTestId(`fact-${k}`).fill(v);
    await page.getByTestId(`fact-${k}`).blur();
    await expect.poll(() => page.getByTestId(`fact-${k}`).inputValue()).toBe(v);
  }
  const conditions = ELIGIBILITY_CONDITIONS_BY_PRESET[preset];
  for (const c of conditions.filter((x) => x.computed)) await expect.poll(() => page.getByTestId(`eligibility-${c.id}`).textContent(), { timeout: 10_000 }).toBe('符合');
  const tickable = conditions.filter((x) => !x.computed);
  await choose(page, `eligibility-${tickable[0]!.id}`, '符合');
  await expect.poll(() => page.getByTestId('bulk-conditions-met').textContent()).toBe('其余条件均标为符合');
  await page.getByTestId('bulk-conditions-met').click();
  await page.getByTestId('bulk-conditions-met-dialog').waitFor();
  expect(await page.getByTestId('bulk-conditions-met-listed').count()).toBe(tickable.length - 1);
  await confirmDialog(page, page.getByTestId('bulk-conditions-met-dialog'));
  await expect.poll(() => page.getByTestId('bulk-conditions-met').textContent(), { timeout: 10_000 }).toBe('没有未核查的条件');
  for (const c of tickable) expect(await page.getByTestId(`eligibility-${c.id}`).textContent()).toBe('符合');
  await moveStage(page, '资格审核通过');
  await expect.poll(() => page.getByTestId('applicant-detail').textContent()).toContain('已申报 → 资格审核通过');
}

/** Every item of the material review at one percentage, one issue to verify on site; then the stage. */
export async function recordMaterialReview(page: Page, percent: string): Promise<void> {
  for (const item of itemsOf(GBT19580_2012)) await page.getByTestId(`mr-${item.id}`).fill(percent);
  await page.getByTestId('mr-add-issue').click();
  await page.getByTestId('mr-issue-0').fill('核实近三年财务报表，确认无亏损');
  await page.getByTestId('mr-save').click();
  await expect.poll(() => page.getByTestId('material-review').textContent()).toContain(`${Number(percent) * 10}.00`);
  await moveStage(page, '材料评审');
  await expect.poll(() => page.getByTestId('applicant-detail').textContent()).toContain('资格审核通过 → 材料评审');
}

/** Experts with real keys; their identity cards imported and their fingerprints ticked by hand. */
export async function importExperts(page: Page, dir: string, names: readonly string[], organisations: readonly string[]): Promise<Expert[]> {
  const experts: Expert[] = [];
  await page.getByTestId('tab-experts').click();
  for (const [i, name] of names.entries()) {
    const e = await makeExpert({ name, organisation: organisations[i]!, role: 'expert' });
    experts.push(e);
    const file = join(dir, `card-${name}.zqa`);
    await writeFile(file, e.cardPackage);
    await openFile(page, () => page.getByTestId('import-card').click(), file);
    await page.getByTestId(`confirm-${name}`).waitFor();
  }
  for (const name of names) {
    // Saved, then shown from the database: the tick appears once the write committed.
    await page.getByTestId(`confirm-${name}`).click();
    await expect.poll(() => page.getByTestId(`confirm-${name}`).isChecked()).toBe(true);
  }
  return experts;
}

/** A panel of the named experts for one applicant, led by the first; its assignment saved to `file`. */
export async function formPanelAndIssue(page: Page, applicantId: string, names: readonly string[], file: string): Promise<void> {
  await page.getByTestId('tab-panels').click();
  await page.getByTestId(`panel-edit-${applicantId}`).click();
  for (const name of names) await page.getByTestId(`member-${name}`).check();
  await page.getByTestId(`leader-${names[0]}`).check();
  await page.getByTestId('panel-save').click();
  await expect.poll(() => page.getByTestId('panels-table').textContent()).toContain(`${names[0]}（组长）`);
  const download = page.waitForEvent('download');
  await page.getByTestId(`issue-${applicantId}`).click();
  await (await download).saveAs(file);
}
