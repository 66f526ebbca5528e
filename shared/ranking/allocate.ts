import type { CycleRules } from '../cycle/cycle-rules.js';
import type { ApplicantResult, ProposalList } from './applicant-result.js';

/** How an applicant got its place: a category's reserved place, or an open one. */
export type PlaceKind = { kind: 'reserved'; category: string } | { kind: 'open' };

export interface Allocation {
  list: Map<string, ProposalList>;
  place: Map<string, PlaceKind>;
  filled: { award: number; nomination: number };
}

type Rules = Pick<CycleRules, 'awardQuota' | 'nominationQuota' | 'awardThresholdPoints' | 'nominationMinimumPoints' | 'reservations'>;

/**
 * Places for applicants taken in a strict order of priority (best first; the caller puts
 * equal totals in some order and looks at what depends on it). Not-excluded applicants only.
 *
 * For each list, Awards then Nominations: the applicants who qualify (Award: at or above the
 * threshold; Nomination: at or above the optional minimum) and are not yet placed; first each
 * reservation takes its category's best qualifiers, then the open places go to the best of
 * the rest whatever their category. Reserving first keeps a reservation a guarantee of a
 * minimum, not a boost: it never pushes out an applicant that would win an open place anyway.
 */
export function allocate(ordered: readonly ApplicantResult[], rules: Rules): Allocation {
  const list = new Map<string, ProposalList>();
  const place = new Map<string, PlaceKind>();
  const filled = { award: 0, nomination: 0 };
  const stages = [
    { name: 'award' as const, quota: rules.awardQuota, minimum: rules.awardThresholdPoints * 100 },
    { name: 'nomination' as const, quota: rules.nominationQuota, minimum: (rules.nominationMinimumPoints ?? 0) * 100 },
  ];
  for (const stage of stages) {
    const pool = ordered.filter((a) => !list.has(a.applicantId) && a.totalHundredths >= stage.minimum);
    const take = (a: ApplicantResult, kind: PlaceKind): void => {
      list.set(a.applicantId, stage.name);
      place.set(a.applicantId, kind);
      filled[stage.name] += 1;
    };
    let reserved = 0;
    for (const r of rules.reservations) {
      const places = r[stage.name];
      reserved += places;
      let left = places;
      for (const a of pool) {
        if (left === 0) break;
        if (a.category === r.category && !list.has(a.applicantId)) {
          take(a, { kind: 'reserved', category: r.category });
          left -= 1;
        }
      }
    }
    let open = Math.max(0, stage.quota - reserved);
    for (const a of pool) {
      if (open === 0) break;
      if (!list.has(a.applicantId)) {
        take(a, { kind: 'open' });
        open -= 1;
      }
    }
  }
  for (const a of ordered) if (!list.has(a.applicantId)) list.set(a.applicantId, 'notAwarded');
  return { list, place, filled };
}
