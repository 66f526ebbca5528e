import type { IdentityRole } from './role.js';

/**
 * Whom a device believes. The secretariat's key is the anchor every device is set up with;
 * the secretariat vouches for panel members through the roster of an assignment it signed;
 * an administrator (or `zqa verify --trust`) may also trust cards whose fingerprints they
 * checked by hand. Immutable: adding returns a new store.
 */
export interface TrustedKey {
  keyId: string;
  /** base64 SPKI DER: a key id match alone is not enough, the key itself must match. */
  signingKey: string;
  encryptionKey: string;
  name: string;
  organisation: string;
  /**
   * The anchor's and a card's own role. For a key vouched for by rosters the role depends on
   * the panel: ask `roleFor(key, panelId)` (verifyPackage reports the signer with that role).
   */
  role: IdentityRole;
  /** Why we trust it, for messages and audits. */
  via: 'anchor' | 'roster' | 'card';
  /**
   * For keys vouched for by rosters: the panels they sit on and their role on each. A
   * member of one panel is not trusted to send another panel's packages. Absent for the
   * anchor and for hand-checked cards, which are trusted with `role` for any panel.
   */
  panels?: Readonly<Record<string, 'leader' | 'expert'>>;
}

export interface TrustStore {
  readonly anchorKeyId: string | null;
  readonly keys: ReadonlyMap<string, TrustedKey>;
}

export const EMPTY_TRUST_STORE: TrustStore = { anchorKeyId: null, keys: new Map() };

type KeyFacts = Omit<TrustedKey, 'via' | 'panels'>;

export function trustAnchor(secretariat: KeyFacts): TrustStore {
  return { anchorKeyId: secretariat.keyId, keys: new Map([[secretariat.keyId, { ...pick(secretariat), role: 'secretariat', via: 'anchor' }]]) };
}

/** Adds keys; an existing entry for the same key id is kept (the anchor is never replaced). */
export function trustKeys(store: TrustStore, keys: readonly KeyFacts[], via: 'card'): TrustStore {
  const next = new Map(store.keys);
  for (const k of keys) if (!next.has(k.keyId)) next.set(k.keyId, { ...pick(k), via });
  return { anchorKeyId: store.anchorKeyId, keys: next };
}

/**
 * Adds a panel's members as the secretariat's roster names them, each with the role it has
 * on this panel: rosters may be added in any order, and an expert who leads one panel and
 * sits on another is leader for the first and member for the second. A key already trusted
 * by card gains the panel roles too (its card's role still holds for other panels); the
 * anchor is never changed; a roster naming a trusted key id with another key is ignored.
 */
export function trustPanelMembers(store: TrustStore, panelId: string, members: readonly (Omit<KeyFacts, 'role'> & { role: 'leader' | 'expert' })[]): TrustStore {
  const next = new Map(store.keys);
  for (const m of members) {
    const existing = next.get(m.keyId);
    if (existing && (existing.via === 'anchor' || existing.signingKey !== m.signingKey)) continue;
    next.set(m.keyId, { ...pick(existing ?? m), via: existing?.via ?? 'roster', panels: { ...(existing?.panels ?? {}), [panelId]: m.role } });
  }
  return { anchorKeyId: store.anchorKeyId, keys: next };
}

/**
 * The role a trusted key has for a package about `panelId` (null: not on that panel): the
 * role the panel's roster gives it when one does; otherwise, for keys trusted by roster
 * only, none; for the anchor and hand-checked cards, their own role.
 */
export function roleFor(key: TrustedKey, panelId: string | undefined): IdentityRole | null {
  const onPanel = panelId !== undefined ? key.panels?.[panelId] : undefined;
  if (onPanel) return onPanel;
  return key.via === 'roster' ? null : key.role;
}

export type SignerLookup = { kind: 'trusted'; key: TrustedKey } | { kind: 'unknown' } | { kind: 'key-mismatch'; key: TrustedKey };

export function lookupSigner(store: TrustStore, keyId: string, signingKey: string): SignerLookup {
  const key = store.keys.get(keyId);
  if (!key) return { kind: 'unknown' };
  return key.signingKey === signingKey ? { kind: 'trusted', key } : { kind: 'key-mismatch', key };
}

function pick(k: KeyFacts): KeyFacts {
  return { keyId: k.keyId, signingKey: k.signingKey, encryptionKey: k.encryptionKey, name: k.name, organisation: k.organisation, role: k.role };
}
