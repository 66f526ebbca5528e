import { err, ok, type Result } from '../../util/result.js';
import { packageError, type PackageError } from '../errors.js';
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from '../limits.js';
import type { ByteSource } from './byte-io.js';

/**
 * A package the streamed readers hand to the in-memory ones (version 2, whose entries are
 * sealed whole; a panel return, which nests packages): read whole, so held to the in-memory
 * limits of docs/package-format.md §2 whatever larger ones the caller allowed for streaming.
 */
export async function readWhole(source: ByteSource, limits: PackageLimits): Promise<Result<{ bytes: Uint8Array; limits: PackageLimits }, PackageError>> {
  const inMemory = { ...limits, maxFileBytes: Math.min(limits.maxFileBytes, DEFAULT_PACKAGE_LIMITS.maxFileBytes), maxTotalBytes: Math.min(limits.maxTotalBytes, DEFAULT_PACKAGE_LIMITS.maxTotalBytes) };
  if (source.size > inMemory.maxFileBytes) return err(packageError('file-too-large', `${source.size} bytes, limit ${inMemory.maxFileBytes} for a package read whole (version 2, or a panel return)`));
  return ok({ bytes: await source.read(0, source.size), limits: inMemory });
}
