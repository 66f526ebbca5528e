import type { TransitionContext } from '../../../../../shared/applicant/applicant-record.js';
import type { AwardRecord } from '../../../../../shared/applicant/prior-awards.js';
import { noticeStateOf } from '../../../../../shared/public-notice/notice-state.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ApplicantRow } from '../../../db/secretariat-records.js';

/**
 * What a stage move of one applicant is checked against, read in the caller's transaction
 * (secCycles, secApplicants, secDecisions, secNotices, secComplaints): the cycle's rules and
 * call date, the awards the same organisation (by credit code) won in this database's other
 * cycles, the committee's decision and where its public notice stands now.
 */
export const TRANSITION_TABLES = ['secCycles', 'secApplicants', 'secDecisions', 'secNotices', 'secComplaints'] as const;

export async function transitionContext(db: ZqaDatabase, row: ApplicantRow, nowMs = Date.now()): Promise<TransitionContext> {
  const cycle = await db.secCycles.get(row.cycleId);
  if (!cycle) throw new Error(`unknown cycle ${row.cycleId}`);
  const code = row.record.profile.creditCode;
  const others = await db.secApplicants.filter((a) => a.cycleId !== row.cycleId && a.record.profile.creditCode === code).toArray();
  const otherAwards: AwardRecord[] = others.flatMap((a) => (a.record.award ? [a.record.award] : []));
  const decision = await db.secDecisions.get([row.cycleId, row.id]);
  const notice = await db.secNotices.get(row.cycleId);
  const complaints = (await db.secComplaints.where('applicantId').equals(row.id).toArray()).map((c) => c.complaint);
  return {
    rules: cycle.cycle.rules,
    callDate: cycle.cycle.callDate,
    otherAwards,
    decision: decision?.outcome,
    notice: noticeStateOf(notice?.period, complaints, nowMs),
  };
}
