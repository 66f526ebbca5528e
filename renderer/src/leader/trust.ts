import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../../shared/identity/trust-store.js';
import type { ZqaDatabase } from '../db/database.js';

/**
 * Whom this device believes when importing a countersignature or a report for signing: the
 * secretariat's card confirmed at set-up, and every member of every panel the secretariat
 * named in an assignment this device verified and stored (migration 0002).
 */
export async function deviceTrustStore(db: ZqaDatabase): Promise<TrustStore> {
  return db.transaction('r', [db.trustAnchor, db.panelAssignments], async () => {
    const anchor = await db.trustAnchor.get('secretariat');
    let store = anchor ? trustStoreFromAnchorCard(anchor.card) : EMPTY_TRUST_STORE;
    if (!anchor) return store;
    // Only rosters the current anchor signed count: the anchor may have been replaced since.
    for (const a of await db.panelAssignments.toArray()) if (a.content.secretariat.keyId === anchor.card.keyId) store = trustAssignmentRoster(store, a.content);
    return store;
  });
}
