import type { PublicKeys } from '../bridge/contract.js';
import { bs } from './buffer-source.js';
import { importIdentityKeyPairs, publicKeysOf, type IdentityKeyPairs } from './keys.js';
import { signedBytes, type SignRequest } from './sign-request.js';
import { importEcdhPublicKey } from './spki.js';

/**
 * Whatever holds a person's private keys and uses them without revealing them: exactly the
 * `keys` group of the host bridge (shared/bridge/contract.ts), unwrapped from BridgeResult.
 * The package writer and importer only ever see this interface.
 */
export interface KeyHolder {
  publicKeys(): Promise<PublicKeys>;
  /**
   * ECDSA P-256 / SHA-256 over `signedBytes(request)` (the purpose bound in, see
   * sign-request.ts); raw r‖s, 64 bytes.
   */
  sign(request: SignRequest): Promise<Uint8Array>;
  /** ECDH P-256 with a peer's SPKI DER public key; 32 bytes. */
  deriveBits(peerSpki: Uint8Array): Promise<Uint8Array>;
}

/** A key holder over CryptoKeys in this process: the CLI, tests and `zqa demo`. */
export async function softwareKeyHolder(pairs: IdentityKeyPairs): Promise<KeyHolder> {
  const publicKeys = await publicKeysOf(pairs);
  return {
    publicKeys: () => Promise.resolve({ ...publicKeys }),
    async sign(request) {
      const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pairs.signing.privateKey, bs(signedBytes(request)));
      return new Uint8Array(sig);
    },
    async deriveBits(peerSpki) {
      const peer = await importEcdhPublicKey(peerSpki);
      const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, pairs.encryption.privateKey, 256);
      return new Uint8Array(bits);
    },
  };
}

export async function softwareKeyHolderFromPkcs8(signingPkcs8: Uint8Array, encryptionPkcs8: Uint8Array): Promise<KeyHolder> {
  return softwareKeyHolder(await importIdentityKeyPairs(signingPkcs8, encryptionPkcs8));
}
