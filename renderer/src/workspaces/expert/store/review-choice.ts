import { persistedChoice } from '../../../app/persisted-choice.js';

/** Which review the expert's workspace shows when the device holds several (demo + imported). */
const choice = persistedChoice('zqa.review');

export const showReview = (reviewId: string): void => choice.set(reviewId);
export const chosenReview = (): string | null => choice.get();
export const useChosenReview = (): string | null => choice.use();
