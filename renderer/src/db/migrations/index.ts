import type { Dexie } from 'dexie';
import type { Migration } from './migration.js';
import { migration0001Initial } from './0001-initial.js';
import { migration0004Secretariat } from './0004-secretariat.js';
import { migration0003LeaderConsensus } from './0003-leader-consensus.js';
import { migration0002PackagesIdentity } from './0002-packages-identity.js';
import { migration0005RegulationAsData } from './0005-regulation-as-data.js';
import { migration0006Journal } from './0006-journal.js';

/** Every schema version in order. A new version is a new file here, never an edit of an old one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001Initial,
  migration0002PackagesIdentity,
  migration0003LeaderConsensus,
  migration0004Secretariat,
  migration0005RegulationAsData,
  migration0006Journal,
];

export function applyMigrations(db: Dexie, migrations: readonly Migration[] = MIGRATIONS): void {
  let previous = 0;
  for (const migration of migrations) {
    if (migration.version <= previous) throw new Error(`migration ${migration.version} is out of order after ${previous}`);
    previous = migration.version;
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
}
