import type { HistoryChange } from '../history/hash-chain.js';
import type { ConsensusHistoryFields } from './consensus-edits.js';

/**
 * Consensus percentages go into the same hash-chained history as the members' scores
 * (shared/history/hash-chain.ts), as kind `consensus`: that chain holds percentages, and a
 * consensus percentage is the panel's score. The other consensus edits (rationale, notes,
 * exclusions, overall evaluation) keep their full `{ kind, itemId, from, to }` in the
 * leader's own edit log, replayable with `replayConsensus`; they fit the chain's entry shape
 * once its `kind` and `from`/`to` admit them.
 */
export function scoreHistoryChange(entry: ConsensusHistoryFields, at: string, actor: string): HistoryChange | null {
  if (entry.kind !== 'consensus-percent') return null;
  const percent = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  return { at, actor, kind: 'consensus', itemId: entry.itemId, from: percent(entry.from), to: percent(entry.to) };
}
