import { z } from 'zod';
import type { PublicKeys } from '../bridge/contract.js';
import { keyIdOf } from '../crypto/key-id.js';
import { decodeBase64 } from '../crypto/spki.js';
import { err, ok, type Result } from '../util/result.js';
import { fingerprintOf, FINGERPRINT_PATTERN } from './fingerprint.js';
import { identityRoleSchema, organisationSchema, personNameSchema, type IdentityFacts } from './role.js';

/**
 * Public keys as they travel in cards, rosters and manifests: base64 SPKI DER. The bound
 * (an SPKI of P-256 is 91 bytes) keeps hostile input small; import checks the curve.
 */
export const spkiBase64Schema = z.string().min(100).max(200).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 SPKI DER');

/**
 * An identity card (身份卡): who a person is and their public keys. It travels as an
 * `identity-card` package signed by its owner, content NOT encrypted: it is public, and the
 * secretariat must read it before it knows the sender. Self-signed proves only that the
 * sender holds the key; trust comes from comparing the fingerprint by phone or in person.
 */
export const identityCardSchema = z.strictObject({
  name: personNameSchema,
  organisation: organisationSchema,
  role: identityRoleSchema,
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  signingKey: spkiBase64Schema,
  encryptionKey: spkiBase64Schema,
  fingerprint: z.string().regex(FINGERPRINT_PATTERN),
});
export type IdentityCard = z.infer<typeof identityCardSchema>;

export async function makeIdentityCard(facts: IdentityFacts, keys: PublicKeys): Promise<IdentityCard> {
  const spki = decodeBase64(keys.signingKey);
  if (!spki) throw new Error('signing key is not base64');
  return {
    ...facts,
    keyId: await keyIdOf(spki),
    signingKey: keys.signingKey,
    encryptionKey: keys.encryptionKey,
    fingerprint: await fingerprintOf(spki),
  };
}

/**
 * Checks what zod cannot: the key id and fingerprint are those of the signing key, and both
 * keys are P-256 keys of the right kind. Used for cards and for roster members alike.
 */
export async function checkCardKeys(card: Pick<IdentityCard, 'keyId' | 'signingKey' | 'encryptionKey' | 'fingerprint'>): Promise<Result<void, string>> {
  const signing = decodeBase64(card.signingKey);
  const encryption = decodeBase64(card.encryptionKey);
  if (!signing || !encryption) return err('a public key is not base64');
  if ((await keyIdOf(signing)) !== card.keyId) return err('key id does not match the signing key');
  if ((await fingerprintOf(signing)) !== card.fingerprint) return err('fingerprint does not match the signing key');
  try {
    await crypto.subtle.importKey('spki', signing as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    await crypto.subtle.importKey('spki', encryption as Uint8Array<ArrayBuffer>, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  } catch {
    return err('a public key is not a P-256 key');
  }
  return ok(undefined);
}
