import { describe, expect, it } from 'vitest';
import { fromBase64, latin1Text, toBase64 } from '../../shared/util/bytes.js';

describe('latin1Text', () => {
  it('maps every byte to the char of the same code, across chunk boundaries', () => {
    const bytes = new Uint8Array(3 * 0x2000 + 17).map((_, i) => (i * 7 + (i >> 8)) & 0xff);
    const text = latin1Text(bytes);
    expect(text.length).toBe(bytes.length);
    for (let i = 0; i < bytes.length; i++) if (text.charCodeAt(i) !== bytes[i]) expect.fail(`byte ${i}: ${text.charCodeAt(i)} ≠ ${bytes[i]}`);
    expect(latin1Text(new Uint8Array(0))).toBe('');
  });

  it('gives base64 that decodes to the same bytes', () => {
    const bytes = new Uint8Array(0x2000 * 2 + 3).map((_, i) => (i * 31) & 0xff);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(toBase64(new Uint8Array([0xff, 0x00, 0x80]))).toBe('/wCA');
  });
});
