import type { Interest } from '../../../../../shared/panel/expert.js';
import { personConflicts } from '../../../../../shared/panel/recusal.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { StaffRow } from '../../../db/secretariat-records.js';
import { nowIso, same, type Bilingual } from './messages.js';
import { reviewDateOf } from './panel-store.js';
import { parseEmployer, parseInterests } from './person-profile.js';

/**
 * The secretariat's staff (Art. 18: 工作人员 with an interest in an applicant recuse, like
 * experts): each with an employer and declared interests, checked against the applicants they
 * are to handle. An applicant's handlers are refused, with every reason, when any conflicts.
 */
export async function addStaff(db: ZqaDatabase, input: { name: string; employer: unknown }, actor: string): Promise<Result<StaffRow, Bilingual[]>> {
  const name = input.name.trim();
  if (!name) return err([{ zh: '请填写姓名', en: 'a name is required' }]);
  const employer = parseEmployer(input.employer);
  if (!employer.ok) return employer;
  const row: StaffRow = { id: `s-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`, name, employer: employer.value, interests: [], updatedAt: nowIso(), updatedBy: actor };
  await db.transaction('rw', db.secStaff, () => db.secStaff.add(row));
  return ok(row);
}

/** Applies `change` to the stored staff member in one transaction. */
function update(db: ZqaDatabase, id: string, actor: string, change: (row: StaffRow) => StaffRow): Promise<Result<StaffRow, Bilingual[]>> {
  return db.transaction('rw', db.secStaff, async () => {
    const row = await db.secStaff.get(id);
    if (!row) return err([same(`unknown staff member ${id}`)]);
    const next = { ...change(row), updatedAt: nowIso(), updatedBy: actor };
    await db.secStaff.put(next);
    return ok(next);
  });
}

export async function setStaffEmployer(db: ZqaDatabase, id: string, input: unknown, actor: string): Promise<Result<StaffRow, Bilingual[]>> {
  const employer = parseEmployer(input);
  return employer.ok ? update(db, id, actor, (row) => ({ ...row, employer: employer.value })) : employer;
}

export async function setStaffInterests(db: ZqaDatabase, id: string, input: readonly unknown[], actor: string): Promise<Result<Interest[], Bilingual[]>> {
  const interests = parseInterests(input);
  if (!interests.ok) return interests;
  const r = await update(db, id, actor, (row) => ({ ...row, interests: interests.value }));
  return r.ok ? ok(r.value.interests) : r;
}
/** Who handles an applicant: every one checked for recusal against it, at the cycle's review date. */
export async function setHandlers(db: ZqaDatabase, applicantId: string, staffIds: readonly string[], actor: string): Promise<Result<string[], Bilingual[]>> {
  return db.transaction('rw', [db.secApplicants, db.secStaff, db.secCycles], async () => {
    const row = await db.secApplicants.get(applicantId);
    const cycle = row ? await db.secCycles.get(row.cycleId) : undefined;
    if (!row || !cycle) return err([same(`unknown applicant ${applicantId}`)]);
    const problems: Bilingual[] = [];
    const window = { reviewDate: reviewDateOf(cycle.cycle.reviewDate), lookbackYears: cycle.cycle.rules.eligibility.lookbackYears };
    const target = { name: row.record.profile.name, creditCode: row.record.profile.creditCode };
    for (const id of new Set(staffIds)) {
      const staff = await db.secStaff.get(id);
      if (!staff) {
        problems.push(same(`unknown staff member ${id}`));
        continue;
      }
      for (const c of personConflicts(staff, target, window, 'staff')) problems.push({ zh: c.zh, en: c.en });
    }
    if (problems.length > 0) return err(problems);
    const handlerIds = [...new Set(staffIds)];
    await db.secApplicants.put({ ...row, record: { ...row.record, handlerIds }, updatedAt: nowIso(), updatedBy: actor });
    return ok(handlerIds);
  });
}
