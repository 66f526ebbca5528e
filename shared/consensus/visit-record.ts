import { z } from 'zod';

/**
 * The panel's record of the site visit (现场评审日程), kept by the leader with the consensus:
 * every activity of every day — the opening meeting (首次会议) and the closing meeting (末次会议)
 * among them — who was interviewed (by role, never by name: the report goes beyond the
 * panel) and which sites were visited. The secretariat's assignment only plans the visit;
 * this is what happened, and the report's schedule is printed from it.
 */
export const VISIT_ACTIVITY_KINDS = ['opening', 'briefing', 'interview', 'site', 'documents', 'panel', 'closing', 'other'] as const;
export type VisitActivityKind = (typeof VISIT_ACTIVITY_KINDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const visitActivitySchema = z
  .strictObject({
    date: isoDate,
    start: clockTime,
    end: clockTime,
    kind: z.enum(VISIT_ACTIVITY_KINDS),
    activity: z.string().trim().min(1).max(500),
    place: z.string().max(200),
    /** Interviewees by role (质量部经理、一线员工), or who took part. */
    people: z.string().max(500),
  })
  .refine((a) => a.start < a.end, 'an activity ends after it starts');
export type VisitActivity = z.infer<typeof visitActivitySchema>;

export const visitRecordSchema = z.strictObject({ activities: z.array(visitActivitySchema).max(200) });
export type VisitRecord = z.infer<typeof visitRecordSchema>;

/** Days in order, each day's activities by start time. */
export function visitDays(record: VisitRecord): { date: string; activities: VisitActivity[] }[] {
  const byDate = new Map<string, VisitActivity[]>();
  for (const a of [...record.activities].sort((x, y) => (x.date + x.start).localeCompare(y.date + y.start))) {
    byDate.set(a.date, [...(byDate.get(a.date) ?? []), a]);
  }
  return [...byDate.entries()].map(([date, activities]) => ({ date, activities }));
}

/** Every calendar day from `from` to `to`, both included (YYYY-MM-DD, no time zone involved). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && days.length < 366; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/**
 * What a committee would send back about the schedule: a visit day with nothing recorded,
 * no opening meeting on the first day, no closing meeting on the last, an activity outside
 * the visit. Warnings for the leader's preview, in Chinese and English.
 */
export function visitGaps(record: VisitRecord, from: string, to: string): { zh: string; en: string }[] {
  const gaps: { zh: string; en: string }[] = [];
  const days = daysBetween(from, to);
  const recorded = new Set(record.activities.map((a) => a.date));
  for (const day of days) if (!recorded.has(day)) gaps.push({ zh: `${day} 没有日程记录`, en: `nothing is recorded for ${day}` });
  if (!record.activities.some((a) => a.kind === 'opening' && a.date === from)) gaps.push({ zh: `首日（${from}）没有首次会议`, en: `no opening meeting on the first day (${from})` });
  if (!record.activities.some((a) => a.kind === 'closing' && a.date === to)) gaps.push({ zh: `末日（${to}）没有末次会议`, en: `no closing meeting on the last day (${to})` });
  for (const a of record.activities) if (a.date < from || a.date > to) gaps.push({ zh: `“${a.activity}”的日期 ${a.date} 不在现场评审日期内`, en: `"${a.activity}" on ${a.date} lies outside the visit` });
  return gaps;
}
