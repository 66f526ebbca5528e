import { installPermissionHandlers, type PermissionSession } from './permissions.js';
import { installRequestFilter, type RequestFilterTarget } from './request-filter.js';

export interface HardenableSession extends PermissionSession {
  readonly webRequest: RequestFilterTarget;
}

export interface SessionEvents {
  on(event: 'session-created', listener: (session: HardenableSession) => void): unknown;
}

export interface HardeningLog {
  deniedPermission(permission: string): void;
  cancelledRequest(url: string): void;
}

/** Default-deny permissions and the offline request filter on one session. */
export function hardenSession(session: HardenableSession, log: HardeningLog): void {
  installPermissionHandlers(session, (permission) => log.deniedPermission(permission));
  installRequestFilter(session.webRequest, (url) => log.cancelledRequest(url));
}

/**
 * Hardens every session Electron creates (the default one, and any partition a future
 * change or the devtools open), so no session can be forgotten. Registered before ready.
 */
export function hardenEverySession(app: SessionEvents, log: HardeningLog): void {
  app.on('session-created', (session) => hardenSession(session, log));
}
