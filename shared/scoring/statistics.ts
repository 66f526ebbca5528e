/**
 * Mean, median and spread of members' percentages. They are guidance shown beside the
 * consensus, never a decision (docs/domain.md §4), so they are returned in tenths of a
 * percent, rounded half up, and nothing downstream sums them.
 */
export function meanTenths(percents: readonly number[]): number | undefined {
  if (percents.length === 0) return undefined;
  const sum = percents.reduce((a, b) => a + b, 0);
  const n = percents.length;
  // round(sum × 10 / n) half up, in integers: floor((20·sum + n) / 2n).
  return Math.floor((20 * sum + n) / (2 * n));
}

export function medianTenths(percents: readonly number[]): number | undefined {
  if (percents.length === 0) return undefined;
  const sorted = [...percents].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid]! * 10;
  return (sorted[mid - 1]! + sorted[mid]!) * 5;
}

export function spread(percents: readonly number[]): number {
  if (percents.length === 0) return 0;
  return Math.max(...percents) - Math.min(...percents);
}

/** Flagged for consensus discussion when the span is more than the cycle's limit. */
export function isDivergent(percents: readonly number[], limitPoints: number): boolean {
  return spread(percents) > limitPoints;
}

/** "55.5" from 555 tenths. */
export function formatTenths(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
