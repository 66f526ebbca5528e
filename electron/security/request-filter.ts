import { isAppUrl } from './app-origin.js';

/**
 * The app is offline by design: no request leaves the machine. Every request the session
 * makes passes here; only the app's own origin, the developer tools, and in-memory
 * `blob:`/`data:` URLs (photos and attachments shown from IndexedDB) are allowed. http:,
 * https:, ws:, wss:, file:, ftp: and anything unknown are cancelled.
 */
export function isRequestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'devtools:':
    case 'data:':
      return true;
    case 'blob:':
      // A blob URL names its creator's origin: only blobs the app itself made.
      return isAppUrl(parsed.pathname);
    default:
      return false;
  }
}

/** The part of Electron's Session.webRequest the filter uses. */
export interface RequestFilterTarget {
  onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
}

export function installRequestFilter(webRequest: RequestFilterTarget, onCancelled: (url: string) => void = () => {}): void {
  webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url);
    if (!allowed) onCancelled(details.url);
    callback({ cancel: !allowed });
  });
}
