import type { KeptKeyFile } from './kept-device-keys.js';

/** The folder of the origin-private file system that keeps the device keys, beside the journal's. */
const KEPT_KEYS_FOLDER = 'zqa-device-keys';
const FILE = 'device-keys.json';

/**
 * The kept device keys' file in the origin-private file system (kept-device-keys.ts), where
 * Chromium's IndexedDB corruption recovery does not reach. Written through a writable stream,
 * which Chromium puts in place whole when it is closed (a kill before that leaves the old file).
 */
export function opfsKeptKeyFile(storage: StorageManager): KeptKeyFile {
  const folder = () => storage.getDirectory().then((root) => root.getDirectoryHandle(KEPT_KEYS_FOLDER, { create: true }));
  return {
    async read() {
      let handle: FileSystemFileHandle;
      try {
        handle = await (await folder()).getFileHandle(FILE);
      } catch (e) {
        if (e instanceof DOMException && e.name === 'NotFoundError') return null;
        throw e;
      }
      return new Uint8Array(await (await handle.getFile()).arrayBuffer());
    },
    async write(bytes) {
      const writable = await (await (await folder()).getFileHandle(FILE, { create: true })).createWritable();
      try {
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
        await writable.close();
      } catch (e) {
        await writable.abort().catch(() => undefined);
        throw e;
      }
    },
  };
}
