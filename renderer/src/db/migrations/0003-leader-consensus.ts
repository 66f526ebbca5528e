import type { Migration } from './migration.js';

/**
 * The panel leader's consensus and report, and a member's reports to countersign.
 * Every table is keyed by the review (the imported assignment's reviewId, as in 0002), so a
 * device that leads two panels, or sits on one and leads another, keeps them apart.
 */
export const migration0003LeaderConsensus: Migration = {
  version: 3,
  stores: {
    consensusStates: 'reviewId',
    consensusEdits: '[reviewId+seq], reviewId',
    consensusScoreHistory: '[reviewId+seq], reviewId',
    reportArtefacts: 'id, reviewId, createdAt',
    receivedCountersignatures: '[reviewId+signerKeyId], reviewId',
    finalisations: 'reviewId',
    reportsToSign: 'packageId, reviewId',
  },
};
