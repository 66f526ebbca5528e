import type { OpenedFile } from '../../../shared/bridge/contract.js';
import { packageError, type PackageError } from '../../../shared/packages/errors.js';
import { verifyPackage } from '../../../shared/packages/verify-package.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import { packageOpenerFor } from './package-openers.js';

/**
 * Hands a file the OS asked the app to open to the part of the app for its package type.
 * The type comes from a structurally verified manifest (signature, hashes, layout; the
 * signer is not judged here): the import that follows checks the signer against the
 * device's trust, so routing never trusts the file. A damaged file, or a type no part of
 * the app opens, is refused with the package error to show.
 */
export async function routeOpenedFile(file: OpenedFile): Promise<Result<void, PackageError>> {
  const verified = await verifyPackage(file.bytes, { trust: null });
  if (!verified.ok) return verified;
  const type = verified.value.manifest.type;
  const opener = packageOpenerFor(type);
  if (!opener) return err(packageError('wrong-type', `no part of the app on this device opens a ${type} package`));
  await opener(file);
  return ok(undefined);
}
