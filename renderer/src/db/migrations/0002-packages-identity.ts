import type { Migration } from './migration.js';

/**
 * Device identity, trust and packages (app side): the device profile and the
 * secretariat's card it trusts; every received package (with its bytes and revision
 * history); the verified assignment behind each imported review; the leader's copy of each
 * member's latest scoresheet and older revisions; and this device's own scoresheet exports.
 */
export const migration0002PackagesIdentity: Migration = {
  version: 2,
  stores: {
    deviceProfile: 'id',
    trustAnchor: 'id',
    receivedPackages: 'manifestSha256, seriesId, [seriesId+revision], type, reviewId',
    panelAssignments: 'reviewId, panelId, leaderKeyId',
    memberScoresheets: '[reviewId+memberKeyId], reviewId',
    memberScoresheetHistory: '[reviewId+memberKeyId+revision], reviewId',
    scoresheetExports: '[reviewId+revision], reviewId',
  },
};
