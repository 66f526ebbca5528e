import { getDatabase } from '../../../db/database.js';
import { primedKeys, usePrimedLiveQuery } from '../../../db/primed-reads.js';
import type { DeclarationRecord, ReviewRecord } from '../../../db/records.js';
import { seedDemoIfEmpty } from '../../../db/seed-demo.js';
import { useChosenReview } from './review-choice.js';

/** Every review on the device, newest first (the demo and each imported assignment). */
export async function readReviews(): Promise<ReviewRecord[]> {
  return (await getDatabase().reviews.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function useReviews(): ReviewRecord[] | undefined {
  return usePrimedLiveQuery(primedKeys.reviews(), readReviews, []);
}

/** The review chosen in the switcher, else the newest. */
export function pickReview(reviews: ReviewRecord[], chosen: string | null): ReviewRecord | null {
  return reviews.find((r) => r.id === chosen) ?? reviews[0] ?? null;
}

/** The review chosen in the switcher, else the newest: what the expert's workspace shows. */
export function useSelectedReview(): { reviews: ReviewRecord[]; review: ReviewRecord | null } | undefined {
  const reviews = useReviews();
  const chosen = useChosenReview();
  if (!reviews) return undefined;
  return { reviews, review: pickReview(reviews, chosen) };
}

/** A review's declaration, or null before the expert has signed it. */
export async function readDeclaration(reviewId: string): Promise<DeclarationRecord | null> {
  return (await getDatabase().declarations.get(reviewId)) ?? null;
}

/** The declaration of the review shown (null: none shown, or not signed yet); undefined while read. */
export function useDeclaration(reviewId: string | null): DeclarationRecord | null | undefined {
  return usePrimedLiveQuery(primedKeys.declaration(reviewId ?? ''), async () => (reviewId ? readDeclaration(reviewId) : null), [reviewId]);
}

/** Seeds the demo review on a device that holds no review at all. */
export function seedDemoReview(): Promise<unknown> {
  return seedDemoIfEmpty(getDatabase());
}
