/**
 * The app's one clock face. Every moment is stored as ISO 8601 with its offset (`…Z`, or
 * `+08:00` from another tool) and every screen shows it through these helpers, in the
 * device's own time zone and one format in both languages: `2026-06-01 14:05`. Before, some
 * screens sliced the stored UTC string and showed times 8 hours off in Zhengzhou while others
 * showed local time.
 *
 * The `Date` getters read the device's zone and cost nothing, where `toLocaleString` built a
 * new formatter on every call (about 0.3 ms, on every note and score change of the item page).
 * Calendar dates (a review date, a report date: `YYYY-MM-DD` without a time) are days, not
 * moments, and are shown as they are.
 */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const two = (n: number) => String(n).padStart(2, '0');

/** The device's calendar day of a moment: `2026-06-01`. */
export function localDate(moment: Date): string {
  return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
}

/** A moment's wall-clock time on this device: `14:05:09`. */
export function localTime(moment: Date): string {
  return `${two(moment.getHours())}:${two(moment.getMinutes())}:${two(moment.getSeconds())}`;
}

function parse(iso: string): Date | undefined {
  const moment = new Date(iso);
  return Number.isNaN(moment.getTime()) ? undefined : moment;
}

/** A stored moment in the device's zone: `2026-06-01 14:05`; a text that is no moment is shown as it is. */
export function formatDateTime(iso: string): string {
  if (CALENDAR_DATE.test(iso)) return iso;
  const moment = parse(iso);
  return moment ? `${localDate(moment)} ${localTime(moment).slice(0, 5)}` : iso;
}

/** The device's calendar day of a stored moment: `2026-06-01` (a calendar date stays as it is). */
export function formatDate(iso: string): string {
  if (CALENDAR_DATE.test(iso)) return iso;
  const moment = parse(iso);
  return moment ? localDate(moment) : iso;
}
