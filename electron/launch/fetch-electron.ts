import { spawn } from 'node:child_process';
import path from 'node:path';

export type FetchOutcome = { fetched: true } | { fetched: false; reason: string };

/**
 * Runs Electron's own installer (`node_modules/electron/install.js`), which `npm install`
 * does not run (package.json's `allowScripts` denies it) so that installing never depends on
 * reaching Electron's download. On the first `npm start` of a machine that can reach it, this
 * fetches the binary; on one that cannot, it fails within the time limit and the caller opens
 * the browser host instead. Its own output is kept, not printed: the caller says what happened
 * in one line.
 */
export function fetchElectronBinary(packageDir: string, timeoutMs: number): Promise<FetchOutcome> {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return Promise.resolve({ fetched: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(packageDir, 'install.js')], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ fetched: false, reason: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ fetched: true });
      const firstError = output.split('\n').find((line) => /error|failed/i.test(line))?.trim();
      resolve({ fetched: false, reason: signal ? `下载超时 timed out after ${timeoutMs / 1000} s` : (firstError ?? `exit ${code}`) });
    });
  });
}
