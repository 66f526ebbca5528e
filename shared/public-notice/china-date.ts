/**
 * Calendar arithmetic in China's time zone (UTC+8 all year: China has kept no daylight
 * saving time since 1991). A notice period is a run of calendar days in Zhengzhou, whatever
 * the time zone of the PC that computes it, so dates are computed from the instant plus eight
 * hours, never with the machine's local time.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date "YYYY-MM-DD" (no 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function dayNumber(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`not a date YYYY-MM-DD: ${isoDate}`);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date in China at an instant (milliseconds since the epoch). */
export function chinaDateOf(epochMs: number): string {
  return fromDayNumber(Math.floor((epochMs + CHINA_OFFSET_MS) / DAY_MS));
}

/** The instant a China calendar day begins (00:00 Beijing time). */
export function chinaDayStart(isoDate: string): number {
  return dayNumber(isoDate) * DAY_MS - CHINA_OFFSET_MS;
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(dayNumber(isoDate) + days);
}

/** Calendar days from start to end, both counted: 1 June to 7 June is 7 days. */
export function daysInclusive(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start) + 1;
}
