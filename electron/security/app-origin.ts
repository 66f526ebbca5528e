/**
 * The app's own origin. The renderer is served from a privileged custom scheme instead of
 * `file://`, so the origin is a real, stable one (`app://zqa`): the CSP's `'self'` means
 * exactly our bundle, IndexedDB has a fixed home, and every guard can ask one question —
 * "is this URL ours?".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'zqa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for a well-formed URL on exactly the app's scheme and host (no port, no user info). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
