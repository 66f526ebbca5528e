import { PORTABLE_TAG, type PortableJson } from '../backup/portable-value.js';

/**
 * IndexedDB keys in their portable form (portable-value.ts): numbers (±Infinity tagged),
 * Dates (tagged), strings and arrays of keys. The journal compares them the way IndexedDB
 * does (number < date < string < array; arrays element by element), so a range deleted in
 * the browser deletes the same rows when a checkpoint is folded anywhere else.
 * Binary keys are not used by the app and are refused.
 */
type KeyKind = 0 | 1 | 2 | 3;

function numberOf(key: PortableJson): number | null {
  if (typeof key === 'number') return key;
  if (key && typeof key === 'object' && !Array.isArray(key) && key[PORTABLE_TAG] === 'number' && typeof key['v'] === 'string') {
    const n = Number(key['v']);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

function dateOf(key: PortableJson): number | null {
  if (key && typeof key === 'object' && !Array.isArray(key) && key[PORTABLE_TAG] === 'date' && typeof key['v'] === 'string') {
    const t = Date.parse(key['v']);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

function kindOf(key: PortableJson): KeyKind | null {
  if (numberOf(key) !== null) return 0;
  if (dateOf(key) !== null) return 1;
  if (typeof key === 'string') return 2;
  if (Array.isArray(key)) return 3;
  return null;
}

/** Whether `key` is a valid IndexedDB key in portable form. */
export function isValidKey(key: PortableJson, depth = 0): boolean {
  const kind = kindOf(key);
  if (kind === null || depth > 32) return false;
  return kind !== 3 || (key as PortableJson[]).every((k) => isValidKey(k, depth + 1));
}

/** IndexedDB's order: negative when a sorts first. Both must be valid keys. */
export function compareKeys(a: PortableJson, b: PortableJson): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === null || kb === null) throw new Error('not a valid key');
  if (ka !== kb) return ka - kb;
  switch (ka) {
    case 0:
      return Math.sign(numberOf(a)! - numberOf(b)!);
    case 1:
      return Math.sign(dateOf(a)! - dateOf(b)!);
    case 2:
      // Code unit order, as IndexedDB compares strings.
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    default: {
      const xa = a as PortableJson[];
      const xb = b as PortableJson[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareKeys(xa[i]!, xb[i]!);
        if (c !== 0) return c;
      }
      return Math.sign(xa.length - xb.length);
    }
  }
}

/** A string that names a key exactly (two keys are the same row when their ids are equal). */
export function keyId(key: PortableJson): string {
  const n = numberOf(key);
  // 0 and -0 are one key, whatever their portable form.
  if (n !== null) return `n${String(n)}`;
  const d = dateOf(key);
  if (d !== null) return `d${d}`;
  if (Array.isArray(key)) return `[${key.map(keyId).join(',')}]`;
  return JSON.stringify(key);
}
