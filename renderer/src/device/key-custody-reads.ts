import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDatabase } from '../db/database.js';
import { getHost } from '../host/get-host.js';

/**
 * What the key-custody notices ask of the device, as hooks: the notices themselves query no
 * database and call no host.
 */

/** The key id the saved identity was made with; null without one, undefined while read. */
export function useProfileKeyId(): string | null | undefined {
  return useLiveQuery(async () => (await getDatabase().deviceProfile.get('device'))?.keyId ?? null);
}

/** True when the host says the device's keys are in the browser's database only (a wipe takes them). */
export function useKeysDatabaseOnly(): boolean {
  const [databaseOnly, setDatabaseOnly] = useState(false);
  useEffect(() => {
    let live = true;
    const keys = getHost().keys;
    if (keys.survivesDatabaseLoss) void keys.survivesDatabaseLoss().then((kept) => live && setDatabaseOnly(!kept));
    return () => {
      live = false;
    };
  }, []);
  return databaseOnly;
}
