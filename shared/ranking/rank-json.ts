import type { ExclusionNumber } from '../regulation/exclusions.js';
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
  tie?: { group: number; possible: ProposalList[] };
}

export interface RankJson {
  award: RankJsonEntry[];
  nomination: RankJsonEntry[];
  notAwarded: RankJsonEntry[];
  vacancies: { award: number; nomination: number };
  ties: TieGroup[];
}

function entryJson(e: ProposalEntry): RankJsonEntry {
  return {
    applicantId: e.applicantId,
    name: e.name,
    industry: e.industry,
    totalHundredths: e.totalHundredths,
    ...(e.exclusions?.length ? { exclusions: e.exclusions } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.tie ? { tie: e.tie } : {}),
  };
}

export function rankJson(proposal: Proposal): RankJson {
  return {
    award: proposal.award.map(entryJson),
    nomination: proposal.nomination.map(entryJson),
    notAwarded: proposal.notAwarded.map(entryJson),
    vacancies: proposal.vacancies,
    ties: proposal.ties,
  };
}
