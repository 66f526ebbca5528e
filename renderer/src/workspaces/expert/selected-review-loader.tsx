import { Alert, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LATER_SCREENS, reviewLayoutScreen } from '../../app/later-screens.js';
import { ReviewProvider } from '../../app/review-context.js';
import type { ReviewRecord } from './store/records.js';
import { seedDemoReview, useDeclaration } from './store/review-reads.js';
import { DeclarationGate } from './declaration/declaration-gate.js';

// A declared conflict is rare and ends the review on this device: its screen is a chunk of its own.
const ConflictBlocked = lazy(() => LATER_SCREENS.conflictBlocked().then((m) => ({ default: m.ConflictBlocked })));
// The review past its declaration is a chunk too: an expert's first screen is the declaration.
const ReviewLayout = reviewLayoutScreen.Screen;

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
    seedDemoReview().catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  }, [empty]);
  const reviewId = review?.id ?? null;
  const declaration = useDeclaration(reviewId);
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
        <Suspense fallback={<Spin size="large" description={t('app.loading')} fullscreen />}>
          <ReviewLayout />
        </Suspense>
      )}
    </ReviewProvider>
  );
}
