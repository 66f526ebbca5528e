import type { Migration } from './migration.js';

/**
 * The secretariat's workspace: cycles, applicants, the expert pool, panels, issued
 * assignments, received panel returns, the per-applicant summary rows the overview reads,
 * the committee's decisions, the public notice and its complaints, and the secretariat's
 * root certificate (its app is the small CA of the expert pool). Tables are prefixed
 * `sec` so they never collide with the expert's and the leader's.
 */
export const migration0004Secretariat: Migration = {
  version: 4,
  stores: {
    secAuthority: 'id',
    secCycles: 'id',
    secApplicants: 'id, cycleId',
    secExperts: 'id, &keyId',
    secPanels: 'id, cycleId, applicantId',
    secAssignments: 'panelId, cycleId',
    secPanelReturns: 'id, cycleId, panelId',
    secSummaries: '[cycleId+applicantId], cycleId',
    secDecisions: '[cycleId+applicantId], cycleId',
    secNotices: 'cycleId',
    secComplaints: 'id, cycleId, applicantId',
    secSeries: 'seriesId',
  },
};
