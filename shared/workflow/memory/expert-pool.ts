import type { IdentityCard } from '../../identity/identity-card.js';
import type { ExpertPool } from '../enrol-expert.js';

/** The secretariat's expert pool in memory (`zqa demo`, the tests): the cards, by key id. */
export interface MemoryExpertPool extends ExpertPool<IdentityCard> {
  cards(): IdentityCard[];
}

export function memoryExpertPool(): MemoryExpertPool {
  const byKey = new Map<string, IdentityCard>();
  return {
    addIfAbsent(card) {
      const existing = byKey.get(card.keyId);
      if (existing) return Promise.resolve({ added: false, existingName: existing.name });
      byKey.set(card.keyId, card);
      return Promise.resolve({ added: true, entry: card });
    },
    cards: () => [...byKey.values()],
  };
}
