import type { KeyHolder } from '../crypto/key-holder.js';
import type { TrustStore } from '../identity/trust-store.js';
import { type Result } from '../util/result.js';
import type { PackageError } from './errors.js';
import type { HeldRecords } from './held-records.js';
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './limits.js';
import { seriesIdOf, type PackageType } from './manifest.js';
import { openVerifiedPackage, type OpenedPackage } from './open-package.js';
import { checkPanelReturn, type CheckedPanelReturn } from './panel-return-check.js';
import { classifyRevision, type PackageHistory, type RevisionDisposition } from './revision.js';
import { checkAgainstHeldScoresheet } from './score-history.js';
import { verifyPackage, type VerifiedPackage } from './verify-package.js';

export interface ImportOptions {
  /** The device's key holder; null only where encrypted content is not needed. */
  keys: KeyHolder | null;
  /** Whom to believe; null checks everything but the signer (the command line without --trust). */
  trust: TrustStore | null;
  accept: readonly PackageType[];
  history: PackageHistory;
  /**
   * What the device holds (held-records.ts): the assignments packages are bound to, the
   * scoresheets new revisions must extend. Null only for identity cards, which are about no
   * panel, and for the command line when it was given no assignment (then not checked).
   */
  held: HeldRecords | null;
  limits?: PackageLimits;
}

/** Everything an apply step needs, all of it verified, decrypted and validated. */
export type ImportedPackage = OpenedPackage & {
  /** The document this package is a revision of (seriesIdOf: type / cycle / applicant / panel / sender). */
  seriesId: string;
  disposition: RevisionDisposition;
  /** For a panel return: its nested scoresheets and countersignatures, each verified, opened and checked, and who signed off. */
  panelReturn?: CheckedPanelReturn;
};

/**
 * verify → (revision check) → decrypt → validate → check against what the device holds, all
 * in shared code with no side effects: the caller applies the result in one transaction, or
 * shows the error and changes nothing. The app and `zqa rank` come through here; `zqa verify`
 * and `zqa open` through its streamed twin (stream/import-package-stream.ts), which hands a
 * version-2 package or a panel return to it.
 */
export async function importPackage(bytes: Uint8Array, options: ImportOptions): Promise<Result<ImportedPackage, PackageError>> {
  const verified = await verifyPackage(bytes, { trust: options.trust, accept: options.accept, limits: options.limits ?? DEFAULT_PACKAGE_LIMITS, held: options.held });
  return verified.ok ? importVerifiedPackage(verified.value, options) : verified;
}

/** The same, for a package verifyPackage already accepted with these options' trust, types and held records. */
async function importVerifiedPackage(verified: VerifiedPackage, options: ImportOptions): Promise<Result<ImportedPackage, PackageError>> {
  const limits = options.limits ?? DEFAULT_PACKAGE_LIMITS;
  const seriesId = seriesIdOf(verified.manifest);
  const disposition = classifyRevision(verified.manifest, verified.manifestSha256, await options.history.latest(seriesId));
  if (!disposition.ok) return disposition;
  const opened = await openVerifiedPackage(verified, options.keys, limits);
  if (!opened.ok) return opened;
  const checked = await checkOpened(opened.value, options, limits);
  if (!checked.ok) return checked;
  return { ok: true, value: { ...opened.value, seriesId, disposition: disposition.value, ...(checked.value ? { panelReturn: checked.value } : {}) } };
}

/**
 * The checks past the package itself: a scoresheet against the one received before from the
 * same expert; a panel return's nested packages, each as if imported by itself, and its
 * completeness against the roster it is bound to.
 */
async function checkOpened(opened: OpenedPackage, options: Pick<ImportOptions, 'keys' | 'trust' | 'held'>, limits: PackageLimits): Promise<Result<CheckedPanelReturn | null, PackageError>> {
  if (opened.type === 'scoresheet' && options.held) {
    const against = await checkAgainstHeldScoresheet(opened.content, opened.manifest.revision, options.held);
    if (!against.ok) return against;
  }
  if (opened.type === 'panel-return' && options.keys) {
    return checkPanelReturn(opened, opened.assignment, { trust: options.trust, keys: options.keys, limits, held: options.held });
  }
  return { ok: true, value: null };
}
