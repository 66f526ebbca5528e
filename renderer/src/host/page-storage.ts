/**
 * The page's localStorage, or null where the browser refuses it (storage blocked, an opaque
 * origin): for what the app keeps outside IndexedDB as a convenience or a safeguard (drafts,
 * the database marker, remembered choices), each of which must work, less well, without it.
 */
export function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Stores `value`; false when it could not be kept (storage blocked or full). */
export function storeInPage(key: string, value: string): boolean {
  try {
    const storage = pageStorage();
    storage?.setItem(key, value);
    return storage !== null;
  } catch {
    return false;
  }
}
