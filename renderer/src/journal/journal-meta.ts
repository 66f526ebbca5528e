import type { Dexie, Table } from 'dexie';

/**
 * The index's place in the journal (migration 0006): the seq and chain hash of the last
 * journal record the database holds. Every table but this one is the app's and journaled.
 */
export const JOURNAL_META_TABLE = 'journalMeta';
export const POSITION_KEY = 'position';

export interface JournalPosition {
  id: typeof POSITION_KEY;
  seq: number;
  hash: string;
}

/**
 * The position a database written without the journal (the host had none this run) holds:
 * beyond any real one, so the next start carries its contents into the journal.
 */
export const UNJOURNALED: JournalPosition = { id: POSITION_KEY, seq: Number.MAX_SAFE_INTEGER, hash: 'unjournaled' };

/** The app's own tables: everything the journal records, a backup holds, a rebuild fills. */
export function appTables(db: Dexie): Table[] {
  return db.tables.filter((t) => t.name !== JOURNAL_META_TABLE);
}

export function isAppTable(name: string): boolean {
  return name !== JOURNAL_META_TABLE;
}
