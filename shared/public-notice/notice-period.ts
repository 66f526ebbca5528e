import { err, ok, type Result } from '../util/result.js';
import { addDays, chinaDateOf, chinaDayStart, daysInclusive, isIsoDate } from './china-date.js';

/**
 * The public-notice period (公示期, Art. 17(8): not less than 7 days). Interpretation: the
 * period is a run of whole calendar days in China, first and last day both counted, so a
 * notice from 1 June to 7 June lasts 7 days; it is open from 00:00 Beijing time on the first
 * day until 24:00 on the last.
 */
export interface NoticePeriod {
  start: string;
  end: string;
}

export interface PeriodProblem {
  code: 'not-a-date' | 'end-before-start' | 'too-short';
  zh: string;
  en: string;
}

export function checkNoticePeriod(period: NoticePeriod, minDays: number): Result<NoticePeriod & { days: number }, PeriodProblem[]> {
  const problems: PeriodProblem[] = [];
  for (const [field, value] of [['start', period.start], ['end', period.end]] as const) {
    if (!isIsoDate(value)) problems.push({ code: 'not-a-date', zh: `公示${field === 'start' ? '开始' : '结束'}日期“${value}”不是有效日期`, en: `the ${field} date "${value}" is not a date (YYYY-MM-DD)` });
  }
  if (problems.length > 0) return err(problems);
  const days = daysInclusive(period.start, period.end);
  if (days < 1) {
    return err([{ code: 'end-before-start', zh: `公示结束日期（${period.end}）早于开始日期（${period.start}）`, en: `the notice ends (${period.end}) before it starts (${period.start})` }]);
  }
  if (days < minDays) {
    return err([
      {
        code: 'too-short',
        zh: `公示期为${days}天，不少于${minDays}天（第十七条第八项）；最早可于${addDays(period.start, minDays - 1)}结束`,
        en: `the notice lasts ${days} days; it must last at least ${minDays} (Art. 17(8)); the earliest end is ${addDays(period.start, minDays - 1)}`,
      },
    ]);
  }
  return ok({ ...period, days });
}

/** The shortest period starting on `start`: the default the secretariat is offered. */
export function minimumNoticePeriod(start: string, minDays: number): NoticePeriod {
  return { start, end: addDays(start, minDays - 1) };
}

export function noticeOpenAt(period: NoticePeriod, epochMs: number): boolean {
  const day = chinaDateOf(epochMs);
  return day >= period.start && day <= period.end;
}

/** The instant the notice closes: 24:00 Beijing time on its last day. */
export function noticeClosesAt(period: NoticePeriod): number {
  return chinaDayStart(addDays(period.end, 1));
}
