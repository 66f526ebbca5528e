import type { CycleRules } from '../cycle/cycle-rules.js';
import type { ExclusionNumber } from '../regulation/exclusions.js';
import { err, ok, type Result } from '../util/result.js';
import { allocate, type PlaceKind } from './allocate.js';
import { applicantResultSchema, LIST_ORDER, type ApplicantResult, type ProposalList } from './applicant-result.js';

/**
 * The proposed split for the comprehensive review (综合评审): Award / Nomination / not
 * awarded, with vacancies and ties. Every applicant is in exactly one list.
 *
 * Ties are never broken silently. Equal totals are tried in every order (each tied applicant
 * moved through every position of its group); an applicant whose outcome depends on that
 * order is marked `tie` with the outcomes it could get, listed in the best of them, and its
 * group is reported with the places the group contends for. The committee decides.
 */
/**
 * excluded: a confirmed Art. 14 exclusion; below-nomination-minimum: under the cycle's
 * optional floor for Nominations; no-place-left: every place it qualified for went to a
 * higher total (or reserved places to their category).
 */
export type NotAwardedReason = 'excluded' | 'below-nomination-minimum' | 'no-place-left';

export interface ProposalEntry {
  applicantId: string;
  name: string;
  industry: string;
  category?: string;
  totalHundredths: number;
  list: ProposalList;
  /** Confirmed Art. 14 exclusions; present (non-empty) only for excluded applicants. */
  exclusions?: ExclusionNumber[];
  /** How the place was won (reserved for a category, or open); absent for notAwarded. */
  place?: PlaceKind;
  /** Why not awarded: absent for proposed applicants and for ties. */
  reason?: NotAwardedReason;
  /** Present when the outcome depends on how a tie is broken. */
  tie?: { group: number; possible: ProposalList[] };
}

export interface TieGroup {
  group: number;
  totalHundredths: number;
  applicantIds: string[];
  /** The places the tied applicants contend for; the rest of them are not awarded. */
  places: { award: number; nomination: number };
}

export interface Proposal {
  award: ProposalEntry[];
  nomination: ProposalEntry[];
  notAwarded: ProposalEntry[];
  /** Places no applicant can take (tied places count as taken: the committee fills them). */
  vacancies: { award: number; nomination: number };
  ties: TieGroup[];
}

type Rules = Pick<CycleRules, 'awardQuota' | 'nominationQuota' | 'awardThresholdPoints' | 'nominationMinimumPoints' | 'reservations'>;

const rank = (l: ProposalList): number => LIST_ORDER.indexOf(l);

/** Equal totals are compared as integers only; id order is a placeholder, never a decision. */
function byTotal(a: Pick<ApplicantResult, 'applicantId' | 'totalHundredths'>, b: Pick<ApplicantResult, 'applicantId' | 'totalHundredths'>): number {
  return b.totalHundredths - a.totalHundredths || (a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0);
}

/** The outcomes an applicant can get as its tie group is ordered every way for it. */
function possibleOutcomes(ordered: ApplicantResult[], group: ApplicantResult[], a: ApplicantResult, rules: Rules): ProposalList[] {
  const start = ordered.indexOf(group[0]!);
  const others = group.filter((g) => g !== a);
  const seen = new Set<ProposalList>();
  for (let position = 0; position < group.length; position++) {
    const groupOrder = [...others.slice(0, position), a, ...others.slice(position)];
    const order = [...ordered.slice(0, start), ...groupOrder, ...ordered.slice(start + group.length)];
    seen.add(allocate(order, rules).list.get(a.applicantId)!);
  }
  return [...seen].sort((x, y) => rank(x) - rank(y));
}

function notAwardedReason(a: ApplicantResult, rules: Rules): NotAwardedReason {
  if (a.totalHundredths < (rules.nominationMinimumPoints ?? 0) * 100) return 'below-nomination-minimum';
  return 'no-place-left';
}

export function proposeSplit(results: readonly ApplicantResult[], rules: Rules): Proposal {
  const excluded = results.filter((r) => r.exclusions.length > 0);
  const ordered = results.filter((r) => r.exclusions.length === 0).sort(byTotal);
  const canonical = allocate(ordered, rules);
  const entries = new Map<string, ProposalEntry>();
  const ties: TieGroup[] = [];

  for (let i = 0; i < ordered.length; ) {
    let j = i + 1;
    while (j < ordered.length && ordered[j]!.totalHundredths === ordered[i]!.totalHundredths) j++;
    const group = ordered.slice(i, j);
    const tied: string[] = [];
    for (const a of group) {
      const list = canonical.list.get(a.applicantId)!;
      const possible = group.length > 1 ? possibleOutcomes(ordered, group, a, rules) : [list];
      const entry: ProposalEntry = { ...base(a), list: possible[0]! };
      if (possible.length > 1) {
        entry.tie = { group: ties.length + 1, possible };
        tied.push(a.applicantId);
      } else if (list === 'notAwarded') {
        entry.reason = notAwardedReason(a, rules);
      } else {
        entry.place = canonical.place.get(a.applicantId)!;
      }
      entries.set(a.applicantId, entry);
    }
    if (tied.length > 0) {
      const count = (l: ProposalList): number => tied.filter((id) => canonical.list.get(id) === l).length;
      ties.push({ group: ties.length + 1, totalHundredths: group[0]!.totalHundredths, applicantIds: tied, places: { award: count('award'), nomination: count('nomination') } });
    }
    i = j;
  }
  for (const a of excluded) {
    entries.set(a.applicantId, { ...base(a), list: 'notAwarded', exclusions: [...a.exclusions].sort((x, y) => x - y), reason: 'excluded' });
  }
  const inList = (l: ProposalList): ProposalEntry[] =>
    results.map((r) => entries.get(r.applicantId)!).filter((e) => e.list === l).sort(byTotal);
  return {
    award: inList('award'),
    nomination: inList('nomination'),
    notAwarded: inList('notAwarded'),
    vacancies: { award: rules.awardQuota - canonical.filled.award, nomination: rules.nominationQuota - canonical.filled.nomination },
    ties,
  };
}

function base(a: ApplicantResult): Omit<ProposalEntry, 'list'> {
  return {
    applicantId: a.applicantId,
    name: a.name,
    industry: a.industry,
    ...(a.category !== undefined ? { category: a.category } : {}),
    totalHundredths: a.totalHundredths,
  };
}

export interface ResultProblem {
  index: number;
  applicantId?: string;
  message: string;
}

/** Reads applicant results from outside and refuses duplicates, with every problem. */
export function validateApplicantResults(input: unknown): Result<ApplicantResult[], ResultProblem[]> {
  if (!Array.isArray(input)) return err([{ index: -1, message: 'applicant results must be an array' }]);
  const problems: ResultProblem[] = [];
  const results: ApplicantResult[] = [];
  const seen = new Set<string>();
  input.forEach((item, index) => {
    const parsed = applicantResultSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ index, message: `[${index}].${issue.path.join('.')}: ${issue.message}` });
      return;
    }
    if (seen.has(parsed.data.applicantId)) {
      problems.push({ index, applicantId: parsed.data.applicantId, message: `[${index}]: applicant ${parsed.data.applicantId} appears twice` });
    }
    seen.add(parsed.data.applicantId);
    results.push(parsed.data);
  });
  return problems.length > 0 ? err(problems) : ok(results);
}
