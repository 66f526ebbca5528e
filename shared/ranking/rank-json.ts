import { STAGE_NAMES, type Stage } from '../applicant/stage.js';
import type { ExclusionNumber } from '../regulation/exclusions.js';
import { industryWarning } from './industry-representation.js';
import type { ProposalList } from './applicant-result.js';
import type { Proposal, ProposalEntry, TieGroup } from './proposal.js';

/**
 * The proposal as `zqa rank --json` prints it: the three lists, each applicant once, with
 * name and total in hundredths, exclusions where excluded, a tie marker where the committee
 * must break a tie; vacancies; and the tie groups with the places they contend for.
 */
export interface RankJsonEntry {
  applicantId: string;
  name: string;
  industry: string;
  totalHundredths: number;
  exclusions?: ExclusionNumber[];
  reason?: string;
  /** How the place was won: 'reserved' (with its category), 'open', 'repeat' (Art. 27, outside the quota). */
  place?: string;
  category?: string;
  tie?: { group: number; possible: ProposalList[] };
}

/** An applicant not ranked: its stage makes it no candidate; `reason` says why, in Chinese. */
export interface NotRankedEntry {
  applicantId: string;
  name: string;
  industry: string;
  totalHundredths: number;
  stage: Stage;
  reason: string;
}

export interface RankJson {
  award: RankJsonEntry[];
  nomination: RankJsonEntry[];
  notAwarded: RankJsonEntry[];
  notRanked: NotRankedEntry[];
  vacancies: { award: number; nomination: number };
  ties: TieGroup[];
  /** Art. 17(7): every proposed Award from one industry (the committee weighs representation). */
  warnings: string[];
}

function entryJson(e: ProposalEntry): RankJsonEntry {
  return {
    applicantId: e.applicantId,
    name: e.name,
    industry: e.industry,
    totalHundredths: e.totalHundredths,
    ...(e.exclusions?.length ? { exclusions: e.exclusions } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.place ? { place: e.place.kind } : {}),
    ...(e.category !== undefined ? { category: e.category } : {}),
    ...(e.tie ? { tie: e.tie } : {}),
  };
}

export function rankJson(proposal: Proposal): RankJson {
  return {
    award: proposal.award.map(entryJson),
    nomination: proposal.nomination.map(entryJson),
    notAwarded: proposal.notAwarded.map(entryJson),
    notRanked: proposal.notCandidates.map((n) => ({ applicantId: n.applicantId, name: n.name, industry: n.industry, totalHundredths: n.totalHundredths, stage: n.stage, reason: `${STAGE_NAMES[n.stage].zh}：${n.why.zh}` })),
    vacancies: proposal.vacancies,
    ties: proposal.ties,
    warnings: [industryWarning(proposal)?.zh].filter((w): w is string => w !== undefined),
  };
}
