import { Dexie } from 'dexie';
import { itemsOf } from '../../../../shared/criteria/validate-criteria-set.js';
import { nextHistoryEntrySync } from '../../../../shared/history/hash-chain.js';
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
    // Read in parallel and write in parallel: each await inside a transaction is a round
    // trip to the storage process, and this runs on every keypress that scores.
    const [review, current, last] = await Promise.all([db.reviews.get(reviewId), db.itemScores.get([reviewId, itemId]), lastHistoryEntry(ctx, reviewId)]);
    if (!review) throw new ReviewWriteError(`review ${reviewId} does not exist`);
    if (!itemsOf(review.assignment.criteriaSet).some((item) => item.id === itemId)) {
      throw new ReviewWriteError(`item ${itemId} is not in criteria set ${review.assignment.criteriaSet.id}`);
    }
    const from = current?.percent ?? null;
    if (from === percent) return false;
    const s = stamp(ctx);
    const entry = nextHistoryEntrySync(last, { at: s.updatedAt, actor: ctx.actor, kind: 'score', itemId, from, to: percent });
    await Promise.all([
      percent === null ? db.itemScores.delete([reviewId, itemId]) : db.itemScores.put({ reviewId, itemId, percent, ...s }),
      db.history.add({ reviewId, ...entry }),
    ]);
    return true;
  });
}
