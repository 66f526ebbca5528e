import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../db/database.js';
import type { DeviceKeys } from './device-keys.js';
import { useDeviceKeys } from './device-keys.js';
import type { DeviceProfileRecord } from './identity-records.js';

/** What the shell knows about this device when it decides which workspaces to show. */
export interface WorkspaceContext {
  /** null until the person has entered who they are (the demo works without it). */
  profile: DeviceProfileRecord | null;
  /** null while the host is still answering, or when it cannot give keys. */
  keys: DeviceKeys | null;
  /** This device's signing key is the leader of at least one stored assignment. */
  leadsPanel: boolean;
}

export function useWorkspaceContext(): WorkspaceContext | undefined {
  const keysState = useDeviceKeys();
  const keys = keysState.status === 'ready' ? keysState.keys : null;
  const keyId = keys?.keyId ?? null;
  const stored = useLiveQuery(async () => {
    const db = getDatabase();
    return db.transaction('r', [db.deviceProfile, db.panelAssignments], async () => ({
      profile: (await db.deviceProfile.get('device')) ?? null,
      leadsPanel: keyId !== null && (await db.panelAssignments.where('leaderKeyId').equals(keyId).count()) > 0,
    }));
  }, [keyId]);
  if (!stored || keysState.status === 'loading') return undefined;
  return { profile: stored.profile, keys, leadsPanel: stored.leadsPanel };
}
