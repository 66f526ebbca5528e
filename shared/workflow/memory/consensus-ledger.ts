import type { ConsensusRecord } from '../../consensus/consensus-record.js';
import type { EditLogEntry } from '../../consensus/edit-log.js';
import type { HistoryEntry } from '../../history/hash-chain.js';
import type { ConsensusLedger } from '../settle-consensus.js';

/** The consensus ledger in memory: `zqa demo` and the tests, where the leader's device lives for one run. */
export function memoryConsensusLedger(): ConsensusLedger {
  const reviews = new Map<string, { record: ConsensusRecord; edits: EditLogEntry[]; scores: HistoryEntry[] }>();
  return {
    head(reviewId) {
      const r = reviews.get(reviewId);
      return Promise.resolve(r ? { record: r.record, lastEdit: r.edits.at(-1), lastScore: r.scores.at(-1) } : null);
    },
    start(reviewId, record) {
      if (!reviews.has(reviewId)) reviews.set(reviewId, { record, edits: [], scores: [] });
      return Promise.resolve();
    },
    append(reviewId, settled) {
      const r = reviews.get(reviewId);
      if (!r) return Promise.reject(new Error(`no consensus started for review ${reviewId}`));
      r.record = settled.record;
      r.edits.push(settled.edit);
      r.scores.push(...settled.scores);
      return Promise.resolve();
    },
    trail(reviewId) {
      const r = reviews.get(reviewId);
      return Promise.resolve(r ? { record: r.record, edits: [...r.edits], scores: [...r.scores] } : null);
    },
  };
}
