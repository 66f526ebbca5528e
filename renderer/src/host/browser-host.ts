import type { HostBridge } from '../../../shared/bridge/contract.js';
import { createBrowserFiles } from './browser-files.js';
import { createBrowserJournal } from './browser-journal.js';
import { createBrowserKeys } from './browser-keys.js';
import { opfsKeptKeyFile } from './opfs-kept-key-file.js';
import { createBrowserSettings } from './browser-settings.js';

/**
 * The bridge contract implemented with what plain Chromium offers: localStorage for
 * settings, file pickers and downloads for files, non-extractable WebCrypto keys in
 * IndexedDB and kept beside the journal, the journal in the origin-private file system through a worker. Serves PCs
 * where installing the desktop app is not allowed, and the e2e tests.
 */
export function createBrowserHost(): HostBridge {
  return {
    settings: createBrowserSettings(window.localStorage),
    files: createBrowserFiles(document),
    keys: createBrowserKeys({ indexedDB: window.indexedDB, IDBKeyRange: window.IDBKeyRange }, window.crypto.subtle, opfsKeptKeyFile(navigator.storage), navigator.locks),
    journal: createBrowserJournal(),
  };
}
