import { complaintDefects, type Complaint } from './complaint.js';
import { chinaDateOf } from './china-date.js';
import type { NoticePeriod } from './notice-period.js';

/**
 * Where the public notice (公示, Art. 17(8)) stands for one candidate. Only valid complaints
 * count (an incomplete one is on record only): one still received or under investigation holds
 * the candidate "under review", one proven ends its candidacy whatever the date. Otherwise the
 * period decides: not started, running, or ended without objection (China's calendar days).
 */
export type NoticeState = 'not-started' | 'running' | 'complaint-under-review' | 'ended-without-objection' | 'ended-with-proven-complaint';

export const NOTICE_STATE_NAMES: Record<NoticeState, { zh: string; en: string }> = {
  'not-started': { zh: '公示未开始', en: 'Notice not started' },
  running: { zh: '公示中', en: 'Notice running' },
  'complaint-under-review': { zh: '举报核查中', en: 'Complaint under review' },
  'ended-without-objection': { zh: '公示期满无异议', en: 'Ended without objection' },
  'ended-with-proven-complaint': { zh: '举报经查实，取消候选资格', en: 'Ended: complaint proven' },
};

export interface NoticeStanding {
  state: NoticeState;
  period?: NoticePeriod;
  /** The valid complaints still open, and those proven. */
  open: string[];
  proven: string[];
}

export function noticeStateOf(period: NoticePeriod | undefined, complaints: readonly Complaint[], nowMs: number): NoticeStanding {
  const valid = complaints.filter((c) => complaintDefects(c).length === 0);
  const open = valid.filter((c) => c.status === 'received' || c.status === 'investigating').map((c) => c.id);
  const proven = valid.filter((c) => c.status === 'proven').map((c) => c.id);
  const base = { ...(period ? { period } : {}), open, proven };
  if (proven.length > 0) return { state: 'ended-with-proven-complaint', ...base };
  if (open.length > 0) return { state: 'complaint-under-review', ...base };
  const today = chinaDateOf(nowMs);
  if (!period || today < period.start) return { state: 'not-started', ...base };
  if (today <= period.end) return { state: 'running', ...base };
  return { state: 'ended-without-objection', ...base };
}
