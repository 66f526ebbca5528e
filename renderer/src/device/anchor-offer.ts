import { useSyncExternalStore } from 'react';

/**
 * A card file waiting for the person to confirm it as the trust anchor: put here by the
 * identity page's import button or by a double-clicked `.zqa` card, read by the page's dialog.
 */
export interface OfferedCard {
  fileName: string;
  bytes: Uint8Array;
}

let offered: OfferedCard | null = null;
const listeners = new Set<() => void>();

export function offerAnchorCard(card: OfferedCard | null): void {
  offered = card;
  for (const l of listeners) l();
}

export function useOfferedAnchorCard(): OfferedCard | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => offered,
  );
}
