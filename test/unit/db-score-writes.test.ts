import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyHistoryChain } from '../../shared/history/hash-chain.js';
import { DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { setItemScore } from '../../renderer/src/db/writes/score-writes.js';
import { freshDatabase, testContext } from './db-test-helpers.js';

let db: ZqaDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await seedDemoIfEmpty(db);
});
afterEach(() => db.close());

const historyOf = (id: string) => db.history.where('reviewId').equals(id).sortBy('seq');

describe('item scores and their history', () => {
  it('writes the score with who and when, and appends a chained history entry', async () => {
    const ctx = testContext(db);
    expect(await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 55)).toBe(true);
    expect(await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 60)).toBe(true);
    expect(await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', null)).toBe(true);
    expect(await db.itemScores.get([DEMO_REVIEW_ID, '4.1.2'])).toBeUndefined();
    await setItemScore(ctx, DEMO_REVIEW_ID, '4.7.4', 70);
    expect(await db.itemScores.get([DEMO_REVIEW_ID, '4.7.4'])).toEqual({
      reviewId: DEMO_REVIEW_ID, itemId: '4.7.4', percent: 70, updatedBy: 'expert-li-ming', updatedAt: '2026-11-30T08:00:04.000Z',
    });
    const history = await historyOf(DEMO_REVIEW_ID);
    expect(history.map((h) => [h.seq, h.itemId, h.from, h.to])).toEqual([
      [1, '4.1.2', null, 55], [2, '4.1.2', 55, 60], [3, '4.1.2', 60, null], [4, '4.7.4', null, 70],
    ]);
    const entries = history.map(({ reviewId: _r, ...entry }) => entry);
    expect((await verifyHistoryChain(entries)).ok).toBe(true);
  });

  it('writes nothing when the value does not change', async () => {
    const ctx = testContext(db);
    await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 55);
    expect(await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 55)).toBe(false);
    expect(await db.history.count()).toBe(1);
  });

  it('refuses off-grid percentages, unknown items and unknown reviews, changing nothing', async () => {
    const ctx = testContext(db);
    await expect(setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 57)).rejects.toThrow(/steps of 5/);
    await expect(setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 105)).rejects.toThrow(/steps of 5/);
    await expect(setItemScore(ctx, DEMO_REVIEW_ID, '4.9.9', 50)).rejects.toThrow(/not in criteria set/);
    await expect(setItemScore(ctx, 'nope', '4.1.2', 50)).rejects.toThrow(/does not exist/);
    expect(await db.itemScores.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
  });

  it('keeps one unbroken chain under concurrent edits', async () => {
    const ctx = testContext(db);
    await Promise.all(['4.1.2', '4.1.3', '4.1.4', '4.2.2', '4.2.3'].map((id, i) => setItemScore(ctx, DEMO_REVIEW_ID, id, i * 10)));
    const history = await historyOf(DEMO_REVIEW_ID);
    expect(history.map((h) => h.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await verifyHistoryChain(history.map(({ reviewId: _r, ...e }) => e))).ok).toBe(true);
  });

  it('detects an old history entry edited in the database', async () => {
    const ctx = testContext(db);
    for (const p of [50, 55, 60]) await setItemScore(ctx, DEMO_REVIEW_ID, '4.4.2', p);
    await db.history.update([DEMO_REVIEW_ID, 1], { to: 95 });
    const verdict = await verifyHistoryChain((await historyOf(DEMO_REVIEW_ID)).map(({ reviewId: _r, ...e }) => e));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.error.seq).toBe(1);
  });
});
