import { useSyncExternalStore } from 'react';
import { pageStorage, storeInPage } from '../host/page-storage.js';

/**
 * A choice the person made (which workspace, which review) remembered across restarts in
 * localStorage, settable from anywhere (a banner, an import that just added a review).
 */
export function persistedChoice(storageKey: string): { get(): string | null; set(value: string): void; use(): string | null } {
  const listeners = new Set<() => void>();
  // Storage blocked: nothing remembered.
  let current: string | null = pageStorage()?.getItem(storageKey) ?? null;
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
      // The choice is a convenience; not remembering it is fine.
      storeInPage(storageKey, value);
      for (const l of listeners) l();
    },
    use: () => useSyncExternalStore(subscribe, () => current),
  };
}
