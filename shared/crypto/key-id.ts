import { sha256, toHex } from '../util/bytes.js';

/**
 * A key id names a person's identity in manifests and rosters: the first 16 bytes of
 * SHA-256 over the signing key's SPKI DER, as 32 lower-case hex digits. It is derived, so
 * a reader recomputes it from `signingKey` and refuses a manifest where the two disagree.
 */
export async function keyIdOf(signingSpki: Uint8Array): Promise<string> {
  return toHex((await sha256(signingSpki)).subarray(0, 16));
}
