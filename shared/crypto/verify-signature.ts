import { err, ok, type Result } from '../util/result.js';
import { bs } from './buffer-source.js';
import { derSignatureToRaw } from './ecdsa-signature.js';
import { signedBytes, type SignRequest } from './sign-request.js';
import { importVerifyingKey } from './spki.js';

/**
 * Checks a DER signature of ours (low S, see ecdsa-signature.ts) over a request's data for its
 * purpose, with the signer's SPKI DER key. The reason says which of the three failed: the
 * encoding, the key, or the signature itself.
 */
export async function verifyPurposeSignature(spki: Uint8Array, request: SignRequest, signatureDer: Uint8Array): Promise<Result<void, string>> {
  const raw = derSignatureToRaw(signatureDer);
  if (!raw.ok) return err(`signature encoding: ${raw.error}`);
  let key: CryptoKey;
  try {
    key = await importVerifyingKey(spki);
  } catch {
    return err('the signer key is not an ECDSA P-256 key');
  }
  const good = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, bs(raw.value), bs(signedBytes(request)));
  return good ? ok(undefined) : err(`the ${request.purpose} signature does not verify`);
}
