import type { IdentityCard } from '../../../shared/identity/identity-card.js';

/** Who uses this device (one row, id 'device'): what the identity card says about them. */
export type DeviceRole = 'expert' | 'secretariat';

export interface DeviceProfileRecord {
  id: 'device';
  name: string;
  organisation: string;
  /** A leader is an expert whom an assignment names leader, so only these two are chosen here. */
  role: DeviceRole;
  /** The device's signing key id and fingerprint when the profile was saved (keys never change on a device). */
  keyId: string;
  fingerprint: string;
  /** How many identity cards were saved: each export is the next revision of the card. */
  cardRevision?: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The secretariat's identity card this device trusts (one row, id 'secretariat'): set up by
 * importing the card and confirming its fingerprint on screen. Every package import starts
 * from it; rosters in assignments it signed extend trust to the panel's members.
 */
export interface TrustAnchorRecord {
  id: 'secretariat';
  card: IdentityCard;
  /** The card package as received, kept for audits. */
  packageBytes: Uint8Array;
  confirmedAt: string;
}
