import type { IdentityCard } from '../../../../../shared/identity/identity-card.js';
import { ok, type Result } from '../../../../../shared/util/result.js';
import { writeIdentityCard } from '../../../../../shared/workflow/enrol-expert.js';
import type { KeyHolder } from '../../../../../shared/workflow/ports/keys.js';
import type { WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../../db/database.js';
import { assertAnchorChangeConfirmed } from '../../../device/anchor-change.js';
import type { DeviceProfileRecord, TrustAnchorRecord } from '../../../db/identity-records.js';

/**
 * This device's identity card as an `identity-card` package (the shared enrolment step,
 * shared/workflow/enrol-expert.ts), as the next revision after the last one saved.
 */
export async function writeDeviceCard(profile: DeviceProfileRecord, keys: KeyHolder, now: Date = new Date()): Promise<Result<{ bytes: Uint8Array; revision: number }, WorkflowError>> {
  const revision = (profile.cardRevision ?? 0) + 1;
  const written = await writeIdentityCard({ name: profile.name, organisation: profile.organisation, role: profile.role }, revision, { keys, clock: { now: () => now } });
  return written.ok ? ok({ bytes: written.value.written.bytes, revision }) : written;
}

export async function recordCardExport(db: ZqaDatabase, revision: number): Promise<void> {
  await db.transaction('rw', db.deviceProfile, async () => {
    const profile = await db.deviceProfile.get('device');
    if (profile && (profile.cardRevision ?? 0) < revision) await db.deviceProfile.put({ ...profile, cardRevision: revision });
  });
}

/**
 * Stores the confirmed card as the device's trust anchor. Replacing a different card needs
 * `typedLastGroup`, the new fingerprint's last group as the person typed it (anchor-change.ts);
 * checked inside the transaction, against the anchor actually stored.
 */
export async function saveTrustAnchor(db: ZqaDatabase, card: IdentityCard, bytes: Uint8Array, confirmation: { typedLastGroup?: string } = {}, now: Date = new Date()): Promise<TrustAnchorRecord> {
  const record: TrustAnchorRecord = { id: 'secretariat', card, packageBytes: bytes, confirmedAt: now.toISOString() };
  await db.transaction('rw', db.trustAnchor, async () => {
    const current = await db.trustAnchor.get('secretariat');
    assertAnchorChangeConfirmed(current?.card, card, confirmation.typedLastGroup);
    await db.trustAnchor.put(record);
  });
  return record;
}

