import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkElectronBinary } from '../../electron/launch/electron-binary.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy.mjs';
import { testPort } from './support/ports.js';

/**
 * `npm start` on a machine without Electron's binary (this one: its download cannot be
 * reached): one line says so, the browser host starts, its address is printed and handed to
 * the machine's browser (here a stand-in `xdg-open` that records what it was asked to open).
 */
const root = path.resolve(import.meta.dirname, '../..');
const port = testPort(5340);
let child: ChildProcess | undefined;
let work: string | undefined;

afterAll(async () => {
  child?.kill('SIGTERM');
  if (work) await rm(work, { recursive: true, force: true });
});

function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const match = pattern.exec(read());
      if (match) {
        clearInterval(poll);
        resolve(match);
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        reject(new Error(`no ${pattern} in:\n${read()}`));
      }
    }, 100);
  });
}

describe.skipIf(checkElectronBinary().usable)('npm start without a usable Electron binary', () => {
  it('says so in one line, serves the app on the printed address and opens it in the browser', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'zqa-start-'));
    const opened = path.join(work, 'opened.txt');
    await writeFile(path.join(work, 'xdg-open'), `#!/bin/sh\necho "$1" >> "${opened}"\n`);
    await chmod(path.join(work, 'xdg-open'), 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${work}${path.delimiter}${process.env.PATH}`, DISPLAY: ':99' };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD; // what a newcomer has: no variable
    child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['electron/launch/start.ts', '--port', String(port)], { cwd: root, env });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

    const [, url] = await waitFor(() => output, /(http:\/\/127\.0\.0\.1:\d+\/)/, 90_000);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const lines = output.split('\n').filter(Boolean);
    expect(lines.filter((line) => line.includes('Electron'))).toEqual([expect.stringMatching(/^Electron 程序不可用（.+），改用浏览器版 · Electron's binary is not usable, opening the browser host instead$/)]);

    // The address comes before the renderer's build is done: until then a page that reloads itself.
    let page = await fetch(url!);
    while (page.status === 503) {
      expect(await page.text()).toMatch(/http-equiv="refresh"[\s\S]*正在准备评审程序/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      page = await fetch(url!);
    }
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*frame-src 'none'/);

    // The build npm start made is the production one although this process runs with
    // NODE_ENV=test (a test-mode antd shares one name among all radio groups).
    const assets = path.join(root, 'dist', 'renderer', 'assets');
    for (const file of (await readdir(assets)).filter((f) => f.endsWith('.js'))) {
      expect(await readFile(path.join(assets, file), 'utf8'), file).not.toContain('css-dev-only-do-not-override');
    }

    await waitFor(() => output, /opened in the browser/, 10_000);
    expect((await readFile(opened, 'utf8')).trim()).toBe(url);
  });
});
