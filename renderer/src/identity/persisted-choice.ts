import { useSyncExternalStore } from 'react';

/**
 * A choice the person made (which workspace, which review) remembered across restarts in
 * localStorage, settable from anywhere (a banner, an import that just added a review).
 */
export function persistedChoice(storageKey: string): { get(): string | null; set(value: string): void; use(): string | null } {
  const listeners = new Set<() => void>();
  let current: string | null = null;
  try {
    current = window.localStorage.getItem(storageKey);
  } catch {
    // storage blocked: nothing remembered
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    get: () => current,
    set(value) {
      current = value;
      try {
        window.localStorage.setItem(storageKey, value);
      } catch {
        // the choice is a convenience; not remembering it is fine
      }
      for (const l of listeners) l();
    },
    use: () => useSyncExternalStore(subscribe, () => current),
  };
}
