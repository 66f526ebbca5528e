import { Dexie } from 'dexie';
import { itemsOf } from '../../../../../shared/criteria/validate-criteria-set.js';
import { nextHistoryEntrySync } from '../../../../../shared/history/hash-chain.js';
import { isValidPercent } from '../../../../../shared/scoring/percent.js';
import type { HistoryRecord, ReviewRecord, Stamp } from '../../../db/records.js';
import { forgetScoreState, knownScoreState, rememberScoreState, type KnownScoreState } from './known-score-state.js';
import { ReviewWriteError, stamp, type WriteContext } from './write-context.js';

/** The newest history entry of a review, or undefined before the first change. */
function lastHistoryEntry(ctx: WriteContext, reviewId: string): Promise<HistoryRecord | undefined> {
  return ctx.db.history.where('[reviewId+seq]').between([reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]).last();
}

/** The database no longer matches what this page last saw of the review: read it and retry. */
class StaleScoreState extends Error {
  override name = 'StaleScoreState';
}

/**
 * The score (or its removal) and its history entry, issued together inside the caller's
 * transaction; both paths below write exactly this.
 */
function writeScoreAndEntry(ctx: WriteContext, reviewId: string, itemId: string, percent: number | null, s: Stamp, entry: HistoryRecord): Promise<unknown> {
  const { db } = ctx;
  return Promise.all([
    percent === null ? db.itemScores.delete([reviewId, itemId]) : db.itemScores.put({ reviewId, itemId, percent, ...s }),
    db.history.add(entry),
  ]);
}

/** The next history entry for a score change, stamped like the score. */
function scoreEntry(ctx: WriteContext, reviewId: string, last: HistoryRecord | undefined, s: Stamp, itemId: string, from: number | null, to: number | null): HistoryRecord {
  return { reviewId, ...nextHistoryEntrySync(last, { at: s.updatedAt, actor: ctx.actor, kind: 'score', itemId, from, to }) };
}

function checkItem(review: ReviewRecord | undefined, reviewId: string, itemId: string): asserts review is ReviewRecord {
  if (!review) throw new ReviewWriteError(`review ${reviewId} does not exist`);
  if (!itemsOf(review.assignment.criteriaSet).some((item) => item.id === itemId)) {
    throw new ReviewWriteError(`item ${itemId} is not in criteria set ${review.assignment.criteriaSet.id}`);
  }
}

/**
 * Sets (or, with null, clears) an item's percentage. The score and its history entry are
 * written in one transaction: there is never a score without its trace, nor a trace of a
 * score that was not kept. Setting the value it already has writes nothing.
 *
 * This runs on every keypress that scores, so it is one round trip to the storage process
 * when it can be: the history entry is built from what this page last saw of the review
 * (its newest entry and its scores), the writes go out with the reads that check it, and a
 * check that fails aborts the transaction before it commits. Then, or when nothing is known
 * yet, it reads first and writes after (two round trips), and remembers what it wrote.
 * @returns whether anything changed
 */
export async function setItemScore(ctx: WriteContext, reviewId: string, itemId: string, percent: number | null): Promise<boolean> {
  if (percent !== null && !isValidPercent(percent)) {
    throw new ReviewWriteError(`${String(percent)} is not a percentage from 0 to 100 in steps of 5`);
  }
  const known = knownScoreState(ctx.db, reviewId);
  const from = known?.scores.get(itemId);
  // "Unchanged" is never decided on what is remembered alone: that path reads.
  if (known && from !== undefined && from !== percent) {
    try {
      return await writeOnKnownState(ctx, reviewId, itemId, percent, known, from);
    } catch (e) {
      if (!(e instanceof StaleScoreState)) throw e;
    }
  }
  return writeAfterReading(ctx, reviewId, itemId, percent);
}

async function writeOnKnownState(
  ctx: WriteContext,
  reviewId: string,
  itemId: string,
  percent: number | null,
  known: KnownScoreState,
  from: number | null,
): Promise<boolean> {
  const { db } = ctx;
  const s = stamp(ctx);
  const entry = scoreEntry(ctx, reviewId, known.last, s, itemId, from, percent);
  try {
    await db.transaction('rw', [db.reviews, db.itemScores, db.history], async () => {
      // Requests run in the order they are made: the reads see the database as it was
      // before the writes that follow them.
      const checks = Promise.all([db.reviews.get(reviewId), db.itemScores.get([reviewId, itemId]), lastHistoryEntry(ctx, reviewId)]);
      // The entry's key is the next seq: if another write took it, `add` fails and the
      // transaction aborts; the checks below catch everything else.
      const writes = writeScoreAndEntry(ctx, reviewId, itemId, percent, s, entry).then(
        () => true,
        () => false,
      );
      const [[review, current, last], written] = await Promise.all([checks, writes]);
      checkItem(review, reviewId, itemId);
      const stale = (current?.percent ?? null) !== from || last?.seq !== known.last?.seq || last?.hash !== known.last?.hash;
      // Throwing here, before the transaction commits, rolls the writes back.
      if (stale || !written) throw new StaleScoreState();
    });
  } catch (e) {
    forgetScoreState(db, reviewId);
    if (e instanceof StaleScoreState || (e instanceof Dexie.DexieError && e.name === Dexie.errnames.Constraint)) throw new StaleScoreState();
    throw e;
  }
  rememberScoreState(db, reviewId, { last: entry, scores: new Map(known.scores).set(itemId, percent) });
  return true;
}

async function writeAfterReading(ctx: WriteContext, reviewId: string, itemId: string, percent: number | null): Promise<boolean> {
  const { db } = ctx;
  try {
    const state = await db.transaction('rw', [db.reviews, db.itemScores, db.history], async (): Promise<KnownScoreState & { changed: boolean }> => {
      // Read in parallel and write in parallel: each await inside a transaction is a round
      // trip to the storage process. All the review's scores, so the next edit of any item
      // can take the one-round-trip path.
      const [review, rows, last] = await Promise.all([db.reviews.get(reviewId), db.itemScores.where('reviewId').equals(reviewId).toArray(), lastHistoryEntry(ctx, reviewId)]);
      checkItem(review, reviewId, itemId);
      const scores = new Map<string, number | null>(itemsOf(review.assignment.criteriaSet).map((item) => [item.id, null]));
      for (const row of rows) scores.set(row.itemId, row.percent);
      const from = scores.get(itemId) ?? null;
      if (from === percent) return { last, scores, changed: false };
      const s = stamp(ctx);
      const entry = scoreEntry(ctx, reviewId, last, s, itemId, from, percent);
      await writeScoreAndEntry(ctx, reviewId, itemId, percent, s, entry);
      return { last: entry, scores: scores.set(itemId, percent), changed: true };
    });
    rememberScoreState(db, reviewId, state);
    return state.changed;
  } catch (e) {
    forgetScoreState(db, reviewId);
    throw e;
  }
}
