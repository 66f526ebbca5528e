import type { IdentityRole } from '../identity/role.js';
import type { PackageType } from './manifest.js';

/**
 * Who may send what (docs/package-format.md §6). A package from a trusted key whose role is not listed
 * for its type is refused as `untrusted-signer`: an expert cannot issue an assignment.
 * Identity cards are self-signed by anyone and trusted by fingerprint, not by this table.
 */
export const SENDER_ROLES: Record<PackageType, readonly IdentityRole[]> = {
  'identity-card': ['secretariat', 'leader', 'expert'],
  assignment: ['secretariat'],
  scoresheet: ['leader', 'expert'],
  'report-for-signing': ['leader'],
  countersignature: ['leader', 'expert'],
  'panel-return': ['leader'],
};
