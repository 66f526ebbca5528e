import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../../db/database.js';
import { primedKeys, usePrimedLiveQuery } from '../../../db/primed-reads.js';
import type {
  AttachmentRecord,
  ExclusionCheckRecord,
  NoteRecord,
  SiteIssueStatusRecord,
} from '../../../db/records.js';

/**
 * Live reads: each hook re-renders when a transaction touching its data commits, so every
 * screen shows what is stored, never a copy that could drift from it.
 * `undefined` means "still loading".
 */

export interface OverviewData {
  /** itemId → percent */
  scores: Record<string, number>;
  /** itemId → number of notes */
  noteCounts: Record<string, number>;
}

/** What the review screen shows, in one transaction. */
export function readOverview(reviewId: string): Promise<OverviewData> {
  const db = getDatabase();
  return db.transaction('r', [db.itemScores, db.notes], async () => {
    const [rows, notes] = await Promise.all([db.itemScores.where('reviewId').equals(reviewId).toArray(), db.notes.where('reviewId').equals(reviewId).toArray()]);
    const noteCounts: Record<string, number> = {};
    for (const n of notes) noteCounts[n.itemId] = (noteCounts[n.itemId] ?? 0) + 1;
    return { scores: Object.fromEntries(rows.map((r) => [r.itemId, r.percent])), noteCounts };
  });
}

export function useOverviewData(reviewId: string): OverviewData | undefined {
  return usePrimedLiveQuery(primedKeys.overview(reviewId), () => readOverview(reviewId), [reviewId]);
}

/** itemId → percent for every scored item. */
export function useScores(reviewId: string): Record<string, number> | undefined {
  return useLiveQuery(async () => {
    const rows = await getDatabase().itemScores.where('reviewId').equals(reviewId).toArray();
    return Object.fromEntries(rows.map((r) => [r.itemId, r.percent]));
  }, [reviewId]);
}

export function useItemNotes(reviewId: string, itemId: string): NoteRecord[] | undefined {
  return useLiveQuery(
    () => getDatabase().notes.where('[reviewId+itemId]').equals([reviewId, itemId]).sortBy('createdAt'),
    [reviewId, itemId],
  );
}

export function useItemAttachments(reviewId: string, itemId: string): AttachmentRecord[] | undefined {
  return useLiveQuery(
    () => getDatabase().attachments.where('[reviewId+itemId]').equals([reviewId, itemId]).sortBy('createdAt'),
    [reviewId, itemId],
  );
}

export function useSiteIssueStatuses(reviewId: string): Record<string, SiteIssueStatusRecord> | undefined {
  return useLiveQuery(async () => {
    const rows = await getDatabase().siteIssueStatus.where('reviewId').equals(reviewId).toArray();
    return Object.fromEntries(rows.map((r) => [r.issueId, r]));
  }, [reviewId]);
}

export function useExclusionChecks(reviewId: string): Record<number, ExclusionCheckRecord> | undefined {
  return useLiveQuery(async () => {
    const rows = await getDatabase().exclusionChecks.where('reviewId').equals(reviewId).toArray();
    return Object.fromEntries(rows.map((r) => [r.number, r]));
  }, [reviewId]);
}
