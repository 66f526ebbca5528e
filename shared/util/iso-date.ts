/**
 * Whole-day arithmetic on ISO dates (YYYY-MM-DD), free of any time zone: the regulation's
 * periods (validity, bars, look-backs) are counted in calendar days and years.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

function parts(isoDate: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${isoDate}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * The date `years` later (earlier when negative), then `days` added; 29 February falls back to
 * 28 February in a year without it.
 */
export function addYears(isoDate: string, years: number, days = 0): string {
  const [y, m, d] = parts(isoDate);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const shifted = Date.UTC(year, m - 1, Math.min(d, lastDay)) + days * DAY_MS;
  return new Date(shifted).toISOString().slice(0, 10);
}

/** Whole years from `from` to `to` (the birthday rule: 2019-06-01 → 2022-05-31 is 2 years). */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

