import type { CycleRules } from '../cycle/cycle-rules.js';
import type { ExclusionNumber } from '../regulation/exclusions.js';
import { err, ok, type Result } from '../util/result.js';
import { allocate, type PlaceKind } from './allocate.js';
import { analyseTies } from './tie-analysis.js';
import { applicantResultSchema, type ApplicantResult, type ProposalList } from './applicant-result.js';

/**
 * The proposed split for the comprehensive review (综合评审): Award / Nomination / not
 * awarded, with vacancies and ties. Every applicant is in exactly one list.
 *
 * Ties are never broken silently. Every order of equal totals is considered (tie-analysis.ts);
 * an applicant whose outcome depends on how ties are broken is marked `tie` with every outcome
 * it could get, listed in the best of them, and reported in its group of equal totals with the
 * most places of each list the group's tied applicants can take. With reserved places, a tie
 * higher up can decide a lower applicant's outcome: that applicant is marked too, in a group
 * of its own total. Vacancies are the places that stay empty however ties are broken.
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
  /** The most places of each list the tied applicants can take between them. */
  places: { award: number; nomination: number };
}

export interface Proposal {
  award: ProposalEntry[];
  nomination: ProposalEntry[];
  notAwarded: ProposalEntry[];
  /** Places that stay empty however the committee breaks the ties. */
  vacancies: { award: number; nomination: number };
  ties: TieGroup[];
}

type Rules = Pick<CycleRules, 'awardQuota' | 'nominationQuota' | 'awardThresholdPoints' | 'nominationMinimumPoints' | 'reservations'>;


/** Equal totals are compared as integers only; id order is a placeholder, never a decision. */
function byTotal(a: Pick<ApplicantResult, 'applicantId' | 'totalHundredths'>, b: Pick<ApplicantResult, 'applicantId' | 'totalHundredths'>): number {
  return b.totalHundredths - a.totalHundredths || (a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0);
}

function notAwardedReason(a: ApplicantResult, rules: Rules): NotAwardedReason {
  if (a.totalHundredths < (rules.nominationMinimumPoints ?? 0) * 100) return 'below-nomination-minimum';
  return 'no-place-left';
}

export function proposeSplit(results: readonly ApplicantResult[], rules: Rules): Proposal {
  const excluded = results.filter((r) => r.exclusions.length > 0);
  const ordered = results.filter((r) => r.exclusions.length === 0).sort(byTotal);
  const canonical = allocate(ordered, rules);
  const groups: ApplicantResult[][] = [];
  for (const a of ordered) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.totalHundredths === a.totalHundredths) last.push(a);
    else groups.push([a]);
  }
  const analysis = analyseTies(groups, rules);
  const entries = new Map<string, ProposalEntry>();
  const ties: TieGroup[] = [];
  for (const group of groups) {
    const tied = group.filter((a) => analysis.possible.get(a.applicantId)!.length > 1);
    const number = ties.length + 1;
    for (const a of group) {
      const possible = analysis.possible.get(a.applicantId)!;
      const list = canonical.list.get(a.applicantId)!;
      const entry: ProposalEntry = { ...base(a), list: possible[0]! };
      if (possible.length > 1) entry.tie = { group: number, possible };
      else if (list === 'notAwarded') entry.reason = notAwardedReason(a, rules);
      else entry.place = canonical.place.get(a.applicantId)!;
      entries.set(a.applicantId, entry);
    }
    if (tied.length > 0) {
      const ids = tied.map((a) => a.applicantId);
      ties.push({ group: number, totalHundredths: group[0]!.totalHundredths, applicantIds: ids, places: analysis.mostOf(new Set(ids)) });
    }
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
    vacancies: {
      award: rules.awardQuota - analysis.maxFilled.award,
      nomination: rules.nominationQuota - analysis.maxFilled.nomination,
    },
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
