import { z } from 'zod';
import type { CriteriaSet } from '../criteria/criteria-set.js';
import { parseCompletePercentMap, type PercentMapError } from '../scoring/percent-map.js';
import { scoreTotals, type ScoreTotals } from '../scoring/totals.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * The material-review result (材料评审, Art. 17(5)): the panel's percentage per item from the
 * written material, and the issues to verify on site (现场核查要点), which travel in the
 * assignment package to every member.
 */
const siteVisitIssueSchema = z.strictObject({
  /** The item concerned, or absent for a general issue (e.g. an exclusion to verify). */
  itemId: z.string().min(1).max(32).optional(),
  text: z.string().trim().min(1).max(2000),
});
export type SiteVisitIssue = z.infer<typeof siteVisitIssueSchema>;

export interface MaterialReviewResult {
  criteriaSetId: string;
  percentByItem: Record<string, number>;
  siteVisitIssues: SiteVisitIssue[];
}

export interface MaterialReviewProblem {
  code: PercentMapError['code'] | 'wrong-criteria-set' | 'issue' | 'shape';
  itemId?: string;
  message: string;
}

/**
 * Reads a material-review result against the cycle's criteria set: every item scored on the
 * 5% grid, no unknown item, each site-visit issue pointing at a real item.
 */
export function validateMaterialReview(set: CriteriaSet, input: unknown): Result<MaterialReviewResult, MaterialReviewProblem[]> {
  const shape = z
    .strictObject({ criteriaSetId: z.string(), percentByItem: z.unknown(), siteVisitIssues: z.array(siteVisitIssueSchema).max(500).default([]) })
    .safeParse(input);
  if (!shape.success) return err(shape.error.issues.map((i) => ({ code: 'shape' as const, message: `${i.path.join('.')}: ${i.message}` })));
  const problems: MaterialReviewProblem[] = [];
  if (shape.data.criteriaSetId !== set.id) {
    problems.push({ code: 'wrong-criteria-set', message: `scored against criteria set ${shape.data.criteriaSetId}, the cycle uses ${set.id}` });
  }
  const percents = parseCompletePercentMap(set, shape.data.percentByItem);
  if (!percents.ok) problems.push(...percents.error);
  const itemIds = new Set(set.categories.flatMap((c) => c.items.map((i) => i.id)));
  for (const issue of shape.data.siteVisitIssues) {
    if (issue.itemId !== undefined && !itemIds.has(issue.itemId)) {
      problems.push({ code: 'issue', itemId: issue.itemId, message: `a site-visit issue names item ${issue.itemId}, which is not in ${set.id}` });
    }
  }
  if (problems.length > 0 || !percents.ok) return err(problems);
  return ok({ criteriaSetId: set.id, percentByItem: percents.value, siteVisitIssues: shape.data.siteVisitIssues });
}

export function materialReviewTotals(set: CriteriaSet, result: MaterialReviewResult): ScoreTotals {
  return scoreTotals(set, result.percentByItem);
}
