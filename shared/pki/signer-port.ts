import type { SignRequest } from '../crypto/sign-request.js';

/**
 * Private keys never leave their holder (the host bridge's `keys.sign`), so everything in
 * shared/pki signs through this port: ECDSA P-256 over SHA-256 of the request's signed bytes
 * (the purpose is bound in, shared/crypto/sign-request.ts), returning WebCrypto's raw r‖s
 * (64 bytes). A `KeyHolder`'s `sign` is one. The code that builds a structure names its
 * purpose (certificates 'certificate', the report's CMS 'report-cms'), never the caller.
 * Public keys travel as SPKI DER.
 */
export type SignPort = (request: SignRequest) => Promise<Uint8Array>;

export interface SigningIdentity {
  sign: SignPort;
  /** SubjectPublicKeyInfo DER of the key behind `sign`. */
  spki: Uint8Array;
}

/** pkijs and WebCrypto type their inputs as ArrayBuffer-backed: the one cast in shared/crypto. */
export { bs as bufferSource } from '../crypto/buffer-source.js';
