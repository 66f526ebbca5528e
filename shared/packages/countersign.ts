import { bs } from '../crypto/buffer-source.js';
import { derSignatureToRaw, rawSignatureToDer } from '../crypto/ecdsa-signature.js';
import type { KeyHolder } from '../crypto/key-holder.js';
import { decodeBase64, importVerifyingKey } from '../crypto/spki.js';
import { toBase64 } from '../util/bytes.js';

/**
 * A member's countersignature of the report: ECDSA P-256 / SHA-256 over the PDF's bytes,
 * DER, base64. Anyone can check it with the member's signing key, with this function or
 * with `openssl dgst -sha256 -verify member.pem -signature sig.der report.pdf`.
 */
export async function signReportPdf(keys: KeyHolder, pdf: Uint8Array): Promise<string> {
  return toBase64(rawSignatureToDer(await keys.sign(pdf)));
}

export async function verifyReportSignature(signingKey: string, pdf: Uint8Array, signature: string): Promise<boolean> {
  const spki = decodeBase64(signingKey);
  const der = decodeBase64(signature);
  if (!spki || !der) return false;
  const raw = derSignatureToRaw(der);
  if (!raw.ok) return false;
  try {
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await importVerifyingKey(spki), bs(raw.value), bs(pdf));
  } catch {
    return false;
  }
}
