import type { Migration } from './migration.js';

/**
 * The first schema: one expert's scoresheet for one or more reviews. Compound keys
 * [reviewId+…] keep every review's records apart, so a device can hold several reviews
 * (a panel member at two applicants) and later issues can add their own tables.
 */
export const migration0001Initial: Migration = {
  version: 1,
  stores: {
    reviews: 'id',
    itemScores: '[reviewId+itemId], reviewId',
    notes: 'id, reviewId, [reviewId+itemId]',
    attachments: 'id, reviewId, [reviewId+itemId], sha256',
    siteIssueStatus: '[reviewId+issueId], reviewId',
    exclusionChecks: '[reviewId+number], reviewId',
    declarations: 'reviewId',
    history: '[reviewId+seq], reviewId',
  },
};
