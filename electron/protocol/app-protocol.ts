import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../security/app-origin.js';
import { CONTENT_SECURITY_POLICY } from '../security/csp.js';
import { mimeTypeFor } from './mime-types.js';

/**
 * The renderer is served from `app://zqa/` by a protocol handler rather than `file://`:
 * file URLs would give every page access to the whole disk's origin and no place to send a
 * CSP header. This handler serves only files inside the renderer folder, with the CSP on
 * every response.
 */

/** Must be registered before the app is ready (Electron's rule for privileged schemes). */
const APP_SCHEME_PRIVILEGES = {
  standard: true, // a real origin: relative URLs, localStorage and IndexedDB work
  secure: true, // a secure context: WebCrypto's subtle, like https
  supportFetchAPI: true,
  corsEnabled: false,
  allowServiceWorkers: false,
  bypassCSP: false, // the CSP applies to the app itself
  stream: false,
  codeCache: true,
} as const;

export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[]): void;
}

export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

export type ResolvedPath = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app URL to a file inside `rendererRoot`, or refuses: another scheme or host,
 * a path that escapes the folder (`..`, encoded `%2e%2e` or `%2f`, backslashes), NUL bytes.
 * `/` is the index page.
 */
export function resolveRendererPath(rendererRoot: string, requestUrl: string): ResolvedPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return { ok: false, status: 403 };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes('\0') || relative.includes('\\')) return { ok: false, status: 403 };
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, `.${relative}`);
  if (!filePath.startsWith(root + path.sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

export interface ProtocolRequest {
  url: string;
  method: string;
}

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

/** Headers sent with every response, including refusals. */
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The handler for `protocol.handle(APP_SCHEME, …)`. */
export function createAppProtocolHandler(rendererRoot: string, readFile: ReadFile): (request: ProtocolRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const resolved = resolveRendererPath(rendererRoot, request.url);
    if (!resolved.ok) return refusal(resolved.status);
    let body: Uint8Array;
    try {
      body = await readFile(resolved.filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      return refusal(code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? 404 : 500);
    }
    const headers = securityHeaders(mimeTypeFor(resolved.filePath));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
