import { useLiveQuery } from 'dexie-react-hooks';

/**
 * Reads done once at start, before the first render (see app/first-screen.ts), handed to the
 * live queries of the first screen as their starting value. Without them the first screen
 * took one render pass per read, each read waiting on the one before (keys → workspace →
 * reviews → declaration → overview): five passes of the whole tree on a cold page.
 *
 * A primed value is only a start: the live query still runs and replaces it, so the screen
 * shows what is stored. Priming ends after the first render has committed (endPriming), so a
 * screen opened later never starts from a value read before it.
 */
let primed = new Map<string, unknown>();
let priming = true;

export function primeRead(key: string, value: unknown): void {
  if (priming) primed.set(key, value);
}

/** Called once the first render has committed: later screens read for themselves. */
export function endPriming(): void {
  priming = false;
  primed = new Map();
}

/** The value primed under `key`, while priming lasts. */
export function primedValue<T>(key: string): T | undefined {
  return primed.get(key) as T | undefined;
}

/** A live query whose first render starts from the value primed under `key`, if any. */
export function usePrimedLiveQuery<T>(key: string, querier: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(querier, deps, primedValue<T>(key));
}

/** The keys the first screen's reads are primed under, one per query and its arguments. */
export const primedKeys = {
  workspace: (keyId: string | null) => `workspace:${keyId ?? ''}`,
  reviews: () => 'reviews',
  declaration: (reviewId: string) => `declaration:${reviewId}`,
  overview: (reviewId: string) => `overview:${reviewId}`,
  panelAssignment: (reviewId: string) => `panel-assignment:${reviewId}`,
  scoresheetExports: (reviewId: string) => `scoresheet-exports:${reviewId}`,
};
