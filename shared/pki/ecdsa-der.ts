/**
 * ECDSA signatures in two encodings. WebCrypto speaks raw r‖s (IEEE P1363); X.509, CMS and
 * openssl want the DER `SEQUENCE { INTEGER r, INTEGER s }` of RFC 3279.
 */
const P256_HALF = 32;

export function rawToDerSignature(raw: Uint8Array): Uint8Array {
  if (raw.length !== 2 * P256_HALF) throw new Error(`an ECDSA P-256 signature is ${2 * P256_HALF} bytes raw, got ${raw.length}`);
  const r = derInteger(raw.subarray(0, P256_HALF));
  const s = derInteger(raw.subarray(P256_HALF));
  return new Uint8Array([0x30, r.length + s.length, ...r, ...s]);
}

export function derToRawSignature(der: Uint8Array): Uint8Array {
  const fail = (why: string): never => {
    throw new Error(`not a DER ECDSA signature: ${why}`);
  };
  if (der[0] !== 0x30) fail('no SEQUENCE');
  if (der[1] !== der.length - 2) fail('length mismatch');
  const out = new Uint8Array(2 * P256_HALF);
  let at = 2;
  for (const half of [0, 1]) {
    if (der[at] !== 0x02) fail('no INTEGER');
    const len = der[at + 1] ?? fail('truncated');
    let bytes = der.subarray(at + 2, at + 2 + len);
    if (bytes.length !== len) fail('truncated');
    while (bytes.length > P256_HALF && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > P256_HALF) fail('integer too long for P-256');
    out.set(bytes, half * P256_HALF + P256_HALF - bytes.length);
    at += 2 + len;
  }
  if (at !== der.length) fail('trailing bytes');
  return out;
}

/** Minimal two's-complement INTEGER: strip leading zeros, keep the value positive. */
function derInteger(unsigned: Uint8Array): number[] {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const body = [...unsigned.subarray(start)];
  if ((body[0] ?? 0) & 0x80) body.unshift(0);
  return [0x02, body.length, ...body];
}
