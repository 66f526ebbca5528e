import { DEMO_EXPERT_ID, DEMO_REVIEW } from '../../../shared/demo/demo-review.js';
import type { ZqaDatabase } from './database.js';
import type { ReviewRecord } from './records.js';

/**
 * Seeds the built-in demo review when the database holds no review at all, so the first
 * start opens on real content. Runs in one transaction; a second tab racing it finds the
 * review there and does nothing.
 */
export async function seedDemoIfEmpty(db: ZqaDatabase, now: Date = new Date()): Promise<boolean> {
  // A read first: on every start but the first there is a review, and a read-only check
  // does not hold up the first screen's own reads the way a read-write transaction would.
  if ((await db.reviews.count()) > 0) return false;
  return db.transaction('rw', db.reviews, async () => {
    if ((await db.reviews.count()) > 0) return false;
    const expert = DEMO_REVIEW.panel.find((m) => m.id === DEMO_EXPERT_ID);
    if (!expert) throw new Error('the demo review has no expert for this device');
    const at = now.toISOString();
    const record: ReviewRecord = {
      id: DEMO_REVIEW.id,
      assignment: DEMO_REVIEW,
      expert: { id: expert.id, name: expert.name, organisation: expert.organisation },
      source: 'demo',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'system',
    };
    await db.reviews.add(record);
    return true;
  });
}
