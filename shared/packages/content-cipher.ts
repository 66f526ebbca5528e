import { bs, randomBytes } from '../crypto/buffer-source.js';
import { importEcdhPublicKey, exportSpki, ECDH_P256 } from '../crypto/spki.js';
import type { KeyHolder } from '../crypto/key-holder.js';

/**
 * Content encryption. Each encrypted entry is `IV (12 random bytes) ‖ AES-256-GCM
 * ciphertext ‖ tag (16 bytes)` under the package's content key, with the entry's name as
 * additional authenticated data, so entries cannot be swapped. The content key is wrapped
 * for each recipient: a fresh ephemeral ECDH P-256 key pair, the shared secret through
 * HKDF-SHA-256 (32-byte random salt, info naming package and recipient) to an AES-256-GCM
 * key that encrypts the content key (IV ‖ ciphertext ‖ tag again, no AAD).
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newContentKey(): Uint8Array {
  return randomBytes(32);
}

async function aesKey(raw: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bs(raw), 'AES-GCM', false, [usage]);
}

async function seal(key: CryptoKey, plaintext: Uint8Array, aad: Uint8Array | null): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const params: AesGcmParams = aad ? { name: 'AES-GCM', iv: bs(iv), additionalData: bs(aad) } : { name: 'AES-GCM', iv: bs(iv) };
  const ct = new Uint8Array(await crypto.subtle.encrypt(params, key, bs(plaintext)));
  const out = new Uint8Array(IV_BYTES + ct.length);
  out.set(iv);
  out.set(ct, IV_BYTES);
  return out;
}

/** Throws when the tag does not verify: callers classify it. */
async function unseal(key: CryptoKey, sealed: Uint8Array, aad: Uint8Array | null): Promise<Uint8Array> {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed data too short');
  const iv = sealed.subarray(0, IV_BYTES);
  const params: AesGcmParams = aad ? { name: 'AES-GCM', iv: bs(iv), additionalData: bs(aad) } : { name: 'AES-GCM', iv: bs(iv) };
  return new Uint8Array(await crypto.subtle.decrypt(params, key, bs(sealed.subarray(IV_BYTES))));
}

export async function encryptEntry(contentKey: Uint8Array, name: string, plaintext: Uint8Array): Promise<Uint8Array> {
  return seal(await aesKey(contentKey, 'encrypt'), plaintext, new TextEncoder().encode(name));
}

export async function decryptEntry(contentKey: Uint8Array, name: string, sealed: Uint8Array): Promise<Uint8Array> {
  return unseal(await aesKey(contentKey, 'decrypt'), sealed, new TextEncoder().encode(name));
}

async function kekFrom(sharedSecret: Uint8Array, salt: Uint8Array, info: string, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', bs(sharedSecret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: bs(salt), info: bs(new TextEncoder().encode(info)) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

export interface WrappedKey {
  ephemeralKey: Uint8Array;
  hkdfSalt: Uint8Array;
  wrappedKey: Uint8Array;
}

export async function wrapContentKey(contentKey: Uint8Array, recipientEncryptionSpki: Uint8Array, info: string): Promise<WrappedKey> {
  const recipient = await importEcdhPublicKey(recipientEncryptionSpki);
  const ephemeral = await crypto.subtle.generateKey(ECDH_P256, false, ['deriveBits']);
  const secret = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: recipient }, ephemeral.privateKey, 256));
  const hkdfSalt = randomBytes(32);
  const kek = await kekFrom(secret, hkdfSalt, info, 'encrypt');
  return { ephemeralKey: await exportSpki(ephemeral.publicKey), hkdfSalt, wrappedKey: await seal(kek, contentKey, null) };
}

/** The content key, or throws (wrong key holder, altered wrap): callers classify it. */
export async function unwrapContentKey(holder: KeyHolder, wrapped: WrappedKey, info: string): Promise<Uint8Array> {
  const secret = await holder.deriveBits(wrapped.ephemeralKey);
  const key = await unseal(await kekFrom(secret, wrapped.hkdfSalt, info, 'decrypt'), wrapped.wrappedKey, null);
  if (key.length !== 32) throw new Error('content key is not 32 bytes');
  return key;
}
