import { bytesEqual } from '../util/bytes.js';
import { canonicalJsonBytes } from '../util/canonical-json.js';

/**
 * `manifest.json` and `content.json` hold exactly the canonical JSON (RFC 8785) of what they
 * parse to, byte for byte (docs/package-format.md §1). Compared as bytes, not as decoded text:
 * `TextDecoder` drops a leading byte-order mark, so a text comparison let one through.
 */

/** The UTF-8 encoding of U+FEFF (byte-order mark, zero-width no-break space). */
const BOM = [0xef, 0xbb, 0xbf] as const;

/** Where a byte-order mark sits in the bytes, or -1. Canonical JSON never needs one, anywhere. */
export function byteOrderMarkAt(bytes: Uint8Array): number {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === BOM[0] && bytes[i + 1] === BOM[1] && bytes[i + 2] === BOM[2]) return i;
  }
  return -1;
}

/** Why these bytes are not the canonical form of `parsed` (what they parsed to), or null. */
export function canonicalBytesProblem(bytes: Uint8Array, parsed: unknown, name: string): string | null {
  const bom = byteOrderMarkAt(bytes);
  if (bom >= 0) return `${name} holds a byte-order mark (U+FEFF) at byte ${bom}`;
  let canonical: Uint8Array;
  try {
    canonical = canonicalJsonBytes(parsed);
  } catch {
    // e.g. a lone surrogate or 1e400: no canonical form at all, so never hashed or signed again.
    return `${name} has no canonical JSON form (RFC 8785)`;
  }
  return bytesEqual(canonical, bytes) ? null : `${name} is not canonical JSON (RFC 8785)`;
}

/** A string as a writer puts it into a package: U+FEFF is invisible, so it is dropped, never refused. */
export function withoutByteOrderMarks<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\ufeff', '') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withoutByteOrderMarks(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutByteOrderMarks(v)])) as T;
  }
  return value;
}
