import type { ApplicantResult, ProposalList } from './applicant-result.js';
import { listLayout, PLACE_LISTS, type AllocationRules, type ListLayout } from './allocate.js';

/**
 * Every outcome the proposal's rule can give, over every way of ordering equal totals. The
 * rule of allocate.ts is equivalent to one pass in order, each applicant deciding on the spot:
 *   Award, if it qualifies: a reserved place if fewer than its category's reservation have
 *   qualified before it, else an open place while any is left (not for a category kept to a
 *   separate pool);
 *   otherwise Nomination, the same way with the nomination reservations and open places;
 *   otherwise not awarded.
 * When unfilled reserved places are released to the open ones, how many there will be is not
 * known while passing; so each run starts from every guess of that number (its open places
 * include the guess) and only runs whose reserved places end unfilled by exactly the guess
 * count. For one order exactly one guess holds, so the runs kept are exactly the orders.
 * Applicants of one category and one total are interchangeable, so the orders of a tie group
 * are the sequences of its categories; a search over those, with the counters as its state,
 * reaches every outcome any order can reach, across all tie groups at once (how one group's
 * tie is broken can decide a lower applicant's place). The state is tiny (counters capped by
 * the quotas), so this stays fast.
 */
const OUTCOMES: readonly ProposalList[] = ['award', 'nomination', 'notAwarded'];

interface ListStep {
  layout: ListLayout;
  outcome: 'award' | 'nomination';
  /** Reserved places per category index (the last index: no reserved category). */
  reserved: number[];
  capped: boolean[];
  /** Offsets in the state: seen per category, then open, then filled, then the guess. */
  seen: number;
  open: number;
  filled: number;
  guess: number;
}

interface Layout {
  categoryIndex(category: string | undefined): number;
  categories: number;
  lists: ListStep[];
  /** Counter slots before the tags. */
  width: number;
}

function layoutOf(rules: AllocationRules): Layout {
  const reservedCategories = [...new Set(rules.reservations.map((r) => r.category))];
  const index = new Map(reservedCategories.map((c, i) => [c, i]));
  const n = reservedCategories.length + 1;
  let offset = 0;
  const lists = PLACE_LISTS.map((name): ListStep => {
    const layout = listLayout(rules, name);
    const step: ListStep = {
      layout,
      outcome: name,
      reserved: [...reservedCategories.map((c) => layout.reserved.get(c) ?? 0), 0],
      capped: [...reservedCategories.map((c) => layout.capped.has(c)), false],
      seen: offset,
      open: offset + n,
      filled: offset + n + 1,
      guess: offset + n + 2,
    };
    offset += n + 3;
    return step;
  });
  return { categoryIndex: (c) => (c !== undefined && index.has(c) ? index.get(c)! : n - 1), categories: n, lists, width: offset };
}

/** The starting states: one per guess of the released places of each list. */
function startStates(layout: Layout): number[][] {
  let states: number[][] = [new Array<number>(layout.width).fill(0)];
  for (const l of layout.lists) {
    const guesses = l.layout.released ? l.layout.reservedTotal : 0;
    states = states.flatMap((s) =>
      Array.from({ length: guesses + 1 }, (_, g) => {
        const next = [...s];
        next[l.open] = Math.max(0, l.layout.quota - l.layout.reservedTotal) + g;
        next[l.guess] = g;
        return next;
      }),
    );
  }
  return states;
}

/** Whether a finished run's guesses came true: its reserved places left unfilled by exactly the guess. */
function consistent(layout: Layout, s: readonly number[]): boolean {
  return layout.lists.every((l) => {
    if (!l.layout.released) return true;
    let unfilled = 0;
    for (let c = 0; c < layout.categories; c++) unfilled += l.reserved[c]! - s[l.seen + c]!;
    return unfilled === s[l.guess];
  });
}

function step(layout: Layout, s: readonly number[], category: number, total: number): { next: number[]; outcome: ProposalList } {
  const next = [...s];
  for (const l of layout.lists) {
    if (total < l.layout.minimumHundredths) continue;
    const seen = next[l.seen + category]!;
    if (seen < l.reserved[category]!) {
      next[l.seen + category] = seen + 1;
      next[l.filled]! += 1;
      return { next, outcome: l.outcome };
    }
    if (!l.capped[category] && next[l.open]! > 0) {
      next[l.open]! -= 1;
      next[l.filled]! += 1;
      return { next, outcome: l.outcome };
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

/** Groups of equal totals, best first (candidates clear of exclusions, repeat winners placed apart). */
export function analyseTies(groups: readonly (readonly ApplicantResult[])[], rules: AllocationRules): TieAnalysis {
  const layout = layoutOf(rules);
  const n = layout.categories;
  const w = layout.width;
  const [awardList, nominationList] = layout.lists as [ListStep, ListStep];
  const cats = groups.map((g) => g.map((a) => layout.categoryIndex(a.category)));

  /**
   * States after groups [from, groups.length): counters + [targetOutcome (-1 none),
   * countedAward, countedNomination]. Runs go to the end, so that only runs whose guesses
   * came true are read.
   */
  const run = (track: Track, initial: readonly number[][], from: number): number[][] => {
    let states = new Map<string, number[]>(initial.map((s) => [s.join(','), s]));
    groups.slice(from).forEach((group, offset) => {
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
          const { next, outcome } = step(layout, cur.s.slice(0, w), c, total);
          const tags = cur.s.slice(w);
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
    return [...states.values()].filter((s) => consistent(layout, s));
  };

  /** The states reached before each group, whatever the orders of the groups above it. */
  const prefixes: number[][][] = [startStates(layout).map((s) => [...s, -1, 0, 0])];
  const finals = run({}, prefixes[0]!, 0);
  const maxFilled = {
    award: Math.max(0, ...finals.map((s) => s[awardList.filled]!)),
    nomination: Math.max(0, ...finals.map((s) => s[nominationList.filled]!)),
  };
  const possible = new Map<string, ProposalList[]>();
  groups.forEach((group, g) => {
    const byCategory = new Map<number, ProposalList[]>();
    group.forEach((a, i) => {
      const c = cats[g]![i]!;
      if (!byCategory.has(c)) {
        const outcomes = new Set(run({ target: { group: g, category: c } }, prefixes[g]!, g).map((s) => s[w]!));
        byCategory.set(c, OUTCOMES.filter((_, k) => outcomes.has(k)));
      }
      possible.set(a.applicantId, byCategory.get(c)!);
    });
  });
  const mostOf = (ids: ReadonlySet<string>) => {
    const g = groups.findIndex((group) => group.some((a) => ids.has(a.applicantId)));
    const f = g < 0 ? [] : run({ counted: ids }, prefixes[g]!, g);
    if (f.length === 0) return { award: 0, nomination: 0 };
    return { award: Math.max(...f.map((s) => s[w + 1]!)), nomination: Math.max(...f.map((s) => s[w + 2]!)) };
  };
  return { possible, maxFilled, mostOf };
}
