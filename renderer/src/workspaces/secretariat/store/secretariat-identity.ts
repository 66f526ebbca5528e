import { makeIdentityCard, type IdentityCard } from '../../../../../shared/identity/identity-card.js';
import type { KeyHolder } from '../../../../../shared/crypto/key-holder.js';
import type { ZqaDatabase } from '../../../db/database.js';
import { getHost } from '../../../host/get-host.js';
import { bridgeKeyHolder } from '../../../device/bridge-key-holder.js';

/**
 * The secretariat as it signs: this device's profile (name, organisation) and keys through
 * the host bridge. The card is the public identity every assignment names and every device
 * trusts as its anchor.
 */
export interface SecretariatSelf {
  keys: KeyHolder;
  card: IdentityCard;
  /** Who an edit is recorded as. */
  actor: string;
}

export async function loadSecretariatSelf(db: ZqaDatabase, keys: KeyHolder = bridgeKeyHolder(getHost().keys)): Promise<SecretariatSelf> {
  const profile = await db.deviceProfile.get('device');
  if (!profile || profile.role !== 'secretariat') throw new Error('this device is not set up as the secretariat (设备未设置为秘书处)');
  const card = await makeIdentityCard({ name: profile.name, organisation: profile.organisation, role: 'secretariat' }, await keys.publicKeys());
  return { keys, card, actor: profile.name };
}
