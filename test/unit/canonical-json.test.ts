import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from '../../shared/util/canonical-json.js';
import { fromBase64, sha256Hex, toBase64 } from '../../shared/util/bytes.js';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    // RFC 8785 §3.2.3's own example: € (U+20AC) sorts before 😀 (D83D DE00) before U+FB33.
    expect(canonicalJson({ '\ufb33': 4, b: 1, a: [true, null, 'x'], '\u20ac': 1, '\ud83d\ude00': 2, '\u0080': 3 })).toBe(
      '{"a":[true,null,"x"],"b":1,"\u0080":3,"\u20ac":1,"\ud83d\ude00":2,"\ufb33":4}',
    );
  });
  it('serialises numbers as ECMAScript does', () => {
    expect(canonicalJson([1e21, 0.1, -0, 100, 1.5e-7])).toBe('[1e+21,0.1,0,100,1.5e-7]');
  });
  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: new Date() })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson('\ud800')).toThrow(CanonicalJsonError);
  });
});

describe('bytes', () => {
  it('round-trips base64 and hashes like sha256sum', async () => {
    const data = new TextEncoder().encode('评审');
    expect(fromBase64(toBase64(data))).toEqual(data);
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
