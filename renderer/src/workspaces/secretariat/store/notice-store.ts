import { applyTransition } from '../../../../../shared/applicant/applicant-record.js';
import { complaintSchema, type ComplaintStatus } from '../../../../../shared/public-notice/complaint.js';
import { checkComplaintStatusChange, noticeStandings, viewComplaint, withdrawalReason } from '../../../../../shared/public-notice/notice-list.js';
import { checkNoticePeriod, type NoticePeriod } from '../../../../../shared/public-notice/notice-period.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ComplaintRow } from '../../../db/secretariat-records.js';
import { nowIso, same, type Bilingual } from './messages.js';
import { TRANSITION_TABLES, transitionContext } from './transition-context.js';

/**
 * Public notice (公示, Art. 17(8)): the period (at least the cycle's minimum, counted in
 * China's calendar) and the complaints with their particulars. A complaint lacking one is
 * recorded but invalid; a valid complaint found proven withdraws the candidate, in the same
 * transaction as the finding.
 */
export async function setNoticePeriod(db: ZqaDatabase, cycleId: string, period: NoticePeriod, actor: string): Promise<Result<NoticePeriod, Bilingual[]>> {
  const cycle = await db.secCycles.get(cycleId);
  if (!cycle) return err([same(`unknown cycle ${cycleId}`)]);
  const checked = checkNoticePeriod(period, cycle.cycle.rules.publicNoticeMinDays);
  if (!checked.ok) return err(checked.error.map((p) => ({ zh: p.zh, en: p.en })));
  await db.transaction('rw', db.secNotices, () => db.secNotices.put({ cycleId, period: { start: period.start, end: period.end }, updatedAt: nowIso(), updatedBy: actor }));
  return ok(period);
}

export async function addComplaint(db: ZqaDatabase, cycleId: string, input: unknown, actor: string): Promise<Result<ComplaintRow, Bilingual[]>> {
  const parsed = complaintSchema.safeParse(input);
  if (!parsed.success) return err(parsed.error.issues.map((i) => same(`${i.path.join('.')}: ${i.message}`)));
  const row: ComplaintRow = { id: parsed.data.id, cycleId, applicantId: parsed.data.applicantId, complaint: parsed.data, updatedAt: nowIso(), updatedBy: actor };
  return db.transaction('rw', db.secComplaints, async () => {
    if (await db.secComplaints.get(row.id)) return err([same(`complaint ${row.id} exists`)]);
    await db.secComplaints.add(row);
    return ok(row);
  });
}

/** A finding; proven withdraws the candidate (stage → withdrawn with the reason) in the same transaction. */
export async function setComplaintStatus(db: ZqaDatabase, id: string, to: ComplaintStatus, finding: string, actor: string): Promise<Result<ComplaintRow, Bilingual[]>> {
  return db.transaction('rw', [...TRANSITION_TABLES], async () => {
    const row = await db.secComplaints.get(id);
    if (!row) return err([same(`unknown complaint ${id}`)]);
    const notice = await db.secNotices.get(row.cycleId);
    if (!notice) return err([{ zh: '尚未设定公示期', en: 'no notice period set' }]);
    const change = checkComplaintStatusChange(viewComplaint(row.complaint, notice.period), to, finding);
    if (!change.ok) return err([change.error]);
    const next: ComplaintRow = { ...row, complaint: { ...row.complaint, status: to, ...(finding.trim() ? { finding: finding.trim() } : {}) }, updatedAt: nowIso(), updatedBy: actor };
    await db.secComplaints.put(next);
    if (to === 'proven') {
      const applicant = await db.secApplicants.get(row.applicantId);
      const decision = await db.secDecisions.get([row.cycleId, row.applicantId]);
      if (applicant && decision && decision.outcome !== 'notAwarded') {
        const standing = noticeStandings([{ applicantId: row.applicantId, name: applicant.record.profile.name, outcome: decision.outcome }], [next.complaint], notice.period)[0]!;
        const reason = withdrawalReason(standing);
        if (reason && applicant.record.stage !== 'withdrawn') {
          const moved = applyTransition(applicant.record, 'withdrawn', { at: nowIso(), by: actor, reason }, await transitionContext(db, applicant));
          if (!moved.ok) throw new Error(moved.error.map((e) => e.en).join('; ')); // aborts the whole transaction
          await db.secApplicants.put({ ...applicant, record: moved.value, updatedAt: nowIso(), updatedBy: actor });
        }
      }
    }
    return ok(next);
  });
}
