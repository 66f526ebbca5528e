import { derSignatureToRaw, rawSignatureToDer } from '../crypto/ecdsa-signature.js';
import { bufferSource, type SignPort } from './signer-port.js';

/**
 * A member's countersignature: a detached ECDSA P-256 / SHA-256 signature over the signed
 * report PDF's bytes, DER-encoded, so that
 * `openssl dgst -sha256 -verify member.pem -signature cs.der report.pdf` checks it.
 */
export async function countersign(pdf: Uint8Array, sign: SignPort): Promise<Uint8Array> {
  return rawSignatureToDer(await sign(pdf));
}

export async function verifyCountersignature(pdf: Uint8Array, signatureDer: Uint8Array, memberSpki: Uint8Array): Promise<boolean> {
  const decoded = derSignatureToRaw(signatureDer);
  if (!decoded.ok) return false;
  const raw = decoded.value;
  try {
    const key = await crypto.subtle.importKey('spki', bufferSource(memberSpki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, bufferSource(raw), bufferSource(pdf));
  } catch {
    // A key that is not a P-256 SPKI (hostile or damaged input) verifies nothing: say "no".
    return false;
  }
}
