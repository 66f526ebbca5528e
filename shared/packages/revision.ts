import { err, ok, type Result } from '../util/result.js';
import { packageError, type PackageError } from './errors.js';
import type { Manifest } from './manifest.js';

/** What the device already holds of a series (seriesIdOf): its latest revision. */
export interface StoredRevision {
  packageId: string;
  revision: number;
  manifestSha256: string;
}

/** The importer's view of what is stored: a small port the database side implements. */
export interface PackageHistory {
  latest(seriesId: string): Promise<StoredRevision | null>;
}

export const NO_HISTORY: PackageHistory = { latest: () => Promise.resolve(null) };

export type RevisionDisposition = { kind: 'new' } | { kind: 'supersedes'; previous: StoredRevision };

/**
 * Same package again: `duplicate` (nothing changes, and the user is told). An older or
 * equal revision of a series already stored: `stale-revision` / `revision-conflict`. A
 * newer one supersedes; the apply step keeps the old one in history.
 */
export function classifyRevision(manifest: Manifest, manifestSha256: string, stored: StoredRevision | null): Result<RevisionDisposition, PackageError> {
  if (!stored) return ok({ kind: 'new' });
  if (stored.packageId === manifest.packageId && stored.manifestSha256 === manifestSha256) {
    return err(packageError('duplicate', `package ${manifest.packageId} (revision ${manifest.revision}) is already stored`));
  }
  if (manifest.revision < stored.revision) {
    return err(packageError('stale-revision', `revision ${manifest.revision} arrived after revision ${stored.revision}`));
  }
  if (manifest.revision === stored.revision || stored.packageId === manifest.packageId) {
    return err(packageError('revision-conflict', `revision ${manifest.revision} is already stored as package ${stored.packageId}`));
  }
  return ok({ kind: 'supersedes', previous: stored });
}
