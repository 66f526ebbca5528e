import type { AssignmentContent } from '../packages/content/assignment.js';
import type { IdentityCard } from './identity-card.js';
import { trustAnchor, trustKeys, trustPanelMembers, type TrustStore } from './trust-store.js';

/** A device's trust store from the secretariat's card, checked by fingerprint at set-up. */
export function trustStoreFromAnchorCard(card: IdentityCard): TrustStore {
  return trustAnchor({ ...card, role: 'secretariat' });
}

/**
 * The secretariat vouches for a panel's members by signing the assignment that names them:
 * call this only with an assignment that was verified as sent by the anchor.
 */
export function trustAssignmentRoster(store: TrustStore, assignment: Pick<AssignmentContent, 'panel'>): TrustStore {
  return trustPanelMembers(store, assignment.panel.id, assignment.panel.members);
}

/** Cards a person checked by hand (fingerprint read aloud): trusted with the card's role. */
export function trustCards(store: TrustStore, cards: readonly IdentityCard[]): TrustStore {
  return trustKeys(store, cards, 'card');
}
