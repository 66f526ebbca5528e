import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../../db/database.js';
import { verifyStoredHistory } from './scoresheet-snapshot.js';

/** One item's score changes from the hash-chained history, oldest first; undefined while read. */
export function useItemHistory(reviewId: string, itemId: string) {
  return useLiveQuery(
    // One getAll and a filter here, not Dexie's filter(): that walks a cursor, one round trip
    // to the storage process per history entry, on every score change (measured: bench/).
    async () => (await getDatabase().history.where('reviewId').equals(reviewId).toArray()).filter((h) => h.itemId === itemId).sort((a, b) => a.seq - b.seq),
    [reviewId, itemId],
  );
}

/** The whole hash chain re-checked whenever it grows; undefined while read. */
export function useHistoryVerdict(reviewId: string) {
  return useLiveQuery(() => verifyStoredHistory(getDatabase(), reviewId), [reviewId]);
}
