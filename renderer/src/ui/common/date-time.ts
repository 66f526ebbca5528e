/**
 * A moment as `toLocaleString(language, { hour12: false })` writes it, from one formatter per
 * language: `toLocaleString` builds a new formatter on every call (about 0.3 ms here), and the
 * item page formats one time per note and per score change on every render, which after each
 * score's save added tens of milliseconds of main-thread work.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, language: string): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hour12: false });
    formatters.set(language, formatter);
  }
  return formatter.format(new Date(iso));
}
