import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EXPERT_ID, DEMO_REVIEW, DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import { reviewAssignmentSchema } from '../../shared/demo/review-assignment.js';
import { validateCriteriaSet, itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { recordDeclaration } from '../../renderer/src/workspaces/expert/store/declaration-writes.js';
import { freshDatabase, testContext } from './db-test-helpers.js';

let db: ZqaDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

describe('the demo review', () => {
  it('is a valid assignment with every item scored by the material review and a 6-member panel with one leader', () => {
    expect(reviewAssignmentSchema.safeParse(DEMO_REVIEW).success).toBe(true);
    expect(validateCriteriaSet(DEMO_REVIEW.criteriaSet).ok).toBe(true);
    expect(Object.keys(DEMO_REVIEW.materialReview).sort()).toEqual(itemsOf(DEMO_REVIEW.criteriaSet).map((i) => i.id).sort());
    expect(DEMO_REVIEW.panel).toHaveLength(6);
    expect(DEMO_REVIEW.panel.filter((m) => m.role === 'leader')).toHaveLength(1);
    expect(DEMO_REVIEW.siteIssues.length).toBeGreaterThanOrEqual(4);
  });

  it('is seeded once, into an empty database only', async () => {
    expect(await seedDemoIfEmpty(db)).toBe(true);
    expect(await seedDemoIfEmpty(db)).toBe(false);
    const review = await db.reviews.get(DEMO_REVIEW_ID);
    expect(review?.expert.id).toBe(DEMO_EXPERT_ID);
    expect(await db.reviews.count()).toBe(1);
  });
});

describe('the declaration', () => {
  beforeEach(() => seedDemoIfEmpty(db));

  it('records a signed no-conflict declaration with its time, once', async () => {
    const ctx = testContext(db, DEMO_EXPERT_ID);
    let signed = '';
    const record = await recordDeclaration(ctx, DEMO_REVIEW_ID, { conflict: false }, (data) => {
      signed = new TextDecoder().decode(data);
      return Promise.resolve({ signature: 'c2ln', signingKey: 'a2V5' });
    });
    expect(record).toMatchObject({ conflict: false, confidentiality: true, signedAt: '2026-11-30T08:00:01.000Z', signature: 'c2ln', expertId: DEMO_EXPERT_ID });
    expect(JSON.parse(signed)).toMatchObject({ conflict: false, reviewId: DEMO_REVIEW_ID });
    expect(signed).not.toContain('signature');
    await expect(recordDeclaration(ctx, DEMO_REVIEW_ID, { conflict: false })).rejects.toThrow(/already/);
  });

  it('records a declared conflict with its kind and refuses one without a description', async () => {
    const ctx = testContext(db, DEMO_EXPERT_ID);
    await expect(recordDeclaration(ctx, DEMO_REVIEW_ID, { conflict: true, conflictKind: 'consultancy', detail: ' ' })).rejects.toThrow(/empty/);
    expect(await db.declarations.count()).toBe(0);
    await recordDeclaration(ctx, DEMO_REVIEW_ID, { conflict: true, conflictKind: 'former-employer', detail: '2024 年前在该公司任质量部长' });
    expect(await db.declarations.get(DEMO_REVIEW_ID)).toMatchObject({ conflict: true, conflictKind: 'former-employer', signature: null });
  });
});
