import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../../shared/identity/roster-trust.js';
import type { TrustStore } from '../../../shared/identity/trust-store.js';
import { Dexie } from 'dexie';
import type { ZqaDatabase } from '../db/database.js';
import type { PackageHistory, StoredRevision } from '../../../shared/packages/revision.js';

/**
 * The device's trust, rebuilt from what is stored: the secretariat's card (the anchor the
 * person confirmed by fingerprint), then every assignment that anchor signed, whose roster
 * vouches for that panel's members. null when there is no anchor: nothing can be imported.
 */
export async function loadTrustStore(db: ZqaDatabase): Promise<TrustStore | null> {
  return db.transaction('r', [db.trustAnchor, db.panelAssignments], async () => {
    const anchor = await db.trustAnchor.get('secretariat');
    if (!anchor) return null;
    let store = trustStoreFromAnchorCard(anchor.card);
    for (const a of await db.panelAssignments.toArray()) {
      // Only rosters signed by the current anchor count (the anchor may have been replaced).
      if (a.content.secretariat.keyId === anchor.card.keyId) store = trustAssignmentRoster(store, a.content);
    }
    return store;
  });
}

/** The latest stored revision of a series (superseded ones stay in history, not counted). */
export async function latestRevision(db: ZqaDatabase, seriesId: string): Promise<StoredRevision | null> {
  const last = await db.receivedPackages.where('[seriesId+revision]').between([seriesId, Dexie.minKey], [seriesId, Dexie.maxKey]).last();
  return last ? { packageId: last.packageId, revision: last.revision, manifestSha256: last.manifestSha256 } : null;
}

/** The importer's PackageHistory port over the receivedPackages table. */
export function dbPackageHistory(db: ZqaDatabase): PackageHistory {
  return { latest: (seriesId) => latestRevision(db, seriesId) };
}
