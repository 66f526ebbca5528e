import { dbHeldRecords } from '../../../packages/trust-from-db.js';
import type { TrustStore } from '../../../../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../../../../shared/packages/content/assignment.js';
import type { PackageError } from '../../../../../shared/packages/errors.js';
import type { PackageHistory } from '../../../../../shared/packages/revision.js';
import { ok, type Result } from '../../../../../shared/util/result.js';
import type { KeyHolder } from '../../../../../shared/workflow/ports/keys.js';
import { receiveCountersignature } from '../../../../../shared/workflow/receive-countersignature.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ReceivedCountersignatureRecord, ReportArtefactRecord } from '../../../db/leader-records.js';

/**
 * The leader's device receives a member's countersignature: the shared step checks it
 * (shared/workflow/receive-countersignature.ts); this stores it in one transaction, and is
 * the step's history port over what this review already holds. A refusal changes nothing.
 */
export interface CountersignatureImport {
  db: ZqaDatabase;
  reviewId: string;
  assignment: AssignmentContent;
  report: ReportArtefactRecord;
  keys: KeyHolder;
  trust: TrustStore;
  now: Date;
}

/** The history port: a member's series is `countersignature/<cycle>/<applicant>/<panel>/<member key id>` (seriesIdOf). */
function heldCountersignatures(db: ZqaDatabase, reviewId: string): PackageHistory {
  return {
    latest: async (seriesId) => {
      const signer = seriesId.split('/').at(-1) ?? '';
      const held = await db.receivedCountersignatures.get([reviewId, signer]);
      return held ? { packageId: held.packageId, revision: held.revision, manifestSha256: held.manifestSha256 } : null;
    },
  };
}

export async function importCountersignature(bytes: Uint8Array, c: CountersignatureImport): Promise<Result<ReceivedCountersignatureRecord, PackageError>> {
  const received = await receiveCountersignature(bytes, { assignment: c.assignment, report: c.report }, { keys: c.keys, trust: c.trust, history: heldCountersignatures(c.db, c.reviewId), held: dbHeldRecords(c.db) });
  if (!received.ok) return received;
  const record: ReceivedCountersignatureRecord = { ...received.value, reviewId: c.reviewId, receivedAt: c.now.toISOString() };
  await c.db.transaction('rw', c.db.receivedCountersignatures, () => c.db.receivedCountersignatures.put(record));
  return ok(record);
}
