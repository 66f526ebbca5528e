import { consolidate, type Consolidation } from '../consensus/consolidate.js';
import type { ItemConsensus } from '../consensus/consensus-record.js';
import { consensusRecordSchema } from '../consensus/consensus-record.js';
import { recommend, type RecommendationFacts } from '../consensus/recommendation.js';
import { validateCriteriaSet } from '../criteria/validate-criteria-set.js';
import { err, ok, type Result } from '../util/result.js';
import { dateZh } from './format-zh.js';
import type { ReportInput } from './report-input.js';

/**
 * The numbers a report prints, computed here from the inputs and nowhere else, so the
 * score table, the divergence section and the recommendation cannot disagree.
 */
export interface ReportModel {
  input: ReportInput;
  consolidation: Consolidation;
  facts: RecommendationFacts;
  consensusByItem: Map<string, ItemConsensus>;
  leaderName: string;
}

export function buildReportModel(input: ReportInput): Result<ReportModel, string> {
  const set = validateCriteriaSet(input.criteriaSet);
  if (!set.ok) return err(`criteria set: ${set.error.map((e) => e.message).join('; ')}`);
  const record = consensusRecordSchema.safeParse(input.consensus);
  if (!record.success) return err(`consensus record: ${record.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const leaders = input.roster.filter((m) => m.role === 'leader');
  if (leaders.length !== 1) return err(`a panel has exactly one leader; this roster has ${leaders.length}`);
  const { panelSizeMin: min, panelSizeMax: max } = input.rules;
  if (input.roster.length < min || input.roster.length > max) return err(`a panel has ${min} to ${max} members under the cycle's rules (Art. 11); this roster has ${input.roster.length}`);
  for (const [label, date] of [['site visit start', input.schedule.siteVisitFrom], ['site visit end', input.schedule.siteVisitTo], ['report date', input.schedule.reportDate]] as const) {
    try {
      dateZh(date);
    } catch {
      return err(`${label} "${date}" is not a YYYY-MM-DD date`);
    }
  }
  if (Number.isNaN(Date.parse(input.issuedAt))) return err(`issuedAt "${input.issuedAt}" is not a date and time`);
  let consolidation: Consolidation;
  try {
    consolidation = consolidate({
      criteriaSet: input.criteriaSet,
      roster: input.roster,
      scoresheets: input.scoresheets,
      materialReview: input.materialReview,
      divergenceLimit: input.rules.divergenceLimitPoints,
    });
  } catch (e) {
    return err(`scoresheets: ${(e as Error).message}`);
  }
  const facts = recommend(input.criteriaSet, input.consensus, input.rules);
  if (!facts.ok) return err(`the consensus is not finished, so there is no report yet: ${facts.error.message}`);
  return ok({
    input,
    consolidation,
    facts: facts.value,
    consensusByItem: new Map(input.consensus.items.map((i) => [i.itemId, i])),
    leaderName: leaders[0]!.name,
  });
}
