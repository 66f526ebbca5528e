import { sha256 } from '../util/bytes.js';

/**
 * A fingerprint two people read to each other over the phone before trusting a card:
 * 20 decimal digits in 4 groups of 5, from SHA-256 over the signing key's SPKI DER. Each
 * group is 5 bytes of the hash read big-endian, modulo 100000 (Signal's safety numbers do
 * the same); the bias of 2^40 mod 10^5 is below one part in ten million. About 66 bits:
 * enough against a forger who must find a key matching a given fingerprint.
 */
export async function fingerprintOf(signingSpki: Uint8Array): Promise<string> {
  const hash = await sha256(signingSpki);
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 256 + hash[g * 5 + i]!;
    groups.push(String(n % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}

export const FINGERPRINT_PATTERN = /^\d{5} \d{5} \d{5} \d{5}$/;
