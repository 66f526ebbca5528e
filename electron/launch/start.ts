import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkElectronBinary, ELECTRON_PACKAGE_DIR, type BinaryCheck } from './electron-binary.js';
import { fetchElectronBinary } from './fetch-electron.js';
import { DEFAULT_PORT, startServer } from '../../renderer/serve.mjs';
import { openInBrowser } from './open-browser.js';

/**
 * `npm start`. Opens the desktop app when Electron's binary is usable, and otherwise the same
 * renderer behind the browser host: installing never downloads Electron (package.json's
 * `allowScripts`), so the first start tries Electron's own installer once, and a machine that
 * cannot reach Electron's download still gets a working app, with one line saying why.
 *
 * `npm start -- --browser` opens the browser host directly; `--port N` picks its port
 * (IndexedDB is per origin, port included: the same port keeps the same data).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
/** How long the first start waits for Electron's download before opening the browser host. */
const FETCH_TIME_LIMIT_MS = 15_000;

interface Options {
  browser: boolean;
  port: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { browser: false, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--browser') options.browser = true;
    else if (argv[i] === '--port') options.port = argv[++i];
    else throw new Error(`npm start: unknown option "${argv[i]}" (known: --browser, --port N)`);
  }
  return options;
}

/** Runs an npm script quietly; its output is shown only if it fails. */
function runScript(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The production build whatever NODE_ENV the caller has: vite builds in the mode NODE_ENV
    // names, and under "test" antd gives every radio group the same name, joining them all.
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm run ${script} failed (exit ${code}):\n${output}`))));
  });
}

async function usableElectron(): Promise<BinaryCheck> {
  const first = checkElectronBinary();
  if (first.usable) return first;
  const fetched = await fetchElectronBinary(ELECTRON_PACKAGE_DIR, FETCH_TIME_LIMIT_MS);
  if (!fetched.fetched) return { usable: false, reason: `${first.reason}; 下载失败 download failed: ${fetched.reason}` };
  return checkElectronBinary();
}

function runDesktop(binary: string): void {
  const child = spawn(binary, ['.'], { cwd: ROOT, stdio: 'inherit' });
  child.on('close', (code) => process.exit(code ?? 1));
}

/**
 * The browser host, listening at once: until the renderer's build is done its pages reload
 * themselves, so the address is printed and the browser opened without waiting for the build.
 */
async function runBrowserHost(port: string | undefined, renderer: Promise<void>): Promise<void> {
  const portNumber = port === undefined ? DEFAULT_PORT : Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) throw new Error(`--port needs a number from 1 to 65535, got "${port}"`);
  const server = await startServer({ port: portNumber, ready: renderer });
  console.log(`市长质量奖现场评审 (browser host): ${server.url}  — Ctrl+C to stop`);
  const opened = await openInBrowser(server.url);
  console.log(opened ? `已在浏览器中打开 · opened in the browser: ${server.url}` : `请在浏览器中打开上面的地址 · open the address above in a browser`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await renderer;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // The renderer is needed by both hosts: build it while the binary is checked (and fetched).
  const renderer = runScript('build:renderer');
  renderer.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
  const electron: BinaryCheck = options.browser ? { usable: false, reason: '--browser' } : await usableElectron();
  if (electron.usable) {
    await Promise.all([renderer, runScript('build:electron')]);
    runDesktop(electron.binary);
    return;
  }
  console.log(`Electron 程序不可用（${electron.reason}），改用浏览器版 · Electron's binary is not usable, opening the browser host instead`);
  await runBrowserHost(options.port, renderer);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
