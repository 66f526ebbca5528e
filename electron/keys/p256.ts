import type { webcrypto } from 'node:crypto';
import { BridgeFailure } from '../ipc/bridge-failure.js';
import type { PlainKeyMaterial } from './key-file.js';

/** WebCrypto P-256 helpers for the main process (Node's `globalThis.crypto.subtle`). */
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** A copy on a plain ArrayBuffer: what WebCrypto's BufferSource type wants. */
type CryptoKey = webcrypto.CryptoKey;

const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

export interface PrivateKeys {
  signing: CryptoKey;
  encryption: CryptoKey;
}

/** New key pairs, exported once so they can be wrapped and stored; nothing else keeps the exports. */
export async function generateKeyMaterial(): Promise<PlainKeyMaterial> {
  const signing = await crypto.subtle.generateKey(ECDSA, true, ['sign', 'verify']);
  const encryption = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  return {
    signingPkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', signing.privateKey)),
    encryptionPkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', encryption.privateKey)),
    signingSpki: new Uint8Array(await crypto.subtle.exportKey('spki', signing.publicKey)),
    encryptionSpki: new Uint8Array(await crypto.subtle.exportKey('spki', encryption.publicKey)),
  };
}

/** Imports the private keys as non-extractable CryptoKeys: from here on they can sign and derive, not be read. */
export async function importPrivateKeys(material: Pick<PlainKeyMaterial, 'signingPkcs8' | 'encryptionPkcs8'>): Promise<PrivateKeys> {
  try {
    return {
      signing: await crypto.subtle.importKey('pkcs8', own(material.signingPkcs8), ECDSA, false, ['sign']),
      encryption: await crypto.subtle.importKey('pkcs8', own(material.encryptionPkcs8), ECDH, false, ['deriveBits']),
    };
  } catch (error) {
    throw new BridgeFailure('invalid-argument', `不是有效的 P-256 私钥。Not a P-256 private key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The SPKI public key that belongs to a PKCS#8 private key (the JWK without `d`). */
async function publicSpkiOf(pkcs8: Uint8Array, algorithm: typeof ECDSA | typeof ECDH): Promise<Uint8Array> {
  const usages: webcrypto.KeyUsage[] = algorithm.name === 'ECDSA' ? ['sign'] : ['deriveBits'];
  const privateKey = await crypto.subtle.importKey('pkcs8', own(pkcs8), algorithm, true, usages);
  const { d: _d, key_ops: _ops, ...publicJwk } = await crypto.subtle.exportKey('jwk', privateKey);
  const publicKey = await crypto.subtle.importKey('jwk', publicJwk, algorithm, true, algorithm.name === 'ECDSA' ? ['verify'] : []);
  return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
}

export const publicSigningSpkiOf = (pkcs8: Uint8Array) => publicSpkiOf(pkcs8, ECDSA);
export const publicEncryptionSpkiOf = (pkcs8: Uint8Array) => publicSpkiOf(pkcs8, ECDH);

export async function signRaw(key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, own(data)));
}

export async function deriveSharedSecret(key: CryptoKey, peerSpki: Uint8Array): Promise<Uint8Array> {
  let peer: CryptoKey;
  try {
    peer = await crypto.subtle.importKey('spki', own(peerSpki), ECDH, false, []);
  } catch {
    throw new BridgeFailure('invalid-argument', '对方公钥不是有效的 P-256 公钥。The peer public key is not a P-256 SPKI public key.');
  }
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, key, 256));
}
