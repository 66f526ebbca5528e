import { packageError, type PackageError } from '../packages/errors.js';
import { importPackage, type ImportedPackage, type ImportOptions } from '../packages/import-package.js';
import type { ContentByType } from '../packages/content/registry.js';
import type { PackageType } from '../packages/manifest.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * A package verified, decrypted and validated as one type, its content typed as that type's:
 * what every step that reads a package takes, so nothing after an import needs a cast.
 */
export type Received<T extends PackageType> = ImportedPackage & { type: T; content: ContentByType[T] };

function isReceived<T extends PackageType>(imported: ImportedPackage, type: T): imported is Received<T> {
  return imported.type === type;
}

/** `importPackage` for one type: anything else is refused as `wrong-type` before it is opened. */
export async function receivePackage<T extends PackageType>(bytes: Uint8Array, type: T, options: Omit<ImportOptions, 'accept'>): Promise<Result<Received<T>, PackageError>> {
  const imported = await importPackage(bytes, { ...options, accept: [type] });
  if (!imported.ok) return imported;
  return isReceived(imported.value, type) ? ok(imported.value) : err(packageError('wrong-type', `a ${imported.value.type} package; expected ${type}`));
}
