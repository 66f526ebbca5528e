import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EXPERT_ID, DEMO_REVIEW, DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { addReviewFromAssignment } from '../../renderer/src/db/add-review.js';
import { readScoresheet, verifyStoredHistory } from '../../renderer/src/workspaces/expert/store/scoresheet-snapshot.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { addAttachment } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { setExclusionCheck } from '../../renderer/src/workspaces/expert/store/check-writes.js';
import { recordDeclaration } from '../../renderer/src/workspaces/expert/store/declaration-writes.js';
import { addNote } from '../../renderer/src/workspaces/expert/store/note-writes.js';
import { setItemScore } from '../../renderer/src/workspaces/expert/store/score-writes.js';
import { freshDatabase, testContext } from './db-test-helpers.js';

let db: ZqaDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

describe('a scoresheet snapshot', () => {
  it('reads everything of one review and nothing of another', async () => {
    await seedDemoIfEmpty(db);
    await addReviewFromAssignment(db, { ...DEMO_REVIEW, id: 'other-review' }, DEMO_EXPERT_ID);
    const ctx = testContext(db);
    await recordDeclaration(ctx, DEMO_REVIEW_ID, { conflict: false });
    await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 55);
    await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 60);
    await setItemScore(ctx, 'other-review', '4.1.2', 90);
    await addNote(ctx, DEMO_REVIEW_ID, '4.1.2', { kind: 'strength', text: '领导重视' });
    await addAttachment(ctx, DEMO_REVIEW_ID, '4.1.2', { name: 'a.jpg', type: 'image/jpeg', blob: new Blob([new Uint8Array([1, 2, 3])]) });
    await setExclusionCheck(ctx, DEMO_REVIEW_ID, 5, 'clear', '');

    const sheet = await readScoresheet(db, DEMO_REVIEW_ID);
    expect(sheet?.declaration?.conflict).toBe(false);
    expect(sheet?.scores.map((s) => [s.itemId, s.percent])).toEqual([['4.1.2', 60]]);
    expect(sheet?.notes.map((n) => n.text)).toEqual(['领导重视']);
    expect(sheet?.attachments.map((a) => a.size)).toEqual([3]);
    expect(sheet?.exclusions.map((e) => e.number)).toEqual([5]);
    expect(sheet?.history.map((h) => [h.seq, h.from, h.to])).toEqual([[1, null, 55], [2, 55, 60]]);
    expect(sheet?.history[0]).not.toHaveProperty('reviewId');
    expect(await readScoresheet(db, 'missing')).toBeNull();

    expect((await verifyStoredHistory(db, DEMO_REVIEW_ID)).ok).toBe(true);
    await db.history.update([DEMO_REVIEW_ID, 1], { actor: 'someone-else' });
    const broken = await verifyStoredHistory(db, DEMO_REVIEW_ID);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatchObject({ seq: 1, problem: 'hash' });
  });
});

describe('adding a review from an assignment', () => {
  it('adds it once for an expert on the panel, and refuses bad input without writing', async () => {
    expect(await addReviewFromAssignment(db, DEMO_REVIEW, DEMO_EXPERT_ID)).toBe(true);
    expect(await addReviewFromAssignment(db, DEMO_REVIEW, DEMO_EXPERT_ID)).toBe(false);
    expect((await db.reviews.get(DEMO_REVIEW_ID))?.source).toBe('assignment');
    await expect(addReviewFromAssignment(db, { ...DEMO_REVIEW, id: 'x' }, 'stranger')).rejects.toThrow(/not on this assignment's panel/);
    await expect(addReviewFromAssignment(db, { ...DEMO_REVIEW, id: 'y', applicant: { ...DEMO_REVIEW.applicant, creditCode: '123' } }, DEMO_EXPERT_ID)).rejects.toThrow(/creditCode/);
    const badSet = { ...DEMO_REVIEW.criteriaSet, categories: DEMO_REVIEW.criteriaSet.categories.slice(1) };
    await expect(addReviewFromAssignment(db, { ...DEMO_REVIEW, id: 'z', criteriaSet: badSet }, DEMO_EXPERT_ID)).rejects.toThrow(/criteria set is not valid/);
    expect(await db.reviews.count()).toBe(1);
  });
});
