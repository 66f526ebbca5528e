import { rawSignatureToDer } from '../crypto/ecdsa-signature.js';
import { verifyPurposeSignature } from '../crypto/verify-signature.js';
import type { SignPort } from './signer-port.js';

/**
 * A member's countersignature: a detached ECDSA P-256 / SHA-256 signature, DER, low S, over
 * the countersignature context and the signed report PDF's bytes
 * (`"ZQA-SIG/2 countersignature" ‖ 0x00 ‖ report.pdf`, see shared/crypto/sign-request.ts), so
 * that `(printf 'ZQA-SIG/2 countersignature\0'; cat report.pdf) | openssl dgst -sha256 -verify
 * member.pem -signature cs.der` checks it, and no other kind of signature can pass for one.
 */
export async function countersign(pdf: Uint8Array, sign: SignPort): Promise<Uint8Array> {
  return rawSignatureToDer(await sign({ purpose: 'countersignature', data: pdf }));
}

export async function verifyCountersignature(pdf: Uint8Array, signatureDer: Uint8Array, memberSpki: Uint8Array): Promise<boolean> {
  // A damaged or hostile key or encoding verifies nothing: say "no".
  return (await verifyPurposeSignature(memberSpki, { purpose: 'countersignature', data: pdf }, signatureDer)).ok;
}
