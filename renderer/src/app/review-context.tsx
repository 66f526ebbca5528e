import { useFeedback } from './deferred-feedback.js';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { getDatabase } from '../db/database.js';
import type { ReviewRecord } from '../db/records.js';
import { describeWriteError } from '../ui/common/write-fault.js';
import { trackSave, type BeginSaveOptions } from '../ui/common/save-tracker.js';
import type { WriteContext } from '../workspaces/expert/store/write-context.js';

interface ReviewContextValue {
  review: ReviewRecord;
  ctx: WriteContext;
  /** Runs one write, reports it to the saved indicator, and shows a message when it fails. */
  save: <T>(write: (ctx: WriteContext) => Promise<T>, options?: BeginSaveOptions) => Promise<T | undefined>;
}

const ReviewContext = createContext<ReviewContextValue | null>(null);

export function ReviewProvider({ review, children }: { review: ReviewRecord; children: ReactNode }) {
  const { message } = useFeedback();
  const ctx = useMemo<WriteContext>(() => ({ db: getDatabase(), actor: review.expert.id, now: () => new Date() }), [review.expert.id]);
  const save = useCallback(
    async <T,>(write: (c: WriteContext) => Promise<T>, options?: BeginSaveOptions): Promise<T | undefined> => {
      try {
        return await trackSave(() => write(ctx), options);
      } catch (e) {
        void message.error(describeWriteError(e));
        return undefined;
      }
    },
    [ctx, message],
  );
  const value = useMemo(() => ({ review, ctx, save }), [review, ctx, save]);
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}

export function useReview(): ReviewContextValue {
  const value = useContext(ReviewContext);
  if (!value) throw new Error('useReview outside ReviewProvider');
  return value;
}
