import { packageError } from '../packages/errors.js';
import type { PackageType } from '../packages/manifest.js';
import type { ByteSource } from '../packages/stream/byte-io.js';
import { verifyPackageStream } from '../packages/stream/verify-package-stream.js';
import { err, type Result } from '../util/result.js';
import { wrongPlace } from './package-places.js';
import { fromPackageError, type WorkflowError } from './workflow-error.js';

/**
 * The one way a package file comes into a device: a registry of the six incoming package
 * types, each declaring how this device takes it in — the workflow step that receives it and
 * the storage that keeps it — and what came of it, typed per package type. An import button
 * names the types it takes; a file the operating system asked the app to open takes whatever
 * the device has a handler for. The type is read from a structurally verified manifest
 * (signature, hashes, layout; the signer is not judged here): the handler's step checks the
 * signer against the device's trust, so routing never trusts the file. A type the device
 * has no place for is refused with where it is imported (package-places.ts).
 *
 * The file is a source read a piece at a time (a File, a Blob, a file opened by handle through
 * the host), so a scoresheet of any size is routed and received without being held whole; a
 * handler for a small type reads it whole, within the in-memory limits (read-whole.ts).
 */
export type IncomingHandler<O> = (file: ByteSource) => Promise<Result<O, WorkflowError>>;

/** One handler per package type; `O` is the union of outcomes, one member per type. */
export type IncomingRegistry<O extends { type: PackageType }> = { [T in PackageType]: IncomingHandler<Extract<O, { type: T }>> };

export async function receiveIncoming<O extends { type: PackageType }>(file: ByteSource, registry: IncomingRegistry<O>, accept: readonly PackageType[]): Promise<Result<O, WorkflowError>> {
  const peek = await verifyPackageStream(file, { trust: null });
  if (!peek.ok) return err(fromPackageError(peek.error));
  const { type } = peek.value.manifest;
  if (!accept.includes(type)) return err({ ...fromPackageError(packageError('wrong-type', `a ${type} package; expected ${accept.join(' or ')}`)), ...wrongPlace(type) });
  const taken = await registry[type](file);
  // A type this device has no place for (a scoresheet on a device that leads no such panel, a
  // return off the secretariat's device): say where it is imported, as for a wrong button.
  if (!taken.ok && taken.error.package?.code === 'wrong-type') return err({ ...taken.error, ...wrongPlace(type) });
  return taken;
}

/** For a type this device has no use for: refused as `wrong-type` with the reason, nothing read further. */
export function notTakenHere<O>(type: PackageType, reason: string): IncomingHandler<O> {
  return () => Promise.resolve(err(fromPackageError(packageError('wrong-type', `${reason} (a ${type} package)`))));
}
