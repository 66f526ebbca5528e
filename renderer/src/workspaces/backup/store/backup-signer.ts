import type { BackupSigningDevice } from '../../../../../shared/backup/backup-format.js';
import type { ZqaDatabase } from '../../../db/database.js';
import { getHost } from '../../../host/get-host.js';
import { bridgeKeyHolder } from '../../../device/bridge-key-holder.js';
import { loadDeviceKeys } from '../../../device/device-keys.js';

/**
 * This device as the maker of a backup: its signing key and the name and role its profile
 * gives (empty and null before a profile is saved), signing through the host bridge so the
 * private key never reaches the page.
 */
export async function thisDeviceAsBackupSigner(db: ZqaDatabase): Promise<BackupSigningDevice> {
  const [keys, profile] = await Promise.all([loadDeviceKeys(), db.deviceProfile.get('device')]);
  const holder = bridgeKeyHolder(getHost().keys);
  return {
    signer: { signingKey: keys.publicKeys.signingKey, name: profile?.name ?? '', role: profile?.role ?? null },
    sign: (request) => holder.sign(request),
  };
}
