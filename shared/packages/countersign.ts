import type { KeyHolder } from '../crypto/key-holder.js';
import { decodeBase64 } from '../crypto/spki.js';
import { countersign, verifyCountersignature } from '../pki/countersignature.js';
import { toBase64 } from '../util/bytes.js';

/**
 * A member's countersignature of the report as packages carry it: base64 text around the one
 * definition in `shared/pki/countersignature.ts` (ECDSA P-256 / SHA-256 over the purpose context and
 * the PDF's bytes, DER, low S).
 */
export async function signReportPdf(keys: KeyHolder, pdf: Uint8Array): Promise<string> {
  return toBase64(await countersign(pdf, (request) => keys.sign(request)));
}

export async function verifyReportSignature(signingKey: string, pdf: Uint8Array, signature: string): Promise<boolean> {
  const spki = decodeBase64(signingKey);
  const der = decodeBase64(signature);
  if (!spki || !der) return false;
  return verifyCountersignature(pdf, der, spki);
}
