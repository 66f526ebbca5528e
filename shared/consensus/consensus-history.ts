import type { HistoryChange } from '../history/hash-chain.js';
import type { BulkPercent } from './bulk-settlement.js';
import type { ConsensusHistoryFields } from './consensus-edits.js';

/**
 * Consensus percentages go into the same hash-chained history as the members' scores
 * (shared/history/hash-chain.ts), as kind `consensus`: that chain holds percentages, and a
 * consensus percentage is the panel's score. A bulk settlement, or its undo, changes several
 * percentages at once and so gives one entry per item, in the order it lists them. The other
 * consensus edits (rationale, notes, exclusions, overall evaluation) keep their full
 * `{ kind, itemId, from, to }` in the leader's own edit log, replayable with `replayConsensus`.
 */
export function scoreHistoryChanges(entry: ConsensusHistoryFields, at: string, actor: string): HistoryChange[] {
  const percent = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const change = (itemId: string, from: unknown, to: unknown): HistoryChange => ({ at, actor, kind: 'consensus', itemId, from: percent(from), to: percent(to) });
  switch (entry.kind) {
    case 'consensus-percent':
      return [change(entry.itemId, entry.from, entry.to)];
    case 'consensus-bulk-accept':
      return (entry.to as BulkPercent[]).map((v) => change(v.itemId, null, v.percent));
    case 'consensus-bulk-undo':
      return (entry.from as BulkPercent[]).map((v) => change(v.itemId, v.percent, null));
    default:
      return [];
  }
}
