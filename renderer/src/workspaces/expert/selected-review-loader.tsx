import { Alert, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LATER_SCREENS } from '../../app/later-screens.js';
import { ReviewProvider } from '../../app/review-context.js';
import { getDatabase } from '../../db/database.js';
import { primedKeys, usePrimedLiveQuery } from '../../db/primed-reads.js';
import type { DeclarationRecord, ReviewRecord } from '../../db/records.js';
import { seedDemoIfEmpty } from '../../db/seed-demo.js';
import { DeclarationGate } from './declaration/declaration-gate.js';
import { ReviewLayout } from '../../ui/layout/review-layout.js';
import { useChosenReview } from './store/review-choice.js';

// A declared conflict is rare and ends the review on this device: its screen is a chunk of its own.
const ConflictBlocked = lazy(() => LATER_SCREENS.conflictBlocked().then((m) => ({ default: m.ConflictBlocked })));

/** Every review on the device, newest first (the demo and each imported assignment). */
export async function readReviews(): Promise<ReviewRecord[]> {
  return (await getDatabase().reviews.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function useReviews(): ReviewRecord[] | undefined {
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

/**
 * Seeds the demo on first start, then gates the chosen review (the device may hold the demo
 * and imported assignments) behind its declaration, and shows the review's screens.
 */
export function SelectedReviewLoader({ review }: { review: ReviewRecord | null }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  // Only a device without any review needs the demo: the reviews are already read, so a
  // start with reviews does no extra database round trip before its first screen.
  const empty = review === null;
  useEffect(() => {
    if (!empty) return;
    seedDemoIfEmpty(getDatabase()).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  }, [empty]);
  const reviewId = review?.id ?? null;
  const declaration = usePrimedLiveQuery(primedKeys.declaration(reviewId ?? ''), async () => (reviewId ? readDeclaration(reviewId) : null), [reviewId]);
  if (failure) return <Alert type="error" showIcon title={t('app.loadFailed', { error: failure })} style={{ margin: 24 }} />;
  if (!review || declaration === undefined) return <Spin size="large" description={t('app.loading')} fullscreen />;
  return (
    <ReviewProvider key={review.id} review={review}>
      {!declaration ? (
        <DeclarationGate />
      ) : declaration.conflict ? (
        <Suspense fallback={<Spin size="large" description={t('app.loading')} fullscreen />}>
          <ConflictBlocked declaration={declaration} />
        </Suspense>
      ) : (
        <ReviewLayout />
      )}
    </ReviewProvider>
  );
}
