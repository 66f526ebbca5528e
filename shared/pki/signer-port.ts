/**
 * Private keys never leave their holder (the host bridge's `keys.sign`), so everything in
 * shared/pki signs through this port: ECDSA P-256 over SHA-256 of `data`, returning
 * WebCrypto's raw r‖s (64 bytes). Public keys travel as SPKI DER.
 */
export type SignPort = (data: Uint8Array) => Promise<Uint8Array>;

export interface SigningIdentity {
  sign: SignPort;
  /** SubjectPublicKeyInfo DER of the key behind `sign`. */
  spki: Uint8Array;
}

/** pkijs and WebCrypto type their inputs as ArrayBuffer-backed: the one cast in shared/crypto. */
export { bs as bufferSource } from '../crypto/buffer-source.js';
