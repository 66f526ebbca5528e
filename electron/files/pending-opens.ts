import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedFile } from '../../shared/bridge/contract.js';
import { BridgeFailure, toBridgeError } from '../ipc/bridge-failure.js';

/** The extension of every package file (identity cards included): the only kind the OS hands us. */
const PACKAGE_EXTENSION = '.zqa';

export function isPackagePath(filePath: string): boolean {
  return filePath.toLowerCase().endsWith(PACKAGE_EXTENSION);
}

/**
 * Package paths in a command line: on Windows and Linux a double-clicked file arrives as an
 * argument, on first start and (through the single-instance lock) in `second-instance`.
 * Flags and the executable and app path are skipped; relative paths resolve against the
 * launching process's working directory. Linux file managers may pass `file://` URLs (the
 * desktop entry's `%U`), which become paths; other URLs are ignored.
 */
export function packagePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !isPackagePath(arg)) continue;
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) {
      if (arg.toLowerCase().startsWith('file://')) {
        try {
          paths.push(fileURLToPath(arg));
        } catch {
          // a file URL for another host: not a local file
        }
      }
      continue;
    }
    paths.push(path.resolve(workingDirectory, arg));
  }
  return paths;
}

/**
 * Package files the OS asked the app to open, queued in main until the renderer takes them.
 * Each is read and handed out once; a path offered twice before it is taken is kept once.
 */
export function createPendingOpens(readFile: (filePath: string) => Promise<OpenedFile>, onUnreadable: (filePath: string, message: string) => void = () => {}) {
  const queue: string[] = [];
  return {
    offer(filePath: string): void {
      if (!queue.includes(filePath)) queue.push(filePath);
    },
    size(): number {
      return queue.length;
    },
    /**
     * Reads every queued file. Unreadable ones (removed, too large) are dropped and reported;
     * if every one failed the first failure is thrown, so the user is told why nothing opened.
     */
    async take(): Promise<OpenedFile[]> {
      const paths = queue.splice(0, queue.length);
      const opened: OpenedFile[] = [];
      let firstFailure: BridgeFailure | undefined;
      for (const filePath of paths) {
        try {
          opened.push(await readFile(filePath));
        } catch (error) {
          const { code, message } = toBridgeError(error);
          onUnreadable(filePath, message);
          firstFailure ??= new BridgeFailure(code, `${message}（${path.basename(filePath)}）`);
        }
      }
      if (opened.length === 0 && firstFailure) throw firstFailure;
      return opened;
    },
  };
}
export type PendingOpens = ReturnType<typeof createPendingOpens>;
