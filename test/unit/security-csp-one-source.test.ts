import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as electronHeader } from '../../electron/security/csp.js';
import { CONTENT_SECURITY_POLICY as browserHostHeader } from '../../renderer/serve.mjs';
import rendererBuild from '../../renderer/vite.config.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy.mjs';

/**
 * One Content-Security-Policy for the three places that state it: the Electron protocol's
 * header, the browser host's header and the page's own meta tag (written at build time from
 * renderer/index.html). They are compared as sets of directives, and each must forbid frames.
 */
const root = path.resolve(import.meta.dirname, '../..');
const parse = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

async function metaPolicy(): Promise<string> {
  const html = await readFile(path.join(root, 'renderer', 'index.html'), 'utf8');
  const plugins = (rendererBuild as { plugins: unknown[] }).plugins.flat() as Plugin[];
  const plugin = plugins.find((p) => p?.name === 'zqa-csp-meta');
  expect(plugin, 'the CSP meta plugin in renderer/vite.config.ts').toBeDefined();
  const transform = plugin!.transformIndexHtml as (html: string) => string;
  const built = transform(html);
  const metas = [...built.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1]!);
  expect(metas, 'exactly one CSP meta tag in the built page').toHaveLength(1);
  return metas[0]!;
}

describe('the Content-Security-Policy has one source', () => {
  it('the Electron header and the browser host header are that source', () => {
    expect(electronHeader).toBe(CONTENT_SECURITY_POLICY);
    expect(browserHostHeader).toBe(CONTENT_SECURITY_POLICY);
  });

  it("the page's meta tag states the same directives (all but frame-ancestors, which a meta tag cannot carry)", async () => {
    const header = parse(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(parse(await metaPolicy())).toEqual(header);
  });

  it("index.html itself holds no policy of its own that could drift", async () => {
    const html = await readFile(path.join(root, 'renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/http-equiv="Content-Security-Policy"/i);
  });

  it("all three forbid frames: frame-src 'none' (and the headers frame-ancestors 'none')", async () => {
    for (const policy of [electronHeader, browserHostHeader, await metaPolicy()]) expect(parse(policy).get('frame-src')).toEqual(["'none'"]);
    for (const policy of [electronHeader, browserHostHeader]) expect(parse(policy).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
