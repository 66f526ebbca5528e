import type { KeyHolder } from '../../../shared/crypto/key-holder.js';
import { makeIdentityCard, type IdentityCard } from '../../../shared/identity/identity-card.js';
import { EMPTY_TRUST_STORE } from '../../../shared/identity/trust-store.js';
import { packageError, type PackageError } from '../../../shared/packages/errors.js';
import { importPackage } from '../../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../../shared/packages/revision.js';
import { writePackage } from '../../../shared/packages/write-package.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import type { ZqaDatabase } from '../db/database.js';
import type { DeviceProfileRecord, TrustAnchorRecord } from './identity-records.js';

/** A plain file name for a person's card. */
export function cardFileName(name: string): string {
  const clean = [...name.replace(/[/\\:*?"<>|]/g, '_')].filter((c) => c.charCodeAt(0) >= 0x20).join('').slice(0, 60);
  return `身份卡-${clean}.zqa`;
}

/**
 * This device's identity card as an `identity-card` package (public, self-signed). Each
 * export is the next revision, so the secretariat's device takes a corrected card (a new
 * organisation, a typo fixed) as superseding the old one rather than as a conflict.
 */
export async function writeDeviceCard(profile: DeviceProfileRecord, keys: KeyHolder, now: Date = new Date()): Promise<Result<{ bytes: Uint8Array; revision: number }, PackageError>> {
  const card = await makeIdentityCard({ name: profile.name, organisation: profile.organisation, role: profile.role }, await keys.publicKeys());
  const revision = (profile.cardRevision ?? 0) + 1;
  const written = await writePackage({ type: 'identity-card', content: card, subject: {}, revision, createdAt: now, sender: { name: profile.name, keys }, recipients: [] });
  return written.ok ? ok({ bytes: written.value.bytes, revision }) : written;
}

export async function recordCardExport(db: ZqaDatabase, revision: number): Promise<void> {
  await db.transaction('rw', db.deviceProfile, async () => {
    const profile = await db.deviceProfile.get('device');
    if (profile && (profile.cardRevision ?? 0) < revision) await db.deviceProfile.put({ ...profile, cardRevision: revision });
  });
}

/**
 * Reads a card meant to become the trust anchor: a well-formed identity-card package whose
 * card binds the key that signed it, for the secretariat. It proves only that the sender
 * holds the key: the person must then compare the fingerprint with the secretariat's.
 */
export async function readAnchorCard(bytes: Uint8Array): Promise<Result<IdentityCard, PackageError>> {
  const imported = await importPackage(bytes, { keys: null, trust: EMPTY_TRUST_STORE, accept: ['identity-card'], history: NO_HISTORY, held: null });
  if (!imported.ok) return imported;
  if (imported.value.type !== 'identity-card') return err(packageError('wrong-type', `a ${imported.value.type} package; expected identity-card`));
  const card = imported.value.content;
  if (card.role !== 'secretariat') return err(packageError('untrusted-signer', `the card is ${card.name}'s, role ${card.role}, not the secretariat's`));
  return ok(card);
}

/** Stores the confirmed card as the device's trust anchor (replacing an earlier one). */
export async function saveTrustAnchor(db: ZqaDatabase, card: IdentityCard, bytes: Uint8Array, now: Date = new Date()): Promise<TrustAnchorRecord> {
  const record: TrustAnchorRecord = { id: 'secretariat', card, packageBytes: bytes, confirmedAt: now.toISOString() };
  await db.trustAnchor.put(record);
  return record;
}

