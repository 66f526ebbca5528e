import type { JournalBridge } from '../../../shared/bridge/contract.js';

/**
 * The page's connection to the host's journal, shared by the capture, the journaling step
 * and the recovery at start.
 */
export interface JournalLink {
  journal: JournalBridge;
  /** False when the host has no working journal: the database is then written alone, and the notice says so. */
  enabled: boolean;
  /** SHA-256s of blobs the host's store is known to hold (their bytes need not be sent again). */
  knownBlobs: Set<string>;
  /**
   * Set once the journal and the database may disagree (the journal moved on without this
   * page): every write is refused with this message until a reload repairs the index.
   */
  blocked: string | null;
  /** The last journaling failure, for the message of a write Dexie reports only as aborted. */
  lastFailure: { error: Error; at: number } | null;
  schemaVersion: () => number;
  now: () => Date;
}

export function createJournalLink(journal: JournalBridge, schemaVersion: () => number, now: () => Date = () => new Date()): JournalLink {
  return { journal, enabled: true, knownBlobs: new Set(), blocked: null, lastFailure: null, schemaVersion, now };
}
