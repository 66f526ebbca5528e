import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextHistoryEntrySync, verifyHistoryChain } from '../../shared/history/hash-chain.js';
import { DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { setItemScore } from '../../renderer/src/workspaces/expert/store/score-writes.js';
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

  describe('built on what the page last saw, checked inside the transaction', () => {
    const chainOk = async () => (await verifyHistoryChain((await historyOf(DEMO_REVIEW_ID)).map(({ reviewId: _r, ...e }) => e))).ok;

    it('chains edits of different items after the first, with the right "from" for each', async () => {
      const ctx = testContext(db);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 50);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.2.2', 70);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 55);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.2.2', null);
      const history = await historyOf(DEMO_REVIEW_ID);
      expect(history.map((h) => [h.seq, h.itemId, h.from, h.to])).toEqual([
        [1, '4.1.2', null, 50], [2, '4.2.2', null, 70], [3, '4.1.2', 50, 55], [4, '4.2.2', 70, null],
      ]);
      expect(await chainOk()).toBe(true);
      expect(await db.itemScores.get([DEMO_REVIEW_ID, '4.2.2'])).toBeUndefined();
    });

    it('when another writer appended meanwhile (another tab): rolls back and writes on what is stored', async () => {
      const ctx = testContext(db);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 50);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 60);
      // Behind this page's back: 4.1.2 set to 80 with its own entry.
      const head = (await historyOf(DEMO_REVIEW_ID)).at(-1);
      const theirs = nextHistoryEntrySync(head, { at: '2026-11-30T09:00:00.000Z', actor: 'expert-li-ming', kind: 'score', itemId: '4.1.2', from: 60, to: 80 });
      await db.transaction('rw', [db.itemScores, db.history], async () => {
        await db.itemScores.put({ reviewId: DEMO_REVIEW_ID, itemId: '4.1.2', percent: 80, updatedAt: theirs.at, updatedBy: 'expert-li-ming' });
        await db.history.add({ reviewId: DEMO_REVIEW_ID, ...theirs });
      });

      expect(await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 85)).toBe(true);
      const history = await historyOf(DEMO_REVIEW_ID);
      expect(history.map((h) => [h.seq, h.from, h.to])).toEqual([[1, null, 50], [2, 50, 60], [3, 60, 80], [4, 80, 85]]);
      expect(history[3]!.prevHash).toBe(theirs.hash);
      expect(await chainOk()).toBe(true);
      expect((await db.itemScores.get([DEMO_REVIEW_ID, '4.1.2']))?.percent).toBe(85);
    });

    it('when the newest entry was replaced with one of the same seq (a restore): no entry on the old hash', async () => {
      const ctx = testContext(db);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 50);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 60);
      const [first] = await historyOf(DEMO_REVIEW_ID);
      const restored = nextHistoryEntrySync({ ...first!, hash: first!.hash }, { at: '2026-11-29T18:00:00.000Z', actor: 'expert-li-ming', kind: 'score', itemId: '4.1.2', from: 50, to: 65 });
      await db.transaction('rw', [db.itemScores, db.history], async () => {
        await db.history.put({ reviewId: DEMO_REVIEW_ID, ...restored });
        await db.itemScores.put({ reviewId: DEMO_REVIEW_ID, itemId: '4.1.2', percent: 65, updatedAt: restored.at, updatedBy: 'expert-li-ming' });
      });

      await setItemScore(ctx, DEMO_REVIEW_ID, '4.7.4', 40);
      const history = await historyOf(DEMO_REVIEW_ID);
      expect(history).toHaveLength(3);
      expect(history[2]).toMatchObject({ seq: 3, itemId: '4.7.4', from: null, to: 40, prevHash: restored.hash });
      expect(await chainOk()).toBe(true);
    });

    it('when a score changed without an entry: records the stored value as "from"', async () => {
      const ctx = testContext(db);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 50);
      await db.itemScores.put({ reviewId: DEMO_REVIEW_ID, itemId: '4.1.2', percent: 75, updatedAt: '2026-11-30T09:00:00.000Z', updatedBy: 'someone' });
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 55);
      expect((await historyOf(DEMO_REVIEW_ID)).map((h) => [h.seq, h.from, h.to])).toEqual([[1, null, 50], [2, 75, 55]]);
      expect(await chainOk()).toBe(true);
    });

    it('decides "unchanged" on what is stored, not on what it remembers', async () => {
      const ctx = testContext(db);
      await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 50);
      await db.itemScores.put({ reviewId: DEMO_REVIEW_ID, itemId: '4.1.2', percent: 75, updatedAt: '2026-11-30T09:00:00.000Z', updatedBy: 'someone' });
      expect(await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 75)).toBe(false);
      expect(await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 50)).toBe(true);
      expect((await historyOf(DEMO_REVIEW_ID)).map((h) => [h.from, h.to])).toEqual([[null, 50], [75, 50]]);
    });
  });
});
