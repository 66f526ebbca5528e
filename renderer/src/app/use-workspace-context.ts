import { createContext, useContext } from 'react';
import { getDatabase } from '../db/database.js';
import { primedKeys, usePrimedLiveQuery } from '../db/primed-reads.js';
import type { DeviceKeys } from '../device/device-keys.js';
import { useDeviceKeys } from '../device/device-keys.js';
import type { DeviceProfileRecord } from '../db/identity-records.js';

/** What the shell knows about this device when it decides which workspaces to show. */
export interface WorkspaceContext {
  /** null until the person has entered who they are (the demo works without it). */
  profile: DeviceProfileRecord | null;
  /** null while the host is still answering, or when it cannot give keys. */
  keys: DeviceKeys | null;
  /** This device's signing key is the leader of at least one stored assignment. */
  leadsPanel: boolean;
}

const SharedWorkspaceContext = createContext<WorkspaceContext | undefined>(undefined);

/** The shell (workspaces.tsx) loads the context once and hands it to every workspace. */
export const WorkspaceContextProvider = SharedWorkspaceContext.Provider;

/**
 * The context the shell loaded, inside a workspace. Undefined only outside the shell: a
 * workspace reading it again on its own would cost another keys read and database query
 * (and a render) before its first screen.
 */
export function useWorkspaceContext(): WorkspaceContext | undefined {
  return useContext(SharedWorkspaceContext);
}

/** What the database says about this device: its profile, and whether its key leads a panel. */
export function readWorkspaceStored(keyId: string | null): Promise<Pick<WorkspaceContext, 'profile' | 'leadsPanel'>> {
  const db = getDatabase();
  return db.transaction('r', [db.deviceProfile, db.panelAssignments], async () => ({
    profile: (await db.deviceProfile.get('device')) ?? null,
    leadsPanel: keyId !== null && (await db.panelAssignments.where('leaderKeyId').equals(keyId).count()) > 0,
  }));
}

/** Reads the device's profile, keys and panels; the shell calls it once. */
export function useLoadWorkspaceContext(): WorkspaceContext | undefined {
  const keysState = useDeviceKeys();
  const keys = keysState.status === 'ready' ? keysState.keys : null;
  const keyId = keys?.keyId ?? null;
  const stored = usePrimedLiveQuery(primedKeys.workspace(keyId), () => readWorkspaceStored(keyId), [keyId]);
  if (!stored || keysState.status === 'loading') return undefined;
  return { profile: stored.profile, keys, leadsPanel: stored.leadsPanel };
}
