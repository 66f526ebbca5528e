import type { CycleRules } from '../cycle/cycle-rules.js';
import type { ApplicantResult, ProposalList } from './applicant-result.js';

/**
 * Every outcome the proposal's rule can give, over every way of ordering equal totals. The
 * rule of allocate.ts is equivalent to one pass in order, each applicant deciding on the spot:
 *   Award, if it qualifies: a reserved place if fewer than its category's reservation have
 *   qualified before it, else an open place while any is left;
 *   otherwise Nomination, the same way with the nomination reservations and open places;
 *   otherwise not awarded.
 * Applicants of one category and one total are interchangeable, so the orders of a tie group
 * are the sequences of its categories; a search over those, with the counters above as the
 * state, reaches every outcome any order can reach, across all tie groups at once (how one
 * group's tie is broken can decide whether a lower applicant gets a reserved place's
 * leftover). The state is tiny (counters capped by the quotas), so this stays fast.
 */
type Rules = Pick<CycleRules, 'awardQuota' | 'nominationQuota' | 'awardThresholdPoints' | 'nominationMinimumPoints' | 'reservations'>;

const OUTCOMES: readonly ProposalList[] = ['award', 'nomination', 'notAwarded'];

interface Layout {
  /** Category index per reservation; applicants of no reserved category share the last index. */
  categoryIndex(category: string | undefined): number;
  categories: number;
  reservedAward: number[];
  reservedNomination: number[];
  openAward: number;
  openNomination: number;
}

function layoutOf(rules: Rules): Layout {
  const index = new Map(rules.reservations.map((r, i) => [r.category, i]));
  const reservedAward = rules.reservations.map((r) => r.award);
  const reservedNomination = rules.reservations.map((r) => r.nomination);
  return {
    categoryIndex: (c) => (c !== undefined && index.has(c) ? index.get(c)! : rules.reservations.length),
    categories: rules.reservations.length + 1,
    reservedAward: [...reservedAward, 0],
    reservedNomination: [...reservedNomination, 0],
    openAward: Math.max(0, rules.awardQuota - reservedAward.reduce((a, b) => a + b, 0)),
    openNomination: Math.max(0, rules.nominationQuota - reservedNomination.reduce((a, b) => a + b, 0)),
  };
}

/** [seenAward per category…, openAward, seenNomination per category…, openNomination, filledAward, filledNomination] */
type Counters = number[];

function step(layout: Layout, rules: Rules, s: Counters, category: number, total: number): { next: Counters; outcome: ProposalList } {
  const n = layout.categories;
  const next = [...s];
  const stages = [
    { seen: 0, open: n, filled: 2 * n + 2, reserved: layout.reservedAward, minimum: rules.awardThresholdPoints * 100, outcome: 'award' as const },
    { seen: n + 1, open: 2 * n + 1, filled: 2 * n + 3, reserved: layout.reservedNomination, minimum: (rules.nominationMinimumPoints ?? 0) * 100, outcome: 'nomination' as const },
  ];
  for (const st of stages) {
    if (total < st.minimum) continue;
    const cap = st.reserved[category]!;
    const seen = next[st.seen + category]!;
    if (seen < cap) {
      next[st.seen + category] = seen + 1;
      next[st.filled]! += 1;
      return { next, outcome: st.outcome };
    }
    if (next[st.open]! > 0) {
      next[st.open]! -= 1;
      next[st.filled]! += 1;
      return { next, outcome: st.outcome };
    }
  }
  return { next, outcome: 'notAwarded' };
}

export interface TieAnalysis {
  /** Every outcome each applicant can get, best first. */
  possible: Map<string, ProposalList[]>;
  /** The most places of each list any order fills. */
  maxFilled: { award: number; nomination: number };
  /** For applicant ids of one group of equal totals: the most of them any order puts in each list. */
  mostOf(ids: ReadonlySet<string>): { award: number; nomination: number };
}

interface Track {
  /** Which (group, category) class is followed: its outcome is recorded once, for one member. */
  target?: { group: number; category: number };
  /** Ids whose placements are counted. */
  counted?: ReadonlySet<string>;
}

/** Groups of equal totals, best first, each as members with their category index. */
export function analyseTies(groups: readonly (readonly ApplicantResult[])[], rules: Rules): TieAnalysis {
  const layout = layoutOf(rules);
  const n = layout.categories;
  const start: Counters = [...new Array<number>(n).fill(0), layout.openAward, ...new Array<number>(n).fill(0), layout.openNomination, 0, 0];
  const cats = groups.map((g) => g.map((a) => layout.categoryIndex(a.category)));

  /**
   * States after groups [from, to): counters + [targetOutcome (-1 none), countedAward,
   * countedNomination]. A followed or counted applicant's fate is settled within its own
   * group, so those runs start from the states reached before it and stop after it.
   */
  const run = (track: Track, initial: readonly number[][], from: number, to: number): number[][] => {
    let states = new Map<string, number[]>(initial.map((s) => [s.join(','), s]));
    groups.slice(from, to).forEach((group, offset) => {
      const g = from + offset;
      const total = group[0]!.totalHundredths;
      const remaining = new Array<number>(n).fill(0);
      for (const c of cats[g]!) remaining[c]! += 1;
      // Counted members of each category in this group, placed as a block count: members of a
      // category are interchangeable, so which of them is counted matters only by number.
      const countedLeft = new Array<number>(n).fill(0);
      group.forEach((a, i) => {
        if (track.counted?.has(a.applicantId)) countedLeft[cats[g]![i]!]! += 1;
      });
      const targetHere = track.target?.group === g;
      // Search state: state values + remaining per category + counted left per category + targetPlaced.
      const done = new Map<string, number[]>();
      const seen = new Set<string>();
      const stack: { s: number[]; rem: number[]; cl: number[]; placed: boolean }[] = [...states.values()].map((s) => ({ s, rem: [...remaining], cl: [...countedLeft], placed: !targetHere }));
      while (stack.length > 0) {
        const cur = stack.pop()!;
        const key = `${cur.s.join(',')}|${cur.rem.join(',')}|${cur.cl.join(',')}|${cur.placed ? 1 : 0}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (cur.rem.every((r) => r === 0)) {
          done.set(cur.s.join(','), cur.s);
          continue;
        }
        for (let c = 0; c < n; c++) {
          const left = cur.rem[c]!;
          if (left === 0) continue;
          const { next, outcome } = step(layout, rules, cur.s.slice(0, 2 * n + 4), c, total);
          const tags = cur.s.slice(2 * n + 4);
          const rem = [...cur.rem];
          rem[c] = left - 1;
          // Who this member is: the followed applicant, a counted one, or another of its category.
          const asTarget = !cur.placed && targetHere && track.target!.category === c;
          const countedHere = cur.cl[c]!;
          const uncounted = left - countedHere - (asTarget ? 1 : 0);
          const choices: { target: boolean; counted: boolean }[] = [];
          if (asTarget) choices.push({ target: true, counted: false });
          if (countedHere > 0) choices.push({ target: false, counted: true });
          if (uncounted > 0) choices.push({ target: false, counted: false });
          for (const ch of choices) {
            const t = [...tags];
            if (ch.target) t[0] = OUTCOMES.indexOf(outcome);
            if (ch.counted && outcome !== 'notAwarded') t[outcome === 'award' ? 1 : 2]! += 1;
            const cl = [...cur.cl];
            if (ch.counted) cl[c] = countedHere - 1;
            stack.push({ s: [...next, ...t], rem, cl, placed: cur.placed || ch.target });
          }
        }
      }
      states = done;
      prefixes[g + 1] ??= [...states.values()];
    });
    return [...states.values()];
  };

  /** The states reached before each group, whatever the orders of the groups above it. */
  const prefixes: number[][][] = [[[...start, -1, 0, 0]]];
  const finals = run({}, prefixes[0]!, 0, groups.length);
  const maxFilled = {
    award: Math.max(...finals.map((s) => s[2 * n + 2]!)),
    nomination: Math.max(...finals.map((s) => s[2 * n + 3]!)),
  };
  const possible = new Map<string, ProposalList[]>();
  groups.forEach((group, g) => {
    const byCategory = new Map<number, ProposalList[]>();
    group.forEach((a, i) => {
      const c = cats[g]![i]!;
      if (!byCategory.has(c)) {
        const outcomes = new Set(run({ target: { group: g, category: c } }, prefixes[g]!, g, g + 1).map((s) => s[2 * n + 4]!));
        byCategory.set(c, OUTCOMES.filter((_, k) => outcomes.has(k)));
      }
      possible.set(a.applicantId, byCategory.get(c)!);
    });
  });
  const mostOf = (ids: ReadonlySet<string>) => {
    const g = groups.findIndex((group) => group.some((a) => ids.has(a.applicantId)));
    const f = g < 0 ? [] : run({ counted: ids }, prefixes[g]!, g, g + 1);
    if (f.length === 0) return { award: 0, nomination: 0 };
    return { award: Math.max(...f.map((s) => s[2 * n + 5]!)), nomination: Math.max(...f.map((s) => s[2 * n + 6]!)) };
  };
  return { possible, maxFilled, mostOf };
}
