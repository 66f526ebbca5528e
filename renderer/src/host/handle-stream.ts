import { MAX_SLICE_BYTES, type BeginSaveArgs, type BridgeError, type BridgeResult, type FileKind, type HostBridge } from '../../../shared/bridge/contract.js';
import type { ByteSink, ByteSource } from '../../../shared/packages/stream/byte-io.js';
import { CHUNK_BYTES } from '../../../shared/packages/stream/chunk-cipher.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import { BlobSink } from './blob-stream.js';

/**
 * The streamed package code's ByteSource and ByteSink (shared/packages/stream/) over the
 * host's files opened by handle: each read and write crosses the bridge as one slice of at most
 * MAX_SLICE_BYTES, so a package of any size is never whole in the page or in the host. The
 * same calls on either host (Electron's main process, or the browser host's File and Blob).
 */
type HandleFiles = Pick<HostBridge['files'], 'openHandle' | 'read' | 'close' | 'beginSave' | 'append' | 'patch' | 'commit' | 'abort'>;

/** A host call refused while a package was streamed: the bridge's own error, for the screen's wording. */
export class HostFileError extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message);
    this.name = 'HostFileError';
  }
}

const valueOf = <T>(result: BridgeResult<T>): T => {
  if (!result.ok) throw new HostFileError(result.error);
  return result.value;
};

/** Splits a request into slices the bridge takes, in order. */
function* slices(offset: number, length: number): Generator<[number, number]> {
  for (let at = 0; at < length; at += MAX_SLICE_BYTES) yield [offset + at, Math.min(MAX_SLICE_BYTES, length - at)];
}

export interface HandleSource extends ByteSource {
  readonly name: string;
  close(): Promise<void>;
}

/** Asks for a file and opens it for slice reads; `null` when the person cancels. Close it when done. */
export async function pickSource(files: HandleFiles, kind: FileKind): Promise<BridgeResult<HandleSource | null>> {
  const opened = await files.openHandle({ kind });
  if (!opened.ok || opened.value === null) return opened as BridgeResult<null>;
  const { handle, name, size } = opened.value;
  return ok({
    name,
    size,
    async read(offset, length) {
      if (length === 0) return new Uint8Array(0);
      if (length <= MAX_SLICE_BYTES) return valueOf(await files.read({ handle, offset, length }));
      // Only a caller that asks for more than a slice (none of the package code does) gets one joined array.
      const out = new Uint8Array(length);
      for (const [at, n] of slices(offset, length)) out.set(valueOf(await files.read({ handle, offset: at, length: n })), at - offset);
      return out;
    },
    close: async () => void valueOf(await files.close({ handle })),
  });
}

/**
 * A file opened by handle, copied into a Blob a chunk at a time (Chromium keeps a large Blob on
 * disk, not in the page): what the app verifies, decrypts and keeps is then that one Blob, the
 * very bytes it checked, whatever happens to the file afterwards.
 */
export async function readIntoBlob(source: ByteSource): Promise<Blob> {
  const kept = new BlobSink();
  for (let at = 0; at < source.size; at += CHUNK_BYTES) await kept.write(await source.read(at, Math.min(CHUNK_BYTES, source.size - at)));
  return kept.blob;
}

/** A file being saved through the host: appended and patched a slice at a time, in place only after `commit`. */
class HandleSink implements ByteSink {
  constructor(
    private readonly files: HandleFiles,
    private readonly handle: string,
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    for (const [at, n] of slices(0, bytes.length)) valueOf(await this.files.append({ handle: this.handle, bytes: bytes.subarray(at, at + n) as Uint8Array<ArrayBuffer> }));
  }

  async writeAt(offset: number, bytes: Uint8Array): Promise<void> {
    for (const [at, n] of slices(0, bytes.length)) valueOf(await this.files.patch({ handle: this.handle, offset: offset + at, bytes: bytes.subarray(at, at + n) as Uint8Array<ArrayBuffer> }));
  }
}

/**
 * Asks where to save, then runs `write` into the file: committed (whole, flushed, renamed into
 * place) when it returns ok, aborted (nothing left at the target, an old file untouched) when
 * it returns an error or throws. `null` when the person cancels the dialog.
 */
export async function saveThroughSink<T, E>(files: HandleFiles, args: BeginSaveArgs, write: (sink: ByteSink) => Promise<Result<T, E>>): Promise<Result<{ savedAs: string; value: T } | null, E | BridgeError>> {
  const begun = await files.beginSave(args);
  if (!begun.ok) return begun;
  if (begun.value === null) return ok(null);
  const { handle } = begun.value;
  let written: Result<T, E>;
  try {
    written = await write(new HandleSink(files, handle));
  } catch (e) {
    await files.abort({ handle });
    if (e instanceof HostFileError) return err(e.error);
    throw e;
  }
  if (!written.ok) {
    await files.abort({ handle });
    return written;
  }
  const committed = await files.commit({ handle });
  return committed.ok ? ok({ savedAs: committed.value.savedAs, value: written.value }) : committed;
}
