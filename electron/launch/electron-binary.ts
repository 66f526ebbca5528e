import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Electron's npm package, whose `dist/` holds the binary once its installer has fetched it. */
export const ELECTRON_PACKAGE_DIR = path.resolve(import.meta.dirname, '../../node_modules/electron');

export type BinaryCheck = { usable: true; binary: string; version: string } | { usable: false; reason: string };

/**
 * Whether Electron's binary is there and runs. Read the way Electron's own `index.js` finds
 * it (`path.txt` names the executable inside `dist/`), then asked for its version: a file that
 * is present but cannot start (a broken download, missing system libraries) is not usable.
 */
export function checkElectronBinary(packageDir = ELECTRON_PACKAGE_DIR): BinaryCheck {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { usable: false, reason: '未下载 not downloaded' };
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { usable: false, reason: `缺少 missing ${binary}` };
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  const version = run.stdout?.trim() ?? '';
  if (run.error || run.status !== 0 || !/^v\d+\./.test(version)) {
    const why = run.error?.message ?? (run.stderr?.trim().split('\n').pop() || `exit ${run.status}`);
    return { usable: false, reason: `无法运行 does not run: ${why}` };
  }
  return { usable: true, binary, version };
}
