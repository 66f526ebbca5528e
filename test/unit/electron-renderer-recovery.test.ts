import { describe, expect, it } from 'vitest';
import { attachRendererRecovery, decideAfterRendererGone, MAX_RELOADS, RELOAD_WINDOW_MS, type RecoverableWindow } from '../../electron/window/renderer-recovery.js';

describe('decideAfterRendererGone', () => {
  it('reloads after a crash, up to the limit within the window', () => {
    expect(decideAfterRendererGone('crashed', [], 1000)).toBe('reload');
    expect(decideAfterRendererGone('oom', [0, 10, 20].slice(0, MAX_RELOADS - 1), 1000)).toBe('reload');
    expect(decideAfterRendererGone('crashed', Array.from({ length: MAX_RELOADS }, (_, i) => i), 1000)).toBe('give-up');
    // Old reloads no longer count.
    expect(decideAfterRendererGone('crashed', Array.from({ length: MAX_RELOADS }, () => 0), RELOAD_WINDOW_MS + 1)).toBe('reload');
  });

  it('ignores a clean exit and gives up where reloading cannot help', () => {
    expect(decideAfterRendererGone('clean-exit', [], 0)).toBe('ignore');
    expect(decideAfterRendererGone('launch-failed', [], 0)).toBe('give-up');
    expect(decideAfterRendererGone('integrity-failure', [], 0)).toBe('give-up');
  });
});

describe('attachRendererRecovery', () => {
  function fakeWindow() {
    const listeners = new Map<string, (...args: never[]) => void>();
    const events: string[] = [];
    const window: RecoverableWindow = {
      show: () => events.push('show'),
      reload: () => events.push('reload'),
      webContents: {
        on(event: string, listener: (...args: never[]) => void) {
          listeners.set(event, listener);
          return this;
        },
      },
    };
    return { window, listeners, events };
  }

  it('reloads a crashed page three times, then shows a Chinese message', () => {
    const { window, listeners, events } = fakeWindow();
    const errors: string[] = [];
    attachRendererRecovery(window, { now: () => 5000, showError: (title) => errors.push(title), log: () => {} });
    const gone = listeners.get('render-process-gone') as (event: unknown, details: { reason: string; exitCode: number }) => void;
    for (let i = 0; i < MAX_RELOADS + 1; i++) gone({}, { reason: 'crashed', exitCode: 11 });
    expect(events).toEqual([...Array.from({ length: MAX_RELOADS }, () => 'reload'), 'show']);
    expect(errors).toEqual(['评审界面无法恢复']);
  });

  it('shows the window with a message when the page cannot load, but not for aborted navigations or sub-frames', () => {
    const { window, listeners, events } = fakeWindow();
    const errors: string[] = [];
    attachRendererRecovery(window, { now: () => 0, showError: (title) => errors.push(title), log: () => {} });
    const failed = listeners.get('did-fail-load') as (event: unknown, code: number, description: string, url: string, isMainFrame: boolean) => void;
    failed({}, -3, 'ERR_ABORTED', 'https://example.com/', true);
    failed({}, -6, 'ERR_FILE_NOT_FOUND', 'app://zqa/frame.html', false);
    expect(events).toEqual([]);
    failed({}, -6, 'ERR_FILE_NOT_FOUND', 'app://zqa/index.html', true);
    expect(events).toEqual(['show']);
    expect(errors).toEqual(['评审界面无法加载']);
  });
});
