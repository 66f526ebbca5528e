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
  role: IdentityRole;
  /** Why we trust it, for messages and audits. */
  via: 'anchor' | 'roster' | 'card';
}

export interface TrustStore {
  readonly anchorKeyId: string | null;
  readonly keys: ReadonlyMap<string, TrustedKey>;
}

export const EMPTY_TRUST_STORE: TrustStore = { anchorKeyId: null, keys: new Map() };

type KeyFacts = Omit<TrustedKey, 'via'>;

export function trustAnchor(secretariat: KeyFacts): TrustStore {
  return { anchorKeyId: secretariat.keyId, keys: new Map([[secretariat.keyId, { ...pick(secretariat), role: 'secretariat', via: 'anchor' }]]) };
}

/** Adds keys; an existing entry for the same key id is kept (the anchor is never replaced). */
export function trustKeys(store: TrustStore, keys: readonly KeyFacts[], via: 'roster' | 'card'): TrustStore {
  const next = new Map(store.keys);
  for (const k of keys) if (!next.has(k.keyId)) next.set(k.keyId, { ...pick(k), via });
  return { anchorKeyId: store.anchorKeyId, keys: next };
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
