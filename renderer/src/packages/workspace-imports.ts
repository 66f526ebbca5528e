import type { PackageType } from '../../../shared/packages/manifest.js';

/**
 * What each workspace imports where the work is: its buttons and a file dropped while it is
 * open take these types; anything else offered there is routed to where this device takes it
 * (import-many.ts) or refused with where it belongs.
 */
const WORKSPACE_IMPORTS: Readonly<Record<string, readonly PackageType[]>> = {
  review: ['assignment'],
  leader: ['scoresheet', 'countersignature'],
  countersign: ['report-for-signing'],
  secretariat: ['identity-card', 'panel-return'],
  identity: ['identity-card'],
};

/** The types a workspace takes; none for one that imports nothing (a drop there is routed by type). */
export const importsOf = (workspace: string | null): readonly PackageType[] => (workspace ? (WORKSPACE_IMPORTS[workspace] ?? []) : []);
