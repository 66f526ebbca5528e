import type { Dexie } from 'dexie';
import { getHost } from '../host/get-host.js';
import { attachJournal } from './attach-journal.js';
import { recoverIndex, type RecoveryOutcome } from './index-recovery.js';
import { createJournalLink, type JournalLink } from './journal-link.js';

/**
 * The app's journal: the link every write of the app's connection goes through, and the
 * recovery run once at start, before anything reads the database.
 */
let link: JournalLink | undefined;
let outcome: RecoveryOutcome | null = null;

/** Puts the journal in front of the app's connection (db/database.ts calls it once). */
export function journalApp(db: Dexie): void {
  link = createJournalLink(getHost().journal, () => db.verno);
  attachJournal(db, link);
}

export function appJournalLink(): JournalLink | undefined {
  return link;
}

/** What the start's recovery did, for the notice. */
export function recoveryOutcome(): RecoveryOutcome | null {
  return outcome;
}

/**
 * Puts the database level with the journal (index-recovery.ts), one tab at a time. A journal
 * the host cannot offer, or a recovery that failed, leaves the app writing to the database
 * alone, marked so that the next start carries those writes into the journal.
 */
export async function recoverAtStart(journalLink: JournalLink, connections: { open: () => Dexie; remove: () => Promise<void> }): Promise<RecoveryOutcome> {
  const run = () => recoverIndex(journalLink.journal, connections.open, connections.remove);
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
  const done = locks ? await locks.request('zqa-journal-recovery', run) : await run();
  performance.measure('zqa:recovery', { start: performance.now() - done.ms, end: performance.now() });
  if (done.kind === 'unavailable' || done.kind === 'failed') journalLink.enabled = false;
  outcome = done;
  return done;
}
