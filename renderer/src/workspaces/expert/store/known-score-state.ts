import type { HistoryRecord } from '../../../db/records.js';

/**
 * What this page last wrote or read of a review's scores: the newest history entry and every
 * item's percentage (null when unscored). Only a guess to build the next write on: the write
 * checks it against the database inside its own transaction (score-writes.ts), so a guess
 * gone stale (another tab, a restore) costs a retry, never a wrong entry.
 */
export interface KnownScoreState {
  last: HistoryRecord | undefined;
  scores: ReadonlyMap<string, number | null>;
}

// Per database object, so a test's fresh database never sees another's state.
const byDatabase = new WeakMap<object, Map<string, KnownScoreState>>();

export function knownScoreState(db: object, reviewId: string): KnownScoreState | undefined {
  return byDatabase.get(db)?.get(reviewId);
}

export function rememberScoreState(db: object, reviewId: string, state: KnownScoreState): void {
  let reviews = byDatabase.get(db);
  if (!reviews) byDatabase.set(db, (reviews = new Map<string, KnownScoreState>()));
  reviews.set(reviewId, { last: state.last, scores: state.scores });
}

export function forgetScoreState(db: object, reviewId: string): void {
  byDatabase.get(db)?.delete(reviewId);
}
