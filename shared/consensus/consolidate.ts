import type { CriteriaSet, ItemKind } from '../criteria/criteria-set.js';
import { itemScoreHundredths } from '../scoring/hundredths.js';
import { isValidPercent } from '../scoring/percent.js';
import { isDivergent, meanTenths, medianTenths, spread } from '../scoring/statistics.js';
import type { MemberScores, PanelMember } from './member-scores.js';

export interface MatrixCell {
  memberId: string;
  /** undefined: the member has no scoresheet yet, or has not scored this item. */
  percent: number | undefined;
}

export interface MatrixRow {
  itemId: string;
  categoryId: string;
  name: string;
  points: number;
  kind: ItemKind;
  materialReviewPercent: number | undefined;
  materialReviewHundredths: number | undefined;
  cells: MatrixCell[];
  scoredCount: number;
  /** Display only (docs/domain.md §4): tenths of a percent, rounded half up. */
  meanTenths: number | undefined;
  medianTenths: number | undefined;
  spread: number;
  divergent: boolean;
}

export interface IncompleteMember {
  memberId: string;
  missingItemIds: string[];
}

export interface Consolidation {
  divergenceLimit: number;
  /** Rows in criteria order, one per item. */
  rows: MatrixRow[];
  /** Item ids in the order the panel discusses them: divergent first, then criteria order. */
  discussionOrder: string[];
  divergentItemIds: string[];
  /** Roster members whose signed scoresheet has not arrived. */
  missingMembers: PanelMember[];
  /** Members whose scoresheet arrived with items unscored. */
  incompleteMembers: IncompleteMember[];
}

export interface ConsolidationInput {
  criteriaSet: CriteriaSet;
  roster: readonly PanelMember[];
  /** Verified scoresheets, one per member (latest revision); strangers are refused. */
  scoresheets: readonly MemberScores[];
  materialReview?: Readonly<Record<string, number | undefined>>;
  /** The cycle's divergence limit, as the assignment carries it (cycle rules). */
  divergenceLimit: number;
}

/**
 * The leader's matrix of items × members. It decides nothing: the consensus is the
 * panel's, so mean and median are guidance and the divergence flag only orders the talk.
 */
export function consolidate(input: ConsolidationInput): Consolidation {
  const limit = input.divergenceLimit;
  if (!Number.isInteger(limit) || limit < 0 || limit > 100) throw new RangeError(`divergence limit ${limit} must be an integer from 0 to 100`);
  const byMember = indexScoresheets(input.roster, input.scoresheets);
  const rows: MatrixRow[] = [];
  for (const category of input.criteriaSet.categories) {
    for (const item of category.items) {
      const cells = input.roster.map((m): MatrixCell => ({ memberId: m.memberId, percent: byMember.get(m.memberId)?.items[item.id]?.percent }));
      const percents = cells.map((c) => c.percent).filter((p): p is number => p !== undefined);
      for (const p of percents) if (!isValidPercent(p)) throw new RangeError(`item ${item.id}: ${String(p)} is not on the 5% grid`);
      const material = input.materialReview?.[item.id];
      rows.push({
        itemId: item.id,
        categoryId: category.id,
        name: item.name,
        points: item.points,
        kind: item.kind,
        materialReviewPercent: material,
        materialReviewHundredths: material === undefined ? undefined : itemScoreHundredths(item.points, material),
        cells,
        scoredCount: percents.length,
        meanTenths: meanTenths(percents),
        medianTenths: medianTenths(percents),
        spread: spread(percents),
        divergent: isDivergent(percents, limit),
      });
    }
  }
  const divergentItemIds = rows.filter((r) => r.divergent).map((r) => r.itemId);
  const calm = rows.filter((r) => !r.divergent).map((r) => r.itemId);
  return {
    divergenceLimit: limit,
    rows,
    discussionOrder: [...divergentItemIds, ...calm],
    divergentItemIds,
    missingMembers: input.roster.filter((m) => !byMember.has(m.memberId)),
    incompleteMembers: input.roster.flatMap((m): IncompleteMember[] => {
      const sheet = byMember.get(m.memberId);
      if (!sheet) return [];
      const missingItemIds = rows.filter((r) => sheet.items[r.itemId]?.percent === undefined).map((r) => r.itemId);
      return missingItemIds.length > 0 ? [{ memberId: m.memberId, missingItemIds }] : [];
    }),
  };
}

/**
 * The members' common value for an item: the median of their percentages on the 5% grid.
 * The value a leader starts the discussion from, and the one a bulk settlement accepts.
 */
export function suggestedPercent(medianTenths: number | undefined): number | null {
  if (medianTenths === undefined) return null;
  return Math.min(100, Math.round(medianTenths / 50) * 5);
}

function indexScoresheets(roster: readonly PanelMember[], sheets: readonly MemberScores[]): Map<string, MemberScores> {
  const seats = new Set(roster.map((m) => m.memberId));
  const out = new Map<string, MemberScores>();
  for (const sheet of sheets) {
    if (!seats.has(sheet.memberId)) throw new Error(`scoresheet from ${sheet.memberId}, who is not on this panel`);
    if (out.has(sheet.memberId)) throw new Error(`two scoresheets from ${sheet.memberId}: pass only the latest revision`);
    out.set(sheet.memberId, sheet);
  }
  return out;
}
