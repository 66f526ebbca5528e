import type { KeyHolder } from '../../../shared/crypto/key-holder.js';
import { importPackage } from '../../../shared/packages/import-package.js';
import type { PackageError } from '../../../shared/packages/errors.js';
import type { PackageType } from '../../../shared/packages/manifest.js';
import { err, type Result } from '../../../shared/util/result.js';
import type { ZqaDatabase } from '../db/database.js';
import { applyImportedPackage, type ApplyOutcome } from './apply-package.js';
import { dbHeldRecords, dbPackageHistory, loadTrustStore } from './trust-from-db.js';

/** Why an import did not happen: no trust anchor yet, or the package's own refusal. */
export type ImportFailure = { kind: 'no-anchor' } | { kind: 'refused'; error: PackageError };

export interface ImportFileOptions {
  keys: KeyHolder;
  /** The package types this place accepts (the expert's button: assignment; the leader's: scoresheet). */
  accept: readonly PackageType[];
  deviceKeyId: string;
  now?: Date;
}

/**
 * One package file into the database: trust from the stored anchor and rosters, then
 * shared verify → decrypt → validate (importPackage), then the one-transaction apply.
 * Whatever fails, nothing changes.
 */
export async function importPackageFile(db: ZqaDatabase, bytes: Uint8Array, options: ImportFileOptions): Promise<Result<ApplyOutcome, ImportFailure>> {
  const trust = await loadTrustStore(db);
  if (!trust) return err({ kind: 'no-anchor' });
  const imported = await importPackage(bytes, { keys: options.keys, trust, accept: options.accept, history: dbPackageHistory(db), held: dbHeldRecords(db) });
  if (!imported.ok) return err({ kind: 'refused', error: imported.error });
  const applied = await applyImportedPackage(db, imported.value, bytes, { deviceKeyId: options.deviceKeyId, now: options.now ?? new Date() });
  return applied.ok ? applied : err({ kind: 'refused', error: applied.error });
}
