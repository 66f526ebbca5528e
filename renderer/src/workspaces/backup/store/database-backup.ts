import { Dexie, type Table } from 'dexie';
import type { BackupContents, BackupError, BackupSigningDevice } from '../../../../../shared/backup/backup-format.js';
import type { BackupHead } from '../../../../../shared/backup/backup-head.js';
import { openBackupFrom, type OpenStreamOptions } from '../../../../../shared/backup/open-backup-stream.js';
import { writeBackupStream, type BackupStreamOptions } from '../../../../../shared/backup/write-backup-stream.js';
import type { ByteSink, ByteSource } from '../../../../../shared/packages/stream/byte-io.js';
import type { Result } from '../../../../../shared/util/result.js';
import { err, ok } from '../../../../../shared/util/result.js';
import { applyMigrations, MIGRATIONS } from '../../../db/migrations/index.js';
import { appTables } from '../../../journal/journal-meta.js';
import { firstInvalidRow } from './row-checks.js';

/**
 * Whole-database backup and restore. The tables come from `db.tables` at run time, so every
 * table any migration adds is included without this file knowing it (all but the journal's
 * position, journal-meta.ts). A restore through the app's connection is journaled like any
 * edit: one record that empties every table and puts the backup's rows. Private keys live in
 * their own database (`zqa-keys`) and never pass through here; a CryptoKey met in a record
 * stops the backup with its path (portable-value.ts).
 *
 * A table with outbound keys (no key path) is stored as rows of `{ key, value }`.
 */
export interface IndexedDbDeps {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

const hasInboundKeys = (table: Table): boolean => table.schema.primKey.keyPath != null && table.schema.primKey.keyPath !== '';

async function readTable(table: Table): Promise<unknown[]> {
  if (hasInboundKeys(table)) return (await table.toArray()) as unknown[];
  const keys: unknown[] = await table.toCollection().primaryKeys();
  const values: unknown[] = await table.toArray();
  return values.map((value, i) => ({ key: keys[i], value }));
}

/** Every table's rows, read in one transaction so the backup is one consistent moment. */
export async function snapshotDatabase(db: Dexie, settings: unknown, now = new Date()): Promise<BackupContents> {
  // Not the index's place in the journal: a restored device has its own journal.
  const app = appTables(db);
  const tables = await db.transaction('r', app, async () => {
    const out: BackupContents['tables'] = [];
    for (const table of app) out.push({ name: table.name, rows: await readTable(table) });
    return out;
  });
  return { schemaVersion: db.verno, createdAt: now.toISOString(), settings, tables };
}

/**
 * A backup of the whole database, signed by `device` (normally this one, backup-signer.ts),
 * written to `sink` a chunk at a time (format version 3); returns the file's size. The rows are
 * read in one transaction; each photo is read from its Blob a slice at a time as it is sealed.
 */
export async function createDatabaseBackup(db: Dexie, passphrase: string, settings: unknown, device: BackupSigningDevice, sink: ByteSink, now = new Date(), options: BackupStreamOptions = {}): Promise<number> {
  return writeBackupStream(await snapshotDatabase(db, settings, now), passphrase, device, sink, options);
}

export type RestoreError = BackupError | { code: 'schema-mismatch' | 'invalid-rows' | 'write-failed'; message: string };

/** Opens a backup whose head was read (backup-head.ts) for this database: a newer schema than the program's is refused. */
export function openDatabaseBackup(db: Dexie, source: ByteSource, head: BackupHead, passphrase: string, options: Omit<OpenStreamOptions, 'maxSchemaVersion'> = {}) {
  return openBackupFrom(source, head, passphrase, { ...options, maxSchemaVersion: db.verno });
}

/**
 * Replaces every table's contents with the backup's, in ONE read-write transaction over all
 * tables: either the whole backup is in place or nothing on the device changed. A backup
 * of an older schema is first written into a staging database of that version and upgraded
 * by the app's own migrations, so old rows get exactly the treatment an upgrade gives them.
 */
export async function restoreDatabase(db: Dexie, contents: BackupContents, deps: IndexedDbDeps = {}): Promise<Result<{ rows: number }, RestoreError>> {
  let current = contents;
  if (contents.schemaVersion > db.verno) {
    return err({ code: 'newer-schema', message: `the backup holds database version ${contents.schemaVersion}; this program knows up to ${db.verno}` });
  }
  if (contents.schemaVersion < db.verno) {
    const upgraded = await upgradeThroughStaging(db.name, contents, deps);
    if (!upgraded.ok) return upgraded;
    current = upgraded.value;
  }
  const app = appTables(db);
  const byName = new Map(app.map((t) => [t.name, t]));
  const unknown = current.tables.find((t) => !byName.has(t.name));
  if (unknown) return err({ code: 'schema-mismatch', message: `the backup holds a table "${unknown.name}" that database version ${db.verno} does not have` });
  const invalid = firstInvalidRow(db, current);
  if (invalid) return err({ code: 'invalid-rows', message: `nothing was changed: ${invalid}` });
  let rows = 0;
  try {
    await db.transaction('rw', app, async () => {
      for (const table of app) await table.clear();
      for (const { name, rows: records } of current.tables) {
        const table = byName.get(name)!;
        if (hasInboundKeys(table)) await table.bulkAdd(records);
        else {
          const pairs = records as { key: unknown; value: unknown }[];
          await table.bulkAdd(pairs.map((p) => p.value), pairs.map((p) => p.key) as never);
        }
        rows += records.length;
      }
    });
  } catch (e) {
    return err({ code: 'write-failed', message: `nothing was changed: ${e instanceof Error ? e.message : String(e)}` });
  }
  return ok({ rows });
}

async function upgradeThroughStaging(name: string, contents: BackupContents, deps: IndexedDbDeps): Promise<Result<BackupContents, RestoreError>> {
  const stagingName = `${name}-restore-staging`;
  const options = { ...deps, chromeTransactionDurability: 'relaxed' as const };
  const removeStaging = () => new Dexie(stagingName, options).delete().catch(() => undefined);
  await removeStaging();
  const old = new Dexie(stagingName, options);
  applyMigrations(old, MIGRATIONS.filter((m) => m.version <= contents.schemaVersion));
  try {
    if (old.verno !== contents.schemaVersion) {
      return err({ code: 'schema-mismatch', message: `this program has no database version ${contents.schemaVersion} to read the backup with` });
    }
    const staged = await restoreDatabase(old, contents, deps);
    if (!staged.ok) return staged;
    old.close();
    const upgraded = new Dexie(stagingName, options);
    applyMigrations(upgraded);
    try {
      return ok(await snapshotDatabase(upgraded, contents.settings, new Date(contents.createdAt)));
    } finally {
      upgraded.close();
    }
  } finally {
    old.close();
    await removeStaging();
  }
}
