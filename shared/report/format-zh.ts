import { formatHundredths } from '../scoring/hundredths.js';
import type { Recommendation } from '../consensus/recommendation.js';

/** Dates and numbers as a Chinese government reader expects them. */
export function dateZh(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new Error(`"${isoDate}" is not a YYYY-MM-DD date`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 2026年11月25日至27日, or 至12月2日 across months. */
export function dateRangeZh(from: string, to: string): string {
  if (from === to) return dateZh(from);
  const a = dateZh(from);
  const b = dateZh(to);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${a}至${Number(to.slice(8, 10))}日`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${a}至${b.slice(5)}`;
  return `${a}至${b}`;
}

/** Points always with two decimals: 523.75. */
export const pointsZh = (hundredths: number): string => formatHundredths(hundredths);

export const RECOMMENDATION_ZH: Record<Recommendation, string> = {
  award: '推荐为市长质量奖候选单位',
  nomination: '推荐为市长质量奖提名奖候选单位',
  'not-recommended': '不予推荐',
};

export const ROLE_ZH = { leader: '组长', expert: '评审员' } as const;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一 … 10 → 十, for section numbers. */
export function numeralZh(n: number): string {
  if (n <= 10) return DIGITS[n]!;
  if (n < 20) return `十${DIGITS[n - 10]!}`;
  throw new RangeError(`numeral ${n} out of range`);
}

export const VISIT_KIND_ZH = {
  opening: '首次会议',
  briefing: '听取汇报',
  interview: '人员访谈',
  site: '现场查看',
  documents: '查阅文件',
  panel: '评审组内部会议',
  closing: '末次会议',
  other: '其他',
} as const;

/**
 * An ISO instant as a date in Beijing time (UTC+8, no daylight saving): the report is read in
 * Zhengzhou whatever time zone the signing laptop was set to.
 */
export function beijingDateZh(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`"${iso}" is not a date and time`);
  return dateZh(new Date(t + 8 * 3_600_000).toISOString().slice(0, 10));
}
