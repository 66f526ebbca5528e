import { useSyncExternalStore } from 'react';
import { describeWriteError } from '../backup/write-fault.js';

/**
 * What the "saved" indicator shows. A write counts as saved only when its Dexie transaction
 * has committed; text typed but not yet written counts as pending too, so the indicator
 * never says "saved" while anything the expert typed is only on screen.
 */
export interface SaveState {
  pending: number;
  /** How many writes have committed since the page opened (tests wait for it to grow). */
  committed: number;
  lastSavedAt: Date | null;
  lastError: string | null;
}

let state: SaveState = { pending: 0, committed: 0, lastSavedAt: null, lastError: null };
const listeners = new Set<() => void>();

function update(next: Partial<SaveState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/** Marks work as begun; call the returned function exactly once, with whether it committed. */
export function beginSave(): (outcome: { ok: true } | { ok: false; error: string }) => void {
  update({ pending: state.pending + 1 });
  const startedAt = performance.now();
  let done = false;
  return (outcome) => {
    if (done) return;
    done = true;
    // User Timing entry: shows in DevTools' performance panel, and the benchmark reads it.
    performance.measure('zqa:save', { start: startedAt, end: performance.now() });
    if (outcome.ok) update({ pending: state.pending - 1, committed: state.committed + 1, lastSavedAt: new Date(), lastError: null });
    else update({ pending: state.pending - 1, lastError: outcome.error });
  };
}

/** Runs a write and reports it to the indicator; the promise still rejects for the caller. */
export async function trackSave<T>(write: () => Promise<T>): Promise<T> {
  const finish = beginSave();
  try {
    const value = await write();
    finish({ ok: true });
    return value;
  } catch (e) {
    finish({ ok: false, error: describeWriteError(e) });
    throw e;
  }
}

export function useSaveState(): SaveState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
