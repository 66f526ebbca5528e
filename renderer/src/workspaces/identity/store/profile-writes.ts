import { identityFactsSchema } from '../../../../../shared/identity/role.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { DeviceKeys } from '../../../device/device-keys.js';
import type { DeviceProfileRecord, DeviceRole } from '../../../db/identity-records.js';

export class ProfileError extends Error {
  override name = 'ProfileError';
}

/** Saves who uses this device; the key id and fingerprint are the device's, not typed in. */
export async function saveDeviceProfile(
  db: ZqaDatabase,
  input: { name: string; organisation: string; role: DeviceRole },
  keys: DeviceKeys,
  now: Date = new Date(),
): Promise<DeviceProfileRecord> {
  const parsed = identityFactsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProfileError(issue ? `${issue.path.join('.')}: ${issue.message}` : 'not a valid identity');
  }
  const at = now.toISOString();
  return db.transaction('rw', db.deviceProfile, async () => {
    const existing = await db.deviceProfile.get('device');
    const record: DeviceProfileRecord = {
      id: 'device',
      name: parsed.data.name,
      organisation: parsed.data.organisation,
      role: input.role,
      keyId: keys.keyId,
      fingerprint: keys.fingerprint,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await db.deviceProfile.put(record);
    return record;
  });
}
