import { Dexie } from 'dexie';
import { verifyHistoryChain, type HistoryBreak, type HistoryEntry, type HistoryHead } from '../../../../../shared/history/hash-chain.js';
import type { Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type {
  AttachmentRecord,
  DeclarationRecord,
  ExclusionCheckRecord,
  ItemScoreRecord,
  NoteRecord,
  ReviewRecord,
  SiteIssueStatusRecord,
} from '../../../db/records.js';

/**
 * Everything one expert's scoresheet holds for one review, read in a single transaction so
 * it is one consistent moment (no edit can land half-way through). This is what a
 * scoresheet package carries and what a backup keeps.
 */
export interface ScoresheetSnapshot {
  review: ReviewRecord;
  declaration: DeclarationRecord | null;
  scores: ItemScoreRecord[];
  notes: NoteRecord[];
  /** With their Blobs; a package writer streams them out and lists their SHA-256. */
  attachments: AttachmentRecord[];
  siteIssues: SiteIssueStatusRecord[];
  exclusions: ExclusionCheckRecord[];
  /** In seq order, without the database's reviewId column: exactly the hash-chained entries. */
  history: HistoryEntry[];
}

export async function readScoresheet(db: ZqaDatabase, reviewId: string): Promise<ScoresheetSnapshot | null> {
  return db.transaction('r', [db.reviews, db.declarations, db.itemScores, db.notes, db.attachments, db.siteIssueStatus, db.exclusionChecks, db.history], async () => {
    const review = await db.reviews.get(reviewId);
    if (!review) return null;
    const byReview = { reviewId };
    const [declaration, scores, notes, attachments, siteIssues, exclusions, history] = await Promise.all([
      db.declarations.get(reviewId),
      db.itemScores.where(byReview).toArray(),
      db.notes.where(byReview).sortBy('createdAt'),
      db.attachments.where(byReview).sortBy('createdAt'),
      db.siteIssueStatus.where(byReview).toArray(),
      db.exclusionChecks.where(byReview).toArray(),
      db.history.where('[reviewId+seq]').between([reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]).toArray(),
    ]);
    return {
      review,
      declaration: declaration ?? null,
      scores,
      notes,
      attachments,
      siteIssues,
      exclusions,
      history: history.map(({ reviewId: _r, ...entry }) => entry),
    };
  });
}

/** Checks a review's stored history chain: its head, or the first broken link. */
export async function verifyStoredHistory(db: ZqaDatabase, reviewId: string): Promise<Result<HistoryHead, HistoryBreak>> {
  const rows = await db.history.where('[reviewId+seq]').between([reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]).toArray();
  return verifyHistoryChain(rows.map(({ reviewId: _r, ...entry }) => entry));
}
