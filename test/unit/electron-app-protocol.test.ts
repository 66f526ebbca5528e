import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, registerAppScheme, resolveRendererPath } from '../../electron/protocol/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp.js';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'zqa-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>评审</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'font.ttf'), new Uint8Array([0, 1, 0, 0]));
  // A secret next to the renderer folder, and one whose name starts like it: neither may be served.
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  await mkdir(path.join(base, 'renderer-private'));
  await writeFile(path.join(base, 'renderer-private', 'key.txt'), 'secret');
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('resolveRendererPath', () => {
  it('maps app URLs into the renderer folder, / to the index page', () => {
    expect(resolveRendererPath(root, 'app://zqa/')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveRendererPath(root, 'app://zqa/assets/index-abc.js?v=1#x')).toEqual({ ok: true, filePath: path.join(root, 'assets', 'index-abc.js') });
    expect(resolveRendererPath(root, 'app://zqa/assets/%E5%AD%97.ttf')).toEqual({ ok: true, filePath: path.join(root, 'assets', '字.ttf') });
  });

  it('refuses paths that escape the folder, however they are spelled', () => {
    for (const url of [
      'app://zqa/..%2fsecret.txt',
      'app://zqa/assets/..%2F..%2Fsecret.txt',
      'app://zqa/..%5csecret.txt',
      'app://zqa/assets%5c..%5c..%5csecret.txt',
      'app://zqa/%2e%2e%2frenderer-private/key.txt',
      'app://zqa/index.html%00.js',
    ]) {
      const resolved = resolveRendererPath(root, url);
      expect(resolved.ok, url).toBe(false);
    }
  });

  it('keeps dot segments the URL parser resolves inside the folder', () => {
    for (const url of ['app://zqa/%2e%2e/%2e%2e/secret.txt', 'app://zqa/../../secret.txt', 'app://zqa/assets/../../../secret.txt']) {
      expect(resolveRendererPath(root, url), url).toEqual({ ok: true, filePath: path.join(root, 'secret.txt') });
    }
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveRendererPath(root, 'app://evil/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveRendererPath(root, 'file:///etc/passwd')).toEqual({ ok: false, status: 403 });
    expect(resolveRendererPath(root, 'app://zqa/%E0%A4%A')).toEqual({ ok: false, status: 400 });
  });
});

describe('the app protocol handler', () => {
  const handler = () => createAppProtocolHandler(root, (file) => readFile(file));

  it('serves renderer files with their type and the CSP header', async () => {
    const response = await handler()({ url: 'app://zqa/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('评审');
    const script = await handler()({ url: 'app://zqa/assets/index-abc.js', method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const font = await handler()({ url: 'app://zqa/assets/font.ttf', method: 'GET' });
    expect(font.headers.get('content-type')).toBe('font/ttf');
  });

  it('answers traversal with 403, a missing file with 404, a POST with 405, all with the CSP', async () => {
    const traversal = await handler()({ url: 'app://zqa/..%2fsecret.txt', method: 'GET' });
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).toBe('');
    expect(traversal.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler()({ url: 'app://zqa/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handler()({ url: 'app://zqa/assets', method: 'GET' })).status).toBe(404);
    expect((await handler()({ url: 'app://zqa/index.html', method: 'POST' })).status).toBe(405);
  });
});

describe('scheme registration', () => {
  /**
   * Pinned literally, not compared with the constant it tests: any privilege switched on or
   * added (corsEnabled, bypassCSP, allowServiceWorkers, stream …) must be decided here too.
   * Electron's default for a privilege left out is false.
   */
  const PINNED = { standard: true, secure: true, supportFetchAPI: true, codeCache: true };

  it('registers app: with exactly the pinned privileges: standard, secure, fetch and code cache; no CORS, no CSP bypass, no service workers', () => {
    const registered: { scheme: string; privileges: Record<string, boolean> }[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered.map((r) => r.scheme)).toEqual(['app']);
    const granted = Object.fromEntries(Object.entries(registered[0]!.privileges).filter(([, on]) => on !== false));
    expect(granted).toEqual(PINNED);
    for (const value of Object.values(registered[0]!.privileges)) expect(typeof value).toBe('boolean');
  });
});
