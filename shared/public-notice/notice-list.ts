import { err, ok, type Result } from '../util/result.js';
import { complaintDefects, receivedDuringNotice, type Complaint, type ComplaintDefect, type ComplaintStatus } from './complaint.js';
import type { NoticePeriod } from './notice-period.js';
import type { DecisionRecord } from '../ranking/committee-decision.js';

/**
 * The public-notice list (公示名单): the candidates the committee put forward, the period, and
 * the complaints received. A candidate against whom a valid complaint is proven loses its
 * candidacy (取消候选资格); the others stand and go to the city government (Art. 17(9)).
 */
export interface NoticeCandidate {
  applicantId: string;
  name: string;
  /** What the committee put it forward for. */
  outcome: 'award' | 'nomination';
}

export interface ComplaintView {
  complaint: Complaint;
  valid: boolean;
  defects: ComplaintDefect[];
  duringNotice: boolean;
}

export interface CandidateStanding {
  candidate: NoticeCandidate;
  standing: 'stands' | 'withdrawn' | 'under-investigation';
  complaints: ComplaintView[];
  /** The proven complaints that withdrew it. */
  provenBy: string[];
}

export function viewComplaint(complaint: Complaint, period: NoticePeriod): ComplaintView {
  const defects = complaintDefects(complaint);
  return { complaint, valid: defects.length === 0, defects, duringNotice: receivedDuringNotice(complaint, period) };
}

/**
 * A status change asked for a complaint: an invalid complaint cannot be proven or put under
 * investigation (it is on record only), and a decided one is not reopened here.
 */
export function checkComplaintStatusChange(view: ComplaintView, to: ComplaintStatus, finding?: string): Result<ComplaintStatus, { zh: string; en: string }> {
  if (!view.valid && to !== 'received') {
    return err({ zh: `举报要件不全，仅登记备查：${view.defects.map((d) => d.zh).join('；')}`, en: `the complaint lacks required particulars and is on record only: ${view.defects.map((d) => d.en).join('; ')}` });
  }
  if (view.complaint.status === 'proven' || view.complaint.status === 'unfounded') {
    return err({ zh: '该举报已有核查结论', en: 'this complaint has already been decided' });
  }
  if ((to === 'proven' || to === 'unfounded') && !finding?.trim()) {
    return err({ zh: '核查结论须写明核查情况', en: 'a finding needs the investigation’s result written down' });
  }
  return ok(to);
}

export function noticeStandings(candidates: readonly NoticeCandidate[], complaints: readonly Complaint[], period: NoticePeriod): CandidateStanding[] {
  return candidates.map((candidate) => {
    const views = complaints.filter((c) => c.applicantId === candidate.applicantId).map((c) => viewComplaint(c, period));
    const provenBy = views.filter((v) => v.valid && v.complaint.status === 'proven').map((v) => v.complaint.id);
    const open = views.some((v) => v.valid && (v.complaint.status === 'received' || v.complaint.status === 'investigating'));
    return { candidate, standing: provenBy.length > 0 ? 'withdrawn' : open ? 'under-investigation' : 'stands', complaints: views, provenBy };
  });
}

/** The candidates for public notice: those the committee decided to put forward. */
export function noticeCandidatesFrom(decisions: readonly DecisionRecord[]): NoticeCandidate[] {
  return decisions.flatMap((d) => (d.outcome === 'notAwarded' ? [] : [{ applicantId: d.applicantId, name: d.name, outcome: d.outcome }]));
}

/** The reason recorded when a proven complaint withdraws a candidate (stage → withdrawn). */
export function withdrawalReason(standing: CandidateStanding): string | undefined {
  if (standing.standing !== 'withdrawn') return undefined;
  return `公示期间被举报并经查实，取消候选资格（第十七条第八项）；举报：${standing.provenBy.join('、')}`;
}
