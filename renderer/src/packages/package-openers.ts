import type { OpenedFile } from '../../../shared/bridge/contract.js';
import type { PackageType } from '../../../shared/packages/manifest.js';

/**
 * What to do with a package file the OS asked the app to open (double-click, argv), by its
 * manifest type. The expert's workspace handles assignments and scoresheets and the identity
 * page handles cards; other workspaces add theirs (report for signing, countersignature,
 * panel return) with `registerPackageOpener` from their own module.
 */
export type PackageOpener = (file: OpenedFile) => Promise<void> | void;

const openers = new Map<PackageType, PackageOpener>();

export function registerPackageOpener(type: PackageType, opener: PackageOpener): () => void {
  openers.set(type, opener);
  return () => {
    if (openers.get(type) === opener) openers.delete(type);
  };
}

export function packageOpenerFor(type: PackageType): PackageOpener | undefined {
  return openers.get(type);
}
