import { applicantProfileSchema } from '../../../../../shared/applicant/applicant-profile.js';
import { applyTransition, eligibilityContextOf, newApplicantRecord, type ApplicantRecord } from '../../../../../shared/applicant/applicant-record.js';
import { markConditionsMet, markExclusionsClear } from '../../../../../shared/applicant/bulk-checks.js';
import type { ConditionStatus, ExclusionStatus } from '../../../../../shared/applicant/checklists.js';
import { validateMaterialReview } from '../../../../../shared/applicant/material-review.js';
import type { Stage } from '../../../../../shared/applicant/stage.js';
import { eligibilityFactsSchema, type EligibilityFacts } from '../../../../../shared/applicant/eligibility-check.js';
import { awardRecordSchema, revocationSchema, type AwardRecord } from '../../../../../shared/applicant/prior-awards.js';
import { chinaDateOf } from '../../../../../shared/public-notice/china-date.js';
import { decisionStatus } from './decision-store.js';
import { loadOverview } from './overview.js';
import { TRANSITION_TABLES, transitionContext } from './transition-context.js';
import { criteriaSetById } from './criteria-store.js';
import type { ExclusionNumber } from '../../../../../shared/regulation/exclusions.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ApplicantRow } from '../../../db/secretariat-records.js';
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

/** Every listed Art. 13 condition still 未核查 marked 符合 in one transaction; refused, changing nothing, if the list changed. */
export async function markRemainingConditionsMet(db: ZqaDatabase, id: string, listed: readonly string[], actor: string) {
  // The cycle's rules say which text's conditions there are (the list is checked against them).
  const row = await db.secApplicants.get(id);
  const cycle = row ? (await db.secCycles.get(row.cycleId))?.cycle : undefined;
  if (!cycle) return err([same(`unknown applicant ${id}`)]);
  return update(db, id, actor, (r) => {
    const marked = markConditionsMet(r.eligibility, eligibilityContextOf(r, { rules: cycle.rules, callDate: cycle.callDate }), listed);
    return marked.ok ? ok({ ...r, eligibility: marked.value }) : err([marked.error]);
  });
}

/** Every listed Art. 14 exclusion still 未核查 marked 无此情形 in one transaction; refused, changing nothing, if the list changed. */
export function markRemainingExclusionsClear(db: ZqaDatabase, id: string, listed: readonly ExclusionNumber[], actor: string) {
  return update(db, id, actor, (r) => {
    const marked = markExclusionsClear(r.exclusions, listed);
    return marked.ok ? ok({ ...r, exclusions: marked.value }) : err([marked.error]);
  });
}

export function setExclusion(db: ZqaDatabase, id: string, number: ExclusionNumber, entry: { status: ExclusionStatus; evidence: string }, actor: string) {
  return update(db, id, actor, (r) => ok({ ...r, exclusions: { ...r.exclusions, [number]: { status: entry.status, evidence: entry.evidence.slice(0, 2000) } } }));
}

/** The material-review result, validated against the cycle's criteria set (5% grid, every item). */
export async function setMaterialReview(db: ZqaDatabase, id: string, input: unknown, actor: string) {
  const row = await db.secApplicants.get(id);
  const cycle = row ? await db.secCycles.get(row.cycleId) : undefined;
  const set = cycle ? await criteriaSetById(db, cycle.cycle.criteriaSetId) : undefined;
  if (!set) return err([{ zh: '找不到本届的评审标准', en: "the cycle's criteria set is not on this device" }]);
  return update(db, id, actor, (r) => {
    const checked = validateMaterialReview(set, input);
    if (!checked.ok) return err(checked.error.map((p) => same(p.itemId ? `${p.itemId}: ${p.message}` : p.message)));
    return ok({ ...r, materialReview: checked.value });
  });
}

/**
 * Moves an applicant's stage, checked against the cycle's rules and dates, earlier awards of the
 * same organisation, the committee's decision and the public notice as they stand now. A move
 * to decided of a candidate the committee put forward records its award: the kind, the
 * decision date (validity runs from it), the prize money and whether it is a repeat winner.
 */
export async function moveStage(db: ZqaDatabase, id: string, to: Stage, reason: string | undefined, actor: string, nowMs = Date.now()): Promise<Result<ApplicantRecord, Bilingual[]>> {
  // The overview's tables too: a decided award reads the committee's recorded decision.
  return db.transaction('rw', [...TRANSITION_TABLES, 'secSummaries', 'secCriteriaSets'], async () => {
    const row = await db.secApplicants.get(id);
    if (!row) return err([same(`unknown applicant ${id}`)]);
    const ctx = await transitionContext(db, row, nowMs);
    const moved = applyTransition(row.record, to, { at: new Date(nowMs).toISOString(), by: actor, ...(reason ? { reason } : {}) }, ctx);
    if (!moved.ok) return err(moved.error.map((e) => ({ zh: e.zh, en: e.en })));
    let record = moved.value;
    if (to === 'decided' && (ctx.decision === 'award' || ctx.decision === 'nomination')) {
      const award = await awardOf(db, row, ctx.decision, nowMs);
      if (!award.ok) return award;
      record = { ...record, award: award.value };
    }
    await db.secApplicants.put({ ...row, record, updatedAt: nowIso(), updatedBy: actor });
    return ok(record);
  });
}

/** The award a decided candidate holds, from the committee's recorded decision (prize money, repeat winner). */
async function awardOf(db: ZqaDatabase, row: ApplicantRow, kind: 'award' | 'nomination', nowMs: number): Promise<Result<AwardRecord, Bilingual[]>> {
  const overview = await loadOverview(db, row.cycleId);
  const decided = overview ? decisionStatus(overview).records?.find((d) => d.applicantId === row.id) : undefined;
  if (!overview || !decided) return err([{ zh: '评委会的决定尚不完整，不能确定获奖', en: "the committee's decisions are not complete; the award cannot be decided" }]);
  return ok({
    kind,
    year: overview.cycle.year,
    decidedOn: chinaDateOf(nowMs),
    cycleName: overview.cycle.name,
    prizeMoneyYuan: decided.prizeMoneyYuan,
    ...(decided.repeatWinner ? { repeatWinner: true } : {}),
  });
}

/** Art. 24: revokes this cycle's award with its ground, reason, date and the decision's reference. */
export function revokeAward(db: ZqaDatabase, id: string, input: unknown, actor: string) {
  return update(db, id, actor, (r) => {
    if (!r.award) return err([{ zh: '该单位本届未获奖，无可撤销', en: 'it holds no award of this cycle to revoke' }]);
    if (r.award.revocation) return err([{ zh: `该奖项已于${r.award.revocation.date}撤销`, en: `the award was already revoked on ${r.award.revocation.date}` }]);
    const parsed = revocationSchema.safeParse(input);
    if (!parsed.success) return err(parsed.error.issues.map((i) => same(`${i.path.join('.')}: ${i.message}`)));
    return ok({ ...r, award: { ...r.award, revocation: parsed.data } });
  });
}

/**
 * The dates Art. 13's years and Art. 14's look-back are computed from, changed on the stored
 * record (not on a copy the screen holds), so two fields saved in quick succession both stay.
 * An empty date removes it.
 */
export function setFacts(db: ZqaDatabase, id: string, patch: Partial<Record<keyof EligibilityFacts, unknown>>, actor: string) {
  return update(db, id, actor, (r) => {
    const merged: Record<string, unknown> = { ...r.facts, ...patch };
    for (const k of Object.keys(merged)) if (merged[k] === '' || merged[k] === undefined) delete merged[k];
    const parsed = eligibilityFactsSchema.safeParse(merged);
    if (!parsed.success) return err(parsed.error.issues.map((i) => same(`${i.path.join('.')}: ${i.message}`)));
    return ok({ ...r, facts: parsed.data });
  });
}

/** Awards the organisation won before this cycle (from before the software, or from elsewhere). */
export function setPriorAwards(db: ZqaDatabase, id: string, input: readonly unknown[], actor: string) {
  return update(db, id, actor, (r) => {
    const awards: AwardRecord[] = [];
    const problems: Bilingual[] = [];
    input.forEach((raw, i) => {
      const parsed = awardRecordSchema.safeParse(raw);
      if (parsed.success) awards.push(parsed.data);
      else for (const issue of parsed.error.issues) problems.push(same(`[${i + 1}] ${issue.path.join('.')}: ${issue.message}`));
    });
    return problems.length > 0 ? err(problems) : ok({ ...r, priorAwards: awards });
  });
}
