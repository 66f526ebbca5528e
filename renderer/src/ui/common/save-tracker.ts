import { useSyncExternalStore } from 'react';
import { describeWriteError } from './write-fault.js';

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

/**
 * How long a write may run before the indicator says "saving". Writes whose result the screen
 * shows only once it is stored (a score, a note added) leave the indicator alone for this
 * long: until then the screen still shows only what is stored, so "saved" stays true. This is
 * not cosmetic: a visual change made in a keypress's own task makes Chromium hold back the
 * page's IndexedDB replies until that frame is presented (see docs/ARCHITECTURE.md, "Saving"),
 * which measured as 10–20 ms added to every score's save.
 */
export const PENDING_SHOWN_AFTER_MS = 100;

export interface BeginSaveOptions {
  /**
   * True when what the write will store is already on screen (text typed into a field): the
   * indicator must say "saving" at once, or it would claim "saved" for text only on screen.
   */
  alreadyOnScreen?: boolean;
}

/** Marks work as begun; call the returned function exactly once, with whether it committed. */
export function beginSave({ alreadyOnScreen = false }: BeginSaveOptions = {}): (outcome: { ok: true } | { ok: false; error: string }) => void {
  let shown = false;
  const show = () => {
    shown = true;
    update({ pending: state.pending + 1 });
  };
  const timer = alreadyOnScreen ? undefined : setTimeout(show, PENDING_SHOWN_AFTER_MS);
  if (alreadyOnScreen) show();
  const startedAt = performance.now();
  let done = false;
  return (outcome) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    // User Timing entry: shows in DevTools' performance panel, and the benchmark reads it.
    performance.measure('zqa:save', { start: startedAt, end: performance.now() });
    const pending = state.pending - (shown ? 1 : 0);
    if (outcome.ok) update({ pending, committed: state.committed + 1, lastSavedAt: new Date(), lastError: null });
    else update({ pending, lastError: outcome.error });
  };
}

/**
 * Runs a write and reports it to the indicator; the promise still rejects for the caller.
 * For writes whose result the screen shows from the database (see BeginSaveOptions).
 */
export async function trackSave<T>(write: () => Promise<T>, options: BeginSaveOptions = {}): Promise<T> {
  const finish = beginSave(options);
  try {
    const value = await write();
    finish({ ok: true });
    return value;
  } catch (e) {
    finish({ ok: false, error: describeWriteError(e) });
    throw e;
  }
}

/** The indicator's state now, and a way to hear of changes (the hook below uses both). */
export function currentSaveState(): SaveState {
  return state;
}

export function subscribeSaveState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSaveState(): SaveState {
  return useSyncExternalStore(subscribeSaveState, currentSaveState);
}
