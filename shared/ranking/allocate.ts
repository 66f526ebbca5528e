import type { CycleRules } from '../cycle/cycle-rules.js';
import type { ApplicantResult, ProposalList } from './applicant-result.js';

/**
 * How an applicant got its place: a category's reserved place, an open one, or (Art. 27) as a
 * repeat winner, outside the quota.
 */
export type PlaceKind = { kind: 'reserved'; category: string } | { kind: 'open' } | { kind: 'repeat' };

export interface Allocation {
  list: Map<string, ProposalList>;
  place: Map<string, PlaceKind>;
  filled: { award: number; nomination: number };
}

export type AllocationRules = Pick<CycleRules, 'awardQuota' | 'nominationQuota' | 'awardThresholdPoints' | 'nominationMinimumPoints' | 'reservations' | 'unfilledReserved'>;

export const PLACE_LISTS = ['award', 'nomination'] as const;
export type PlaceList = (typeof PLACE_LISTS)[number];

/** One list's places as the rules lay them out. */
export interface ListLayout {
  quota: number;
  minimumHundredths: number;
  /** Reserved places per category (only categories with places in this list). */
  reserved: ReadonlyMap<string, number>;
  reservedTotal: number;
  /** Categories that compete only for their own places in this list (a separate pool). */
  capped: ReadonlySet<string>;
  /** Unfilled reserved places go to the open places (else they stay vacant). */
  released: boolean;
}

export function listLayout(rules: AllocationRules, list: PlaceList): ListLayout {
  const reserved = new Map(rules.reservations.filter((r) => r[list] > 0).map((r) => [r.category, r[list]]));
  return {
    quota: list === 'award' ? rules.awardQuota : rules.nominationQuota,
    minimumHundredths: (list === 'award' ? rules.awardThresholdPoints : rules.nominationMinimumPoints) * 100,
    reserved,
    reservedTotal: [...reserved.values()].reduce((a, b) => a + b, 0),
    capped: new Set(rules.reservations.filter((r) => r[list] > 0 && r.kind === 'separate-pool').map((r) => r.category)),
    released: rules.unfilledReserved === 'released',
  };
}

/**
 * Places for applicants taken in a strict order of priority (best first; the caller puts
 * equal totals in some order and looks at what depends on it). Candidates clear of exclusions
 * only, repeat winners already placed (they take no quota place, Art. 27).
 *
 * For each list, Awards then Nominations, among those who qualify (Award: at or above the
 * threshold; Nomination: at or above the stated minimum) and are not yet placed: first each
 * reservation takes its category's best qualifiers; then the open places go to the best of
 * the rest, except categories kept to a separate pool of their own. Reserved places no one of
 * the category qualifies for stay vacant, or, when the cycle says so, join the open places.
 * Reserving first keeps a guaranteed minimum a minimum, not a boost: it never pushes out an
 * applicant that would win an open place anyway.
 */
export function allocate(ordered: readonly ApplicantResult[], rules: AllocationRules): Allocation {
  const list = new Map<string, ProposalList>();
  const place = new Map<string, PlaceKind>();
  const filled = { award: 0, nomination: 0 };
  for (const name of PLACE_LISTS) {
    const layout = listLayout(rules, name);
    const pool = ordered.filter((a) => !list.has(a.applicantId) && a.totalHundredths >= layout.minimumHundredths);
    const take = (a: ApplicantResult, kind: PlaceKind): void => {
      list.set(a.applicantId, name);
      place.set(a.applicantId, kind);
      filled[name] += 1;
    };
    let unfilled = 0;
    for (const [category, places] of layout.reserved) {
      let left = places;
      for (const a of pool) {
        if (left === 0) break;
        if (a.category === category) {
          take(a, { kind: 'reserved', category });
          left -= 1;
        }
      }
      unfilled += left;
    }
    let open = Math.max(0, layout.quota - layout.reservedTotal) + (layout.released ? unfilled : 0);
    for (const a of pool) {
      if (open === 0) break;
      if (!list.has(a.applicantId) && !(a.category !== undefined && layout.capped.has(a.category))) {
        take(a, { kind: 'open' });
        open -= 1;
      }
    }
  }
  for (const a of ordered) if (!list.has(a.applicantId)) list.set(a.applicantId, 'notAwarded');
  return { list, place, filled };
}
