import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../../shared/identity/roster-trust.js';
import type { TrustStore } from '../../../shared/identity/trust-store.js';
import { Dexie } from 'dexie';
import type { ZqaDatabase } from '../db/database.js';
import type { PackageHistory, StoredRevision } from '../../../shared/packages/revision.js';
import { samePanelSubject, type HeldRecords } from '../../../shared/packages/held-records.js';

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

/**
 * The importer's HeldRecords port over this device's tables: the assignments it imported
 * (packages are bound to one of them by cycle, applicant and panel), and the latest scoresheet
 * the leader holds from each member (a new revision must extend its history).
 */
export function dbHeldRecords(db: ZqaDatabase): HeldRecords {
  const assignments = async (panelId: string) => db.panelAssignments.where('panelId').equals(panelId).toArray();
  return {
    assignments: async (panelId) => (await assignments(panelId)).map((a) => a.content),
    async scoresheet(subject, expertKeyId) {
      const bound = (await assignments(subject.panelId)).find((a) => samePanelSubject({ cycleId: a.content.cycle.id, applicantId: a.content.applicant.id, panelId: a.panelId }, subject));
      if (!bound) return null;
      const held = await db.memberScoresheets.get([bound.reviewId, expertKeyId]);
      return held && samePanelSubject(held.content, subject) ? { revision: held.revision, history: held.content.history } : null;
    },
  };
}
