// The browser host's static server (`npm run web`): serves the built renderer from
// dist/renderer/ on 127.0.0.1 only, with the app's Content-Security-Policy as a header.
// The e2e tests start it through startServer() on their own port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/security/content-security-policy.mjs';

export const DEFAULT_PORT = 5199;
export const DEFAULT_ROOT = fileURLToPath(new URL('../dist/renderer/', import.meta.url));

// The app's one policy (shared/security/content-security-policy.mjs), re-exported for the tests.
export { CONTENT_SECURITY_POLICY };

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The page itself is revalidated on every load (a new build must be picked up at once); the
 * files under assets/ carry a hash of their content in their name, so they never change and
 * are cached for good. That lets Chromium keep its compiled code for the scripts (V8's code
 * cache is tied to the cached response), which is most of what a second start saves.
 */
export function cacheControlFor(urlPath) {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(urlPath.split('?')[0]) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Maps a request path to a file strictly inside root, or null. Decoding happens once, and
 * anything that still climbs out of root (`..`, encoded slashes, NUL) is refused.
 */
export function resolveInsideRoot(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache', 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** What a page asked for before the build is ready sees: no script, it reloads itself each second. */
const PREPARING_PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>市长质量奖现场评审</title></head>' +
  '<body style="font-family:sans-serif;margin:4em;color:#444"><p>正在准备评审程序，请稍候…</p><p>Preparing the app, one moment…</p></body></html>';

/**
 * Starts the server. Resolves once it listens; `close()` stops it and its open connections.
 * `ready` (npm start passes the renderer's build): until it settles every request gets a page
 * that reloads itself, so the address can be printed and opened while the build runs.
 * @param {{ port?: number, root?: string, host?: string, ready?: Promise<unknown> }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startServer({ port = DEFAULT_PORT, root = DEFAULT_ROOT, host = '127.0.0.1', ready } = {}) {
  let preparing = ready !== undefined;
  void ready?.then(
    () => (preparing = false),
    () => (preparing = false),
  );
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      if (preparing) return send(res, 503, PREPARING_PAGE, 'text/html; charset=utf-8');
      const file = resolveInsideRoot(root, req.url ?? '/');
      if (!file) return send(res, 400, 'bad path');
      try {
        const info = await stat(file);
        if (!info.isFile()) return send(res, 404, 'not found');
        const body = await readFile(file);
        const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
        res.writeHead(200, { ...SECURITY_HEADERS, 'Cache-Control': cacheControlFor(req.url ?? '/'), 'Content-Type': type, 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        send(res, 404, 'not found');
      }
    })();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actualPort}/`,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function parsePort(argv) {
  const i = argv.indexOf('--port');
  if (i === -1) return DEFAULT_PORT;
  const port = Number(argv[i + 1]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`--port needs a number from 1 to 65535, got "${argv[i + 1] ?? ''}"`);
    process.exit(2);
  }
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const port = parsePort(process.argv.slice(2));
  try {
    await stat(resolve(DEFAULT_ROOT, 'index.html'));
  } catch {
    console.error(`No built renderer in ${DEFAULT_ROOT}: run "npm run build:renderer" first (npm run web does).`);
    process.exit(1);
  }
  const { url, close } = await startServer({ port });
  console.log(`市长质量奖现场评审 (browser host): ${url}  — Ctrl+C to stop`);
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
