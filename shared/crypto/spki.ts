import { fromBase64 } from '../util/bytes.js';
import { bs } from './buffer-source.js';

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** An ECDSA P-256 public key from SPKI DER, for verifying; throws if it is not one. */
export async function importVerifyingKey(spki: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', bs(spki), ECDSA, true, ['verify']);
}

/** An ECDH P-256 public key from SPKI DER (a recipient's or an ephemeral sender key). */
export async function importEcdhPublicKey(spki: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', bs(spki), ECDH, true, []);
}

export async function exportSpki(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('spki', key));
}


/** Strict base64 (standard alphabet, padded) to bytes, or null: keys arrive from files. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

export const ECDSA_P256 = ECDSA;
export const ECDH_P256 = ECDH;
