import { packageError, type PackageError } from '../packages/errors.js';
import { importPackage, type ImportedPackage, type ImportOptions } from '../packages/import-package.js';
import type { ContentByType } from '../packages/content/registry.js';
import type { PackageType } from '../packages/manifest.js';
import type { ByteSource } from '../packages/stream/byte-io.js';
import { importPackageStream, type AttachmentStore, type StreamImportedPackage, type StreamImportOptions } from '../packages/stream/import-package-stream.js';
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

/** Received, read a chunk at a time: each file as the store made it (a Blob, a file on disk), never the package whole. */
export type StreamReceived<T extends PackageType, B> = StreamImportedPackage<B> & { type: T; content: ContentByType[T] };

function isStreamReceived<T extends PackageType, B>(imported: StreamImportedPackage<B>, type: T): imported is StreamReceived<T, B> {
  return imported.type === type;
}

/** receivePackage from a source read a chunk at a time (import-package-stream.ts), its files handed to `store`. */
export async function receivePackageStream<T extends PackageType, B>(source: ByteSource, type: T, options: Omit<StreamImportOptions, 'accept'>, store: AttachmentStore<B>): Promise<Result<StreamReceived<T, B>, PackageError>> {
  const imported = await importPackageStream(source, { ...options, accept: [type] }, store);
  if (!imported.ok) return imported;
  return isStreamReceived(imported.value, type) ? ok(imported.value) : err(packageError('wrong-type', `a ${imported.value.type} package; expected ${type}`));
}
