import { err, ok, type Result } from '../util/result.js';

/**
 * WebCrypto signs ECDSA P-256 as raw r‖s (64 bytes); openssl, CMS and our manifest.sig want
 * the DER form `SEQUENCE { INTEGER r, INTEGER s }`. Both directions, strict: a reader must
 * refuse a malformed DER rather than guess.
 *
 * Low S: for every valid (r, s) the pair (r, n − s) verifies too, so a signature could be
 * rewritten into a second valid one. Writers always emit the low form (s ≤ n/2) and readers
 * of our own signatures (`lowS: 'required'`) refuse the high one, so each signed thing has
 * exactly one signature encoding (docs/package-format.md, "Signatures").
 */
const COORD = 32;
/** The order n of P-256's base point. */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = N >> 1n;

function toBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function fromBigInt(v: bigint): Uint8Array {
  const out = new Uint8Array(COORD);
  for (let i = COORD - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** The same signature with s in the lower half of the group order. */
export function lowS(raw: Uint8Array): Uint8Array {
  const s = toBigInt(raw.subarray(COORD));
  // s ≥ n is no signature at all (verification refuses it): left as it is, not "fixed".
  if (s <= HALF_N || s >= N) return raw;
  const out = new Uint8Array(raw);
  out.set(fromBigInt(N - s), COORD);
  return out;
}

function derInteger(coord: Uint8Array): Uint8Array {
  let start = 0;
  while (start < coord.length - 1 && coord[start] === 0) start++;
  const body = coord.subarray(start);
  // A leading 1 bit would read as negative: DER prefixes a zero byte.
  const pad = body[0]! & 0x80 ? 1 : 0;
  const out = new Uint8Array(2 + pad + body.length);
  out[0] = 0x02;
  out[1] = pad + body.length;
  out.set(body, 2 + pad);
  return out;
}

export function rawSignatureToDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== 2 * COORD) throw new Error(`raw P-256 signature must be 64 bytes, got ${raw.length}`);
  const low = lowS(raw);
  const r = derInteger(low.subarray(0, COORD));
  const s = derInteger(low.subarray(COORD));
  const out = new Uint8Array(2 + r.length + s.length);
  out[0] = 0x30;
  out[1] = r.length + s.length; // at most 70: always the short length form
  out.set(r, 2);
  out.set(s, 2 + r.length);
  return out;
}

function readInteger(der: Uint8Array, at: number): Result<{ value: Uint8Array; next: number }, string> {
  if (der[at] !== 0x02) return err('expected INTEGER');
  const len = der[at + 1];
  if (len === undefined || len === 0 || len > COORD + 1 || at + 2 + len > der.length) return err('bad INTEGER length');
  let value = der.subarray(at + 2, at + 2 + len);
  if (value[0]! & 0x80) return err('negative INTEGER');
  if (value.length > 1 && value[0] === 0 && !(value[1]! & 0x80)) return err('INTEGER not minimally encoded');
  if (value[0] === 0 && value.length > 1) value = value.subarray(1);
  if (value.length > COORD) return err('INTEGER too large for P-256');
  const padded = new Uint8Array(COORD);
  padded.set(value, COORD - value.length);
  return ok({ value: padded, next: at + 2 + len });
}

export function derSignatureToRaw(der: Uint8Array, options: { lowS: 'required' | 'any' } = { lowS: 'required' }): Result<Uint8Array, string> {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return err('not a DER ECDSA signature');
  const r = readInteger(der, 2);
  if (!r.ok) return r;
  const s = readInteger(der, r.value.next);
  if (!s.ok) return s;
  if (s.value.next !== der.length) return err('trailing bytes after signature');
  if (options.lowS === 'required' && toBigInt(s.value.value) > HALF_N) return err('high S: the signature is not in its low-S form');
  const raw = new Uint8Array(2 * COORD);
  raw.set(r.value.value, 0);
  raw.set(s.value.value, COORD);
  return ok(raw);
}
