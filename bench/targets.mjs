// The targets and ratios of `npm run bench`, by figure id. Every figure a bench reports has an
// id that never changes between versions (docs/benchmarks.md says what each measures); the
// runner checks the targets here against those ids, so a bench only measures and reports.

/**
 * A target: the figure must be `op` `limit`; with `of`, the limit is that many times another
 * figure of the same run (on a shared, noisy machine both stretch alike).
 * @type {Record<string, { op: '≤' | '<', limit: number, of?: string }>}
 */
export const TARGETS = {
  'start.emptyProfile': { op: '≤', limit: 300 },
  'start.newWindow': { op: '≤', limit: 250 },
  'bundle.firstLoad': { op: '≤', limit: 1.0 },
  'persist.commitP95': { op: '≤', limit: 2, of: 'persist.bareStrictP95' },
  'persist.p95': { op: '≤', limit: 10 },
  'review.openMedian': { op: '≤', limit: 150 },
  'review.openFromTabMedian': { op: '≤', limit: 150 },
  'journal.rebuildMs': { op: '≤', limit: 1000 },
  'overview.median': { op: '<', limit: 300 },
  'import.ms': { op: '≤', limit: 1.2, of: 'import.pairMs' },
  'import.largeMs': { op: '≤', limit: 1.2, of: 'import.largePairMs' },
  'import.peakMB': { op: '≤', limit: 200 },
  'import.largePeakMB': { op: '≤', limit: 200 },
  'export.peakMB': { op: '≤', limit: 200 },
  'export.largePeakMB': { op: '≤', limit: 200 },
  'import.bridgePeakMB': { op: '≤', limit: 200 },
  'import.largeBridgePeakMB': { op: '≤', limit: 200 },
  'export.bridgePeakMB': { op: '≤', limit: 200 },
  'export.largeBridgePeakMB': { op: '≤', limit: 200 },
  'report.firstMs': { op: '<', limit: 2000 },
  'report.medianMs': { op: '<', limit: 2000 },
  'report.sizeMB': { op: '<', limit: 1.5 },
  'report.photos50FirstMs': { op: '≤', limit: 1500 },
  'report.photos50SizeMB': { op: '≤', limit: 5 },
};

/**
 * Timings that have a natural floor measured in the same run, reported as a ratio too:
 * ratio id → [the figure, its floor].
 */
export const RATIOS = {
  'persist.commitP95Ratio': ['persist.commitP95', 'persist.bareStrictP95'],
  'import.ratio': ['import.ms', 'import.pairMs'],
  'import.largeRatio': ['import.largeMs', 'import.largePairMs'],
  'import.cpuRatio': ['import.cpuMs', 'import.pairCpuMs'],
  'import.largeCpuRatio': ['import.largeCpuMs', 'import.largePairCpuMs'],
  'start.emptyProfileRatio': ['start.emptyProfile', 'start.blankEmptyProfile'],
  'start.newWindowRatio': ['start.newWindow', 'start.blankNewWindow'],
  'start.reloadRatio': ['start.reload', 'start.blankReload'],
};

/** A figure id: lower camel case words joined by dots (`start.emptyProfile`). */
export const ID_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

const round = (n) => Math.round(n * 100) / 100;

/** The ratio entries whose two figures are both in `entries`. */
export function ratioEntries(entries) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return Object.entries(RATIOS).flatMap(([id, [figure, floor]]) => {
    const a = byId.get(figure);
    const b = byId.get(floor);
    if (!a || !b || !Number.isFinite(a.value) || !Number.isFinite(b.value) || b.value <= 0) return [];
    return [{ id, name: `${a.name} ÷ ${b.name}`, value: round(a.value / b.value), unit: '×' }];
  });
}

/**
 * Each entry with its target (for people, e.g. "≤ 2 × persist.bareStrictP95 (3.6 ms)") and
 * whether it meets it; null and null where the id has no target. A target whose `of` figure is
 * missing from the run fails: it could not be checked.
 */
export function withTargets(entries) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries.map((e) => {
    const t = TARGETS[e.id];
    if (!t) return { ...e, target: null, pass: null };
    const base = t.of ? byId.get(t.of)?.value : 1;
    const limit = base === undefined || !Number.isFinite(base) ? Number.NaN : t.limit * base;
    const target = t.of ? `${t.op} ${t.limit} × ${t.of} (${Number.isFinite(limit) ? round(limit) : '—'} ${e.unit})` : `${t.op} ${t.limit} ${e.unit}`;
    const pass = Number.isFinite(e.value) && Number.isFinite(limit) && (t.op === '<' ? e.value < limit : e.value <= limit);
    return { ...e, target, pass };
  });
}

/** Why an entry a bench returned cannot be written (missing or malformed id, a duplicate), or null. */
export function entryProblem(entry, seen) {
  if (typeof entry.id !== 'string' || !ID_PATTERN.test(entry.id)) return `figure "${entry.name}" has no valid id (got ${JSON.stringify(entry.id)})`;
  if (seen.has(entry.id)) return `two figures share the id "${entry.id}"`;
  if (typeof entry.value !== 'number') return `figure "${entry.id}" has no number value`;
  return null;
}
