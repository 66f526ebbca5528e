import { Dexie } from 'dexie';
import { itemsOf } from '../../../../shared/criteria/validate-criteria-set.js';
import { nextHistoryEntry } from '../../../../shared/history/hash-chain.js';
import { isValidPercent } from '../../../../shared/scoring/percent.js';
import type { HistoryRecord } from '../records.js';
import { ReviewWriteError, stamp, type WriteContext } from './write-context.js';

/** The newest history entry of a review, or undefined before the first change. */
export function lastHistoryEntry(ctx: WriteContext, reviewId: string): Promise<HistoryRecord | undefined> {
  return ctx.db.history.where('[reviewId+seq]').between([reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]).last();
}

/**
 * Sets (or, with null, clears) an item's percentage. The score and its history entry are
 * written in one transaction: there is never a score without its trace, nor a trace of a
 * score that was not kept. Setting the value it already has writes nothing.
 * @returns whether anything changed
 */
export async function setItemScore(ctx: WriteContext, reviewId: string, itemId: string, percent: number | null): Promise<boolean> {
  if (percent !== null && !isValidPercent(percent)) {
    throw new ReviewWriteError(`${String(percent)} is not a percentage from 0 to 100 in steps of 5`);
  }
  const { db } = ctx;
  return db.transaction('rw', [db.reviews, db.itemScores, db.history], async () => {
    const review = await db.reviews.get(reviewId);
    if (!review) throw new ReviewWriteError(`review ${reviewId} does not exist`);
    if (!itemsOf(review.assignment.criteriaSet).some((item) => item.id === itemId)) {
      throw new ReviewWriteError(`item ${itemId} is not in criteria set ${review.assignment.criteriaSet.id}`);
    }
    const current = await db.itemScores.get([reviewId, itemId]);
    const from = current?.percent ?? null;
    if (from === percent) return false;
    const s = stamp(ctx);
    const last = await lastHistoryEntry(ctx, reviewId);
    // Hashing is WebCrypto, not IndexedDB: waitFor keeps the transaction open meanwhile.
    const entry = await Dexie.waitFor(
      nextHistoryEntry(last, { at: s.updatedAt, actor: ctx.actor, kind: 'score', itemId, from, to: percent }),
    );
    if (percent === null) await db.itemScores.delete([reviewId, itemId]);
    else await db.itemScores.put({ reviewId, itemId, percent, ...s });
    await db.history.add({ reviewId, ...entry });
    return true;
  });
}
