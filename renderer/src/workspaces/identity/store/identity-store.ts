import { useLiveQuery } from 'dexie-react-hooks';
import type { IdentityCard } from '../../../../../shared/identity/identity-card.js';
import { getDatabase } from '../../../db/database.js';
import type { DeviceProfileRecord, DeviceRole } from '../../../db/identity-records.js';
import { bridgeKeyHolder } from '../../../device/bridge-key-holder.js';
import type { DeviceKeys } from '../../../device/device-keys.js';
import { getHost } from '../../../host/get-host.js';
import { recordCardExport, saveTrustAnchor, writeDeviceCard } from './identity-card-files.js';
import { saveDeviceProfile } from './profile-writes.js';

// The identity page's store: what its screens read (live) and do, on this device's database
// and through its host. The screens import nothing else that touches either.

export type { DeviceProfileRecord, DeviceRole } from '../../../db/identity-records.js';

/** The secretariat's card this device trusts, null when none; undefined while read. */
export const useTrustAnchor = () => useLiveQuery(async () => (await getDatabase().trustAnchor.get('secretariat')) ?? null);

/** This device's profile, null before one is saved; undefined while read. */
export const useDeviceProfile = () => useLiveQuery(async () => (await getDatabase().deviceProfile.get('device')) ?? null);

export const openIdentityCardFile = () => getHost().files.open({ kind: 'identity-card' });

/** Trusts a secretariat's card (a replacement needs the fingerprint's last group typed). */
export const keepTrustAnchor = (card: IdentityCard, bytes: Uint8Array, confirmation: { typedLastGroup?: string }) => saveTrustAnchor(getDatabase(), card, bytes, confirmation);

/**
 * The host keeps its own record of the role (it allows the secretariat's key backup) and asks
 * the person to confirm becoming the secretariat; refused or cancelled, nothing is saved.
 */
export const recordDeviceRole = (role: DeviceRole) => getHost().keys.setDeviceRole({ role });

export const keepDeviceProfile = (values: Parameters<typeof saveDeviceProfile>[1], keys: DeviceKeys) => saveDeviceProfile(getDatabase(), values, keys);

/** This device's identity card, signed with its own key. */
export const writeCardOfThisDevice = (profile: DeviceProfileRecord) => writeDeviceCard(profile, bridgeKeyHolder(getHost().keys));

export const saveCardFile = (suggestedName: string, bytes: Uint8Array) => getHost().files.save({ kind: 'identity-card', suggestedName, bytes: new Uint8Array(bytes) });

export const noteCardExported = (revision: number) => recordCardExport(getDatabase(), revision);
