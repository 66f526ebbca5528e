import type { ExclusionNumber } from '../regulation/exclusions.js';
import { err, ok, type Result } from '../util/result.js';
import { isCandidateStage, type Stage } from '../applicant/stage.js';
import { allocate, type AllocationRules, type PlaceKind } from './allocate.js';
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
 * excluded: a confirmed Art. 14 exclusion; below-nomination-minimum: under the cycle's stated
 * floor for Nominations; no-place-left: every place it qualified for went to a higher total
 * (or reserved places to their category, or it is kept to its category's full separate pool).
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
  /** How the place was won (reserved for a category, open, or a repeat winner's); absent for notAwarded. */
  place?: PlaceKind;
  /** Why not awarded: absent for proposed applicants and for ties. */
  reason?: NotAwardedReason;
  /** Present when the outcome depends on how a tie is broken. */
  tie?: { group: number; possible: ProposalList[] };
}

/** An applicant the proposal does not consider: its stage makes it no candidate. */
export interface NotCandidate {
  applicantId: string;
  name: string;
  industry: string;
  totalHundredths: number;
  stage: Stage;
  /** Why, in words: the withdrawal's reason, the unmet conditions, or what is still missing. */
  why: { zh: string; en: string };
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
  /** Applicants with a panel result whose stage makes them no candidate, listed apart. */
  notCandidates: NotCandidate[];
  /** Places that stay empty however the committee breaks the ties. */
  vacancies: { award: number; nomination: number };
  ties: TieGroup[];
}

type Rules = AllocationRules;

/** Equal totals are compared as integers only; id order is a placeholder, never a decision. */
function byTotal(a: Pick<ApplicantResult, 'applicantId' | 'totalHundredths'>, b: Pick<ApplicantResult, 'applicantId' | 'totalHundredths'>): number {
  return b.totalHundredths - a.totalHundredths || (a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0);
}

function notAwardedReason(a: ApplicantResult, rules: Rules): NotAwardedReason {
  if (a.totalHundredths < rules.nominationMinimumPoints * 100) return 'below-nomination-minimum';
  return 'no-place-left';
}

/**
 * A repeat winner (Art. 27: it won the Award before and applies again once it expired) that
 * reaches the threshold takes the Award outside the quota, with no prize money.
 */
function isRepeatWinner(a: Pick<ApplicantResult, 'previousAward'>): boolean {
  return a.previousAward?.kind === 'award';
}

/**
 * The proposed split of the candidates. Applicants whose stage makes them no candidate
 * (withdrawn, ineligible, not yet reviewed on site) are listed apart with their stage and why,
 * and take nothing; ties among the rest are analysed without them.
 */
export function proposeSplit(all: readonly ApplicantResult[], rules: Rules): Proposal {
  const results = all.filter((r) => r.stage === undefined || isCandidateStage(r.stage));
  const notCandidates = all.filter((r) => r.stage !== undefined && !isCandidateStage(r.stage)).map(notCandidate).sort(byTotal);
  const excluded = results.filter((r) => r.exclusions.length > 0);
  const threshold = rules.awardThresholdPoints * 100;
  const repeat = results.filter((r) => r.exclusions.length === 0 && isRepeatWinner(r) && r.totalHundredths >= threshold);
  const repeatIds = new Set(repeat.map((r) => r.applicantId));
  const ordered = results.filter((r) => r.exclusions.length === 0 && !repeatIds.has(r.applicantId)).sort(byTotal);
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
  for (const a of repeat) entries.set(a.applicantId, { ...base(a), list: 'award', place: { kind: 'repeat' } });
  const inList = (l: ProposalList): ProposalEntry[] =>
    results.map((r) => entries.get(r.applicantId)!).filter((e) => e.list === l).sort(byTotal);
  return {
    award: inList('award'),
    nomination: inList('nomination'),
    notAwarded: inList('notAwarded'),
    notCandidates,
    vacancies: {
      award: rules.awardQuota - analysis.maxFilled.award,
      nomination: rules.nominationQuota - analysis.maxFilled.nomination,
    },
    ties,
  };
}

function notCandidate(a: ApplicantResult): NotCandidate {
  const stage = a.stage!;
  const why = a.stageReason ? { zh: a.stageReason, en: a.stageReason } : STAGE_WHY[stage];
  return { applicantId: a.applicantId, name: a.name, industry: a.industry, totalHundredths: a.totalHundredths, stage, why };
}

/** What a stage that is no candidacy means, when no reason was recorded with it. */
const STAGE_WHY: Record<Stage, { zh: string; en: string }> = {
  applied: { zh: '尚未通过资格审核', en: 'not yet found eligible' },
  eligible: { zh: '尚未进行材料评审', en: 'no material review yet' },
  'material-review': { zh: '尚未完成现场评审', en: 'the on-site review is not finished' },
  'on-site': { zh: '现场评审中', en: 'under on-site review' },
  candidate: { zh: '候选单位', en: 'a candidate' },
  'public-notice': { zh: '公示中', en: 'under public notice' },
  decided: { zh: '已确定', en: 'decided' },
  withdrawn: { zh: '已撤销或退出评审', en: 'withdrawn' },
  ineligible: { zh: '不符合申报条件', en: 'not eligible' },
};

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
