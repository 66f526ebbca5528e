import type { Migration } from './migration.js';

/**
 * Where the index stands in the journal (docs/ARCHITECTURE.md, "The journal"): one row, the
 * seq and chain hash of the last journal record this database holds. Written by the same
 * transaction as the edits it covers, so it can never claim a record the tables lack; at
 * start it tells whether the database is behind the journal, level with it, or unrelated.
 * Not a record of the app's: the journal never carries it, a backup neither.
 */
export const migration0006Journal: Migration = {
  version: 6,
  stores: {
    journalMeta: 'id',
  },
};
