import type { KeyHolder } from '../crypto/key-holder.js';
import type { TrustStore } from '../identity/trust-store.js';
import { type Result } from '../util/result.js';
import type { PackageError } from './errors.js';
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './limits.js';
import { seriesIdOf, type PackageType } from './manifest.js';
import { openVerifiedPackage, type OpenedPackage } from './open-package.js';
import { checkPanelReturn, type CheckedPanelReturn } from './panel-return-check.js';
import { classifyRevision, type PackageHistory, type RevisionDisposition } from './revision.js';
import { verifyPackage } from './verify-package.js';

export interface ImportOptions {
  /** The device's key holder; null only where encrypted content is not needed. */
  keys: KeyHolder | null;
  trust: TrustStore;
  accept: readonly PackageType[];
  history: PackageHistory;
  limits?: PackageLimits;
}

/** Everything an apply step needs, all of it verified, decrypted and validated. */
export type ImportedPackage = OpenedPackage & {
  /** The document this package is a revision of (type / panel / sender). */
  seriesId: string;
  disposition: RevisionDisposition;
  /** For a panel return: its nested scoresheets and countersignatures, each verified, opened and checked. */
  panelReturn?: CheckedPanelReturn;
};

/**
 * verify → (revision check) → decrypt → validate, all in shared code with no side effects:
 * the caller applies the result in one transaction, or shows the error and changes nothing.
 */
export async function importPackage(bytes: Uint8Array, options: ImportOptions): Promise<Result<ImportedPackage, PackageError>> {
  const limits = options.limits ?? DEFAULT_PACKAGE_LIMITS;
  const verified = await verifyPackage(bytes, { trust: options.trust, accept: options.accept, limits });
  if (!verified.ok) return verified;
  const seriesId = seriesIdOf(verified.value.manifest);
  const disposition = classifyRevision(verified.value.manifest, verified.value.manifestSha256, await options.history.latest(seriesId));
  if (!disposition.ok) return disposition;
  const opened = await openVerifiedPackage(verified.value, options.keys, limits);
  if (!opened.ok) return opened;
  // A panel return carries the members' own signed packages: each scoresheet is checked as
  // if imported by itself (signature, trust, content, hash-chained history), and each
  // countersignature must be the member's signature over exactly this report PDF.
  let panelReturn: CheckedPanelReturn | undefined;
  if (opened.value.type === 'panel-return' && options.keys) {
    const nested = await checkPanelReturn(opened.value.content, opened.value.manifest, opened.value.blobs, { trust: options.trust, keys: options.keys, limits });
    if (!nested.ok) return nested;
    panelReturn = nested.value;
  }
  return { ok: true, value: { ...opened.value, seriesId, disposition: disposition.value, ...(panelReturn ? { panelReturn } : {}) } };
}
