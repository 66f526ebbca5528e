import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Sync } from '../../shared/history/sha256-sync.js';
import { sha256Hex, toHex } from '../../shared/util/bytes.js';

const hex = (s: string) => toHex(sha256Sync(new TextEncoder().encode(s)));

describe('synchronous SHA-256', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with WebCrypto at every padding boundary and on random input', async () => {
    for (let n = 0; n <= 130; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(toHex(sha256Sync(bytes))).toBe(await sha256Hex(bytes));
    }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expect(toHex(sha256Sync(bytes))).toBe(await sha256Hex(bytes));
      }),
      { numRuns: 200 },
    );
  });
});
