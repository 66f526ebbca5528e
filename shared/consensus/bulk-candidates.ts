import type { BulkPercent } from './bulk-settlement.js';
import type { ConsensusRecord } from './consensus-record.js';
import { suggestedPercent, type Consolidation } from './consolidate.js';
import type { MemberScores } from './member-scores.js';

/**
 * What a bulk settlement may touch, from the matrix and the consensus as they stand. The rule
 * is the matrix's own: an item is divergent when the members' spread is over the cycle's
 * limit (consolidate.ts), and its common value is the median on the 5% grid (the value the
 * item page offers too). A bulk only fills what is open and uncontroversial:
 * - an item already settled (by hand or by an earlier bulk) is never touched;
 * - a divergent item is left for the discussion the divergence flag asks for;
 * - an item some member has not scored (or whose scoresheet has not arrived) has no common
 *   value of the whole panel yet.
 */
export interface BulkAcceptCandidates {
  /** The items the bulk would settle, in criteria order, each with its common value. */
  accept: BulkPercent[];
  divergent: string[];
  incomplete: string[];
  settled: string[];
}

export function bulkAcceptCandidates(matrix: Consolidation, record: ConsensusRecord): BulkAcceptCandidates {
  const agreed = new Map(record.items.map((i) => [i.itemId, i.percent]));
  const out: BulkAcceptCandidates = { accept: [], divergent: [], incomplete: [], settled: [] };
  for (const row of matrix.rows) {
    if ((agreed.get(row.itemId) ?? null) !== null) out.settled.push(row.itemId);
    else if (row.divergent) out.divergent.push(row.itemId);
    else {
      const common = row.cells.every((c) => c.percent !== undefined) ? suggestedPercent(row.medianTenths) : null;
      if (common === null) out.incomplete.push(row.itemId);
      else out.accept.push({ itemId: row.itemId, percent: common });
    }
  }
  return out;
}

export interface ExclusionClearCandidates {
  /** Open exclusions no member flagged: the ones the bulk sets to 未发现. */
  clear: number[];
  /** Open exclusions a member flagged: the panel decides these one by one. */
  flaggedByMembers: number[];
}

export function exclusionClearCandidates(record: ConsensusRecord, sheets: readonly MemberScores[]): ExclusionClearCandidates {
  const flagged = new Set(sheets.flatMap((s) => s.exclusions.filter((e) => e.status === 'flagged').map((e) => e.number as number)));
  const open = record.exclusions.filter((e) => e.status === 'open').map((e) => e.number);
  return { clear: open.filter((n) => !flagged.has(n)), flaggedByMembers: open.filter((n) => flagged.has(n)) };
}
