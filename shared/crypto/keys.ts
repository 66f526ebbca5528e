import type { PublicKeys } from '../bridge/contract.js';
import { toBase64 } from '../util/bytes.js';
import { bs } from './buffer-source.js';
import { ECDH_P256, ECDSA_P256, exportSpki } from './spki.js';

/** One person's two key pairs: ECDSA P-256 to sign, ECDH P-256 to receive content keys. */
export interface IdentityKeyPairs {
  signing: CryptoKeyPair;
  encryption: CryptoKeyPair;
}

/**
 * New key pairs. `extractable` is true only where the private keys must be written out (the
 * CLI's key files, the secretariat's backup); a browser host keeps them non-extractable.
 */
export async function generateIdentityKeyPairs(extractable: boolean): Promise<IdentityKeyPairs> {
  const signing = await crypto.subtle.generateKey(ECDSA_P256, extractable, ['sign', 'verify']);
  const encryption = await crypto.subtle.generateKey(ECDH_P256, extractable, ['deriveBits']);
  return { signing, encryption };
}

export async function publicKeysOf(pairs: IdentityKeyPairs): Promise<PublicKeys> {
  return {
    signingKey: toBase64(await exportSpki(pairs.signing.publicKey)),
    encryptionKey: toBase64(await exportSpki(pairs.encryption.publicKey)),
  };
}

export async function exportPkcs8(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
}

/**
 * Key pairs from PKCS#8. WebCrypto cannot derive a public key from a private one directly,
 * so the private key is imported extractable once, exported as JWK (which carries x and y)
 * and the public key rebuilt from that; the private key kept is non-extractable.
 */
export async function importIdentityKeyPairs(signingPkcs8: Uint8Array, encryptionPkcs8: Uint8Array): Promise<IdentityKeyPairs> {
  const signing = await pairFromPkcs8(signingPkcs8, ECDSA_P256, ['sign'], ['verify']);
  const encryption = await pairFromPkcs8(encryptionPkcs8, ECDH_P256, ['deriveBits'], []);
  return { signing, encryption };
}

async function pairFromPkcs8(
  pkcs8: Uint8Array,
  algorithm: EcKeyImportParams,
  privateUsages: KeyUsage[],
  publicUsages: KeyUsage[],
): Promise<CryptoKeyPair> {
  const probe = await crypto.subtle.importKey('pkcs8', bs(pkcs8), algorithm, true, privateUsages);
  const jwk = await crypto.subtle.exportKey('jwk', probe);
  const publicJwk: JsonWebKey = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true };
  const publicKey = await crypto.subtle.importKey('jwk', publicJwk, algorithm, true, publicUsages);
  const privateKey = await crypto.subtle.importKey('pkcs8', bs(pkcs8), algorithm, false, privateUsages);
  return { publicKey, privateKey };
}

/** Both private keys as PKCS#8 DER, for a key file; the pairs must be extractable. */
export async function exportPrivateKeys(pairs: IdentityKeyPairs): Promise<{ signingPkcs8: Uint8Array; encryptionPkcs8: Uint8Array }> {
  return { signingPkcs8: await exportPkcs8(pairs.signing.privateKey), encryptionPkcs8: await exportPkcs8(pairs.encryption.privateKey) };
}
