import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PENDING_SHOWN_AFTER_MS, beginSave, currentSaveState, subscribeSaveState, trackSave } from '../../renderer/src/ui/common/save-tracker.js';

// The tracker is one per page (module state): each test reads changes relative to its start.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function recordStates(): { seen: string[]; stop: () => void } {
  const seen: string[] = [];
  const stop = subscribeSaveState(() => {
    const s = currentSaveState();
    seen.push(s.pending > 0 ? 'saving' : s.lastError ? 'error' : 'saved');
  });
  return { seen, stop };
}

describe('the saved indicator', () => {
  it('leaves a quick write that the screen shows only once stored without a "saving" flash', async () => {
    const before = currentSaveState().committed;
    const { seen, stop } = recordStates();
    await trackSave(() => Promise.resolve('written'));
    vi.advanceTimersByTime(PENDING_SHOWN_AFTER_MS * 2);
    stop();
    expect(seen).toEqual(['saved']);
    expect(currentSaveState().committed).toBe(before + 1);
    expect(currentSaveState().pending).toBe(0);
  });

  it('says "saving" once such a write has run for longer than the grace period, then "saved"', async () => {
    const { seen, stop } = recordStates();
    let commit: () => void = () => undefined;
    const write = trackSave(() => new Promise<void>((resolve) => (commit = resolve)));
    vi.advanceTimersByTime(PENDING_SHOWN_AFTER_MS - 1);
    expect(currentSaveState().pending).toBe(0);
    vi.advanceTimersByTime(1);
    expect(currentSaveState().pending).toBe(1);
    commit();
    await write;
    stop();
    expect(seen).toEqual(['saving', 'saved']);
    expect(currentSaveState().pending).toBe(0);
  });

  it('says "saving" at once for text already on screen, and reports a failed write', () => {
    const { seen, stop } = recordStates();
    const finish = beginSave({ alreadyOnScreen: true });
    expect(currentSaveState().pending).toBe(1);
    finish({ ok: false, error: '本机存储空间已满' });
    finish({ ok: true }); // a second call is ignored
    stop();
    expect(seen).toEqual(['saving', 'error']);
    expect(currentSaveState()).toMatchObject({ pending: 0, lastError: '本机存储空间已满' });
  });

  it('rejects for the caller and counts nothing as committed when the write fails', async () => {
    const before = currentSaveState().committed;
    await expect(trackSave(() => Promise.reject(new Error('QuotaExceededError')))).rejects.toThrow('QuotaExceededError');
    vi.advanceTimersByTime(PENDING_SHOWN_AFTER_MS * 2);
    expect(currentSaveState().committed).toBe(before);
    expect(currentSaveState().pending).toBe(0);
    expect(currentSaveState().lastError).not.toBeNull();
  });
});
