import { useSyncExternalStore } from 'react';

/**
 * Which workspace the person chose, remembered across restarts (localStorage), and settable
 * from anywhere (a banner sending them to the identity page, an opened file to the leader's).
 */
const STORAGE_KEY = 'zqa.workspace';
const listeners = new Set<() => void>();
let current: string | null = read();

function read(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: start on the first workspace
  }
}

export function showWorkspace(key: string): void {
  current = key;
  try {
    window.localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // the choice is a convenience; not remembering it is fine
  }
  for (const l of listeners) l();
}

export function useChosenWorkspace(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
