import { applicantProfileSchema } from '../../../../shared/applicant/applicant-profile.js';
import { applyTransition, newApplicantRecord, type ApplicantRecord } from '../../../../shared/applicant/applicant-record.js';
import type { ConditionStatus, ExclusionStatus } from '../../../../shared/applicant/checklists.js';
import { validateMaterialReview } from '../../../../shared/applicant/material-review.js';
import type { Stage } from '../../../../shared/applicant/stage.js';
import { GBT19580_2012 } from '../../../../shared/criteria/gbt19580-2012.js';
import type { ExclusionNumber } from '../../../../shared/regulation/exclusions.js';
import { err, ok, type Result } from '../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../db/database.js';
import type { ApplicantRow } from '../records.js';
import { nowIso, same, type Bilingual } from './messages.js';

/**
 * The secretariat's edits of an applicant, each in its own transaction with who and when.
 * Every input is validated by the domain first; a refusal changes nothing.
 */
export async function addApplicant(db: ZqaDatabase, cycleId: string, input: unknown, actor: string): Promise<Result<ApplicantRow, Bilingual[]>> {
  const parsed = applicantProfileSchema.safeParse(input);
  if (!parsed.success) {
    return err(profileProblems(parsed.error.issues));
  }
  const row: ApplicantRow = { id: parsed.data.id, cycleId, record: newApplicantRecord(cycleId, parsed.data), updatedAt: nowIso(), updatedBy: actor };
  return db.transaction('rw', db.secApplicants, db.secCycles, async () => {
    if (!(await db.secCycles.get(cycleId))) return err([same(`unknown cycle ${cycleId}`)]);
    if (await db.secApplicants.get(row.id)) return err([{ zh: `编号“${row.id}”已被使用`, en: `the id "${row.id}" is already used` }]);
    const sameCode = await db.secApplicants.where('cycleId').equals(cycleId).filter((a) => a.record.profile.creditCode === row.record.profile.creditCode).first();
    if (sameCode) return err([{ zh: `统一社会信用代码已登记为“${sameCode.record.profile.name}”`, en: `this credit code is already registered as "${sameCode.record.profile.name}"` }]);
    await db.secApplicants.add(row);
    return ok(row);
  });
}

/**
 * Corrects the profile (a typo in the name, a new contact). The id stays; the credit code is
 * checked again; another applicant of the cycle with the same code is refused.
 */
export async function updateProfile(db: ZqaDatabase, id: string, input: Record<string, unknown>, actor: string): Promise<Result<ApplicantRecord, Bilingual[]>> {
  const parsed = applicantProfileSchema.safeParse({ ...input, id });
  if (!parsed.success) return err(profileProblems(parsed.error.issues));
  const profile = parsed.data;
  return db.transaction('rw', db.secApplicants, async () => {
    const row = await db.secApplicants.get(id);
    if (!row) return err([same(`unknown applicant ${id}`)]);
    const clash = await db.secApplicants.where('cycleId').equals(row.cycleId).filter((a) => a.id !== id && a.record.profile.creditCode === profile.creditCode).first();
    if (clash) return err([{ zh: `统一社会信用代码已登记为“${clash.record.profile.name}”`, en: `this credit code is already registered as "${clash.record.profile.name}"` }]);
    const record = { ...row.record, profile };
    await db.secApplicants.put({ ...row, record, updatedAt: nowIso(), updatedBy: actor });
    return ok(record);
  });
}

/** The form's own labels for the profile's fields: a problem names the field as the form does, not by its key. */
const FIELD_LABELS: Record<string, Bilingual> = {
  id: { zh: '编号', en: 'Number' },
  name: { zh: '单位名称', en: 'Name' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  industry: { zh: '行业', en: 'Industry' },
  address: { zh: '地址', en: 'Address' },
  'contact.name': { zh: '联系人', en: 'Contact' },
  'contact.phone': { zh: '联系电话', en: 'Phone' },
};

function profileProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Bilingual[] {
  return issues.map((i) => {
    const key = i.path.map(String).join('.');
    const field = FIELD_LABELS[key] ?? { zh: key, en: key };
    const zh = (i as { params?: { zh?: string } }).params?.zh;
    return { zh: `${field.zh}：${zh ?? '填写有误，请按提示修改'}`, en: `${field.en}: ${i.message}` };
  });
}

/** Applies `change` to the stored record in one transaction; a refusal leaves it as it was. */
async function update(db: ZqaDatabase, id: string, actor: string, change: (r: ApplicantRecord) => Result<ApplicantRecord, Bilingual[]>): Promise<Result<ApplicantRecord, Bilingual[]>> {
  return db.transaction('rw', db.secApplicants, async () => {
    const row = await db.secApplicants.get(id);
    if (!row) return err([same(`unknown applicant ${id}`)]);
    const next = change(row.record);
    if (!next.ok) return next;
    await db.secApplicants.put({ ...row, record: next.value, updatedAt: nowIso(), updatedBy: actor });
    return next;
  });
}

export function setEligibility(db: ZqaDatabase, id: string, conditionId: string, entry: { status: ConditionStatus; evidence: string }, actor: string) {
  return update(db, id, actor, (r) => ok({ ...r, eligibility: { ...r.eligibility, [conditionId]: { status: entry.status, evidence: entry.evidence.slice(0, 2000) } } }));
}

export function setExclusion(db: ZqaDatabase, id: string, number: ExclusionNumber, entry: { status: ExclusionStatus; evidence: string }, actor: string) {
  return update(db, id, actor, (r) => ok({ ...r, exclusions: { ...r.exclusions, [number]: { status: entry.status, evidence: entry.evidence.slice(0, 2000) } } }));
}

/** The material-review result, validated against the cycle's criteria set (5% grid, every item). */
export function setMaterialReview(db: ZqaDatabase, id: string, input: unknown, actor: string) {
  return update(db, id, actor, (r) => {
    const checked = validateMaterialReview(GBT19580_2012, input);
    if (!checked.ok) return err(checked.error.map((p) => same(p.itemId ? `${p.itemId}: ${p.message}` : p.message)));
    return ok({ ...r, materialReview: checked.value });
  });
}

export function moveStage(db: ZqaDatabase, id: string, to: Stage, reason: string | undefined, actor: string) {
  return update(db, id, actor, (r) => {
    const moved = applyTransition(r, to, { at: nowIso(), by: actor, ...(reason ? { reason } : {}) });
    return moved.ok ? moved : err(moved.error.map((e) => ({ zh: e.zh, en: e.en })));
  });
}
