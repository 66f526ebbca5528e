import { MAX_SLICE_BYTES, type BridgeError, type BridgeResult, type HostBridge } from '../../../shared/bridge/contract.js';
import { err, ok } from '../../../shared/util/result.js';
import { blobSource } from './blob-stream.js';

/**
 * The browser host's side of the files opened and saved by handle (the same calls Electron's
 * main process answers, electron/files/file-handles.ts): a picked File read by `slice`
 * (blobSource, as the page's own streamed import reads one), and a save grown as a Blob
 * whose parts Chromium keeps on disk when large, handed to the download manager at `commit`
 * (a browser cannot write a file in place, so atomicity is the download's).
 */
type HandleCalls = Pick<HostBridge['files'], 'read' | 'close' | 'beginSave' | 'append' | 'patch' | 'commit' | 'abort'>;

type Entry = { kind: 'read'; file: File } | { kind: 'write'; blob: Blob; name: string; type: string };

const NO_HANDLE: BridgeError = { code: 'not-found', message: 'No open file has this handle (closed, finished, or never opened).' };
const invalid = (message: string): BridgeError => ({ code: 'invalid-argument', message });

export interface BrowserFileHandles extends HandleCalls {
  /** Keeps a picked File open for `read`; what `files.openHandle` answers after its picker. */
  add(file: File): { handle: string; name: string; size: number };
}

export function createBrowserFileHandles(download: (blob: Blob, name: string) => void, mimeOf: (kind: Parameters<HandleCalls['beginSave']>[0]['kind']) => string): BrowserFileHandles {
  const open = new Map<string, Entry>();
  const newHandle = () => [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const writing = (handle: string): Extract<Entry, { kind: 'write' }> | BridgeError => {
    const found = open.get(handle);
    if (!found) return NO_HANDLE;
    return found.kind === 'write' ? found : invalid('This handle is a file opened for reading, not one being saved.');
  };
  const sliceTooLarge = (bytes: Uint8Array) => bytes.byteLength > MAX_SLICE_BYTES;
  const done = (): Promise<BridgeResult<null>> => Promise.resolve(ok(null));

  return {
    add(file) {
      const handle = newHandle();
      open.set(handle, { kind: 'read', file });
      return { handle, name: file.name, size: file.size };
    },
    async read({ handle, offset, length }) {
      const found = open.get(handle);
      if (!found) return err(NO_HANDLE);
      if (found.kind !== 'read') return err(invalid('This handle is a file being saved, not one opened for reading.'));
      if (length > MAX_SLICE_BYTES || offset + length > found.file.size) return err(invalid(`Read of ${length} bytes at ${offset} is outside ${found.file.name} (${found.file.size} bytes).`));
      try {
        return ok(await blobSource(found.file).read(offset, length));
      } catch (e) {
        return err({ code: 'internal', message: `could not read ${found.file.name}: ${String(e)}` });
      }
    },
    close({ handle }) {
      open.delete(handle);
      return done();
    },
    beginSave({ kind, suggestedName }) {
      const handle = newHandle();
      open.set(handle, { kind: 'write', blob: new Blob([], { type: mimeOf(kind) }), name: suggestedName, type: mimeOf(kind) });
      return Promise.resolve(ok({ handle, savedAs: suggestedName }));
    },
    append({ handle, bytes }) {
      const found = writing(handle);
      if ('code' in found) return Promise.resolve(err(found));
      if (sliceTooLarge(bytes)) return Promise.resolve(err(invalid(`a slice is at most ${MAX_SLICE_BYTES} bytes`)));
      found.blob = new Blob([found.blob, bytes], { type: found.type });
      return done();
    },
    patch({ handle, offset, bytes }) {
      const found = writing(handle);
      if ('code' in found) return Promise.resolve(err(found));
      if (sliceTooLarge(bytes) || offset + bytes.byteLength > found.blob.size) return Promise.resolve(err(invalid(`A patch of ${bytes.byteLength} bytes at ${offset} reaches past the ${found.blob.size} bytes written.`)));
      // The Blob's other parts are referred to, not copied.
      found.blob = new Blob([found.blob.slice(0, offset), bytes, found.blob.slice(offset + bytes.byteLength)], { type: found.type });
      return done();
    },
    commit({ handle }) {
      const found = writing(handle);
      if ('code' in found) return Promise.resolve(err(found));
      open.delete(handle);
      download(found.blob, found.name);
      return Promise.resolve(ok({ savedAs: found.name }));
    },
    abort({ handle }) {
      const found = writing(handle);
      if ('code' in found) return Promise.resolve(err(found));
      open.delete(handle);
      return done();
    },
  };
}
