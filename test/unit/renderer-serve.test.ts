import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, cacheControlFor, resolveInsideRoot, startServer, type RunningServer } from '../../renderer/serve.mjs';

let root: string;
let server: RunningServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zqa-serve-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'antd-C0fst-17.js'), 'console.log(2)');
  await writeFile(join(tmpdir(), 'zqa-serve-secret.txt'), 'secret');
  server = await startServer({ port: 0, root });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
  await rm(join(tmpdir(), 'zqa-serve-secret.txt'), { force: true });
});

/** A raw request, so paths like /../x reach the server as written. */
function get(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the browser host static server', () => {
  it('listens before the build is ready: a page without scripts that reloads itself, then the app', async () => {
    let done!: () => void;
    const gated = await startServer({ port: 0, root, ready: new Promise<void>((resolve) => (done = resolve)) });
    try {
      const waiting = await fetch(gated.url);
      expect(waiting.status).toBe(503);
      expect(waiting.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const text = await waiting.text();
      expect(text).toContain('<meta http-equiv="refresh" content="1">');
      expect(text).not.toContain('<script');
      done();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(await (await fetch(gated.url)).text()).toBe('<!doctype html><title>t</title>');
    } finally {
      await gated.close();
    }
  });

  it('serves index.html at / and assets with their MIME types and the CSP', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    const js = await get('/assets/app.js?v=1');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
  });

  it('caches the content-hashed build files for good and revalidates the page and anything else', async () => {
    expect((await get('/assets/antd-C0fst-17.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/app.js')).headers['cache-control']).toBe('no-cache');
    expect((await get('/missing.js')).headers['cache-control']).toBe('no-cache');
    expect(cacheControlFor('/assets/NotoSansSC_400Regular-j7Y_Znm4.ttf?x=1')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/assets/sub/x-C0fst-17.js')).toBe('no-cache');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
  });

  it('never leaves its root and refuses other methods', async () => {
    for (const path of ['/../zqa-serve-secret.txt', '/..%2fzqa-serve-secret.txt', '/%2e%2e/zqa-serve-secret.txt', '/assets/..%5c..%5czqa-serve-secret.txt', '/%00']) {
      const res = await get(path);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('secret');
    }
    expect((await get('/assets/')).status).toBe(404);
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
    expect(resolveInsideRoot('/srv/app', '/a/../../etc/passwd')).toBeNull();
    expect(resolveInsideRoot('/srv/app', '/a/b.js')).toBe('/srv/app/a/b.js');
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });
});
