/**
 * What main does when the page cannot be shown. Every edit is already in IndexedDB (saved
 * as it happens), so after a renderer crash (out of memory with many photos, a GPU fault)
 * the right move is to reload the page; a page that keeps crashing is not reloaded forever.
 * A page that fails to load at all is shown with a message instead of staying invisible.
 */

/** At most this many automatic reloads within the window below. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;
/** Chromium's ERR_ABORTED: a navigation our own guards cancelled, not a failure. */
const ERR_ABORTED = -3;

const RELOADABLE_REASONS = new Set(['crashed', 'oom', 'abnormal-exit', 'killed', 'memory-eviction']);

export type GoneDecision = 'reload' | 'give-up' | 'ignore';

export function decideAfterRendererGone(reason: string, recentReloads: readonly number[], now: number): GoneDecision {
  if (reason === 'clean-exit') return 'ignore';
  if (!RELOADABLE_REASONS.has(reason)) return 'give-up'; // launch-failed, integrity-failure: reloading cannot help
  const recent = recentReloads.filter((at) => now - at < RELOAD_WINDOW_MS);
  return recent.length < MAX_RELOADS ? 'reload' : 'give-up';
}

/** The parts of BrowserWindow the recovery uses. */
export interface RecoverableWindow {
  show(): void;
  reload(): void;
  readonly webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
  };
}

export interface RecoveryHooks {
  now(): number;
  showError(title: string, message: string): void;
  log(what: string, detail: string): void;
}

export function attachRendererRecovery(window: RecoverableWindow, hooks: RecoveryHooks): void {
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    const now = hooks.now();
    const decision = decideAfterRendererGone(details.reason, reloads, now);
    hooks.log('renderer gone', `${details.reason} (exit ${details.exitCode}) → ${decision}`);
    if (decision === 'reload') {
      reloads.push(now);
      window.reload();
    } else if (decision === 'give-up') {
      window.show();
      hooks.showError(
        '评审界面无法恢复',
        `界面进程多次异常退出（${details.reason}）。已保存的评分和记录不会丢失，请关闭并重新打开程序；如仍出现，请联系秘书处技术支持。\n` +
          `The review window stopped repeatedly (${details.reason}). Saved scores and notes are kept; close and reopen the app.`,
      );
    }
  });
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    hooks.log('page failed to load', `${validatedURL}: ${errorCode} ${errorDescription}`);
    window.show();
    hooks.showError('评审界面无法加载', `程序文件可能不完整，请重新安装。\nThe app's page could not be loaded (${errorDescription}); please reinstall.`);
  });
}
