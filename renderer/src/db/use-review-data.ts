import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from './database.js';
import type {
  AttachmentRecord,
  DeclarationRecord,
  ExclusionCheckRecord,
  NoteRecord,
  ReviewRecord,
  SiteIssueStatusRecord,
} from './records.js';

/**
 * Live reads: each hook re-renders when a transaction touching its data commits, so every
 * screen shows what is stored, never a copy that could drift from it.
 * `undefined` means "still loading".
 */

/** The review this device is working on: the newest one it holds. */
export function useCurrentReview(): { review: ReviewRecord | null } | undefined {
  return useLiveQuery(async () => {
    const all = await getDatabase().reviews.toArray();
    all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { review: all[0] ?? null };
  });
}

export function useDeclaration(reviewId: string): { declaration: DeclarationRecord | null } | undefined {
  return useLiveQuery(async () => ({ declaration: (await getDatabase().declarations.get(reviewId)) ?? null }), [reviewId]);
}

/** itemId → percent for every scored item. */
export function useScores(reviewId: string): Record<string, number> | undefined {
  return useLiveQuery(async () => {
    const rows = await getDatabase().itemScores.where('reviewId').equals(reviewId).toArray();
    return Object.fromEntries(rows.map((r) => [r.itemId, r.percent]));
  }, [reviewId]);
}

/** itemId → number of notes, for the overview's item states. */
export function useNoteCounts(reviewId: string): Record<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts: Record<string, number> = {};
    await getDatabase().notes.where('reviewId').equals(reviewId).each((n) => {
      counts[n.itemId] = (counts[n.itemId] ?? 0) + 1;
    });
    return counts;
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
