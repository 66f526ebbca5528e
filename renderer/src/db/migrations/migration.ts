import type { Transaction } from 'dexie';

/**
 * One schema version. `stores` lists only the tables this version adds or changes (Dexie
 * keeps the others); `upgrade` moves existing data, inside the version-change transaction,
 * so an upgrade either completes or leaves the old version untouched.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}
