/**
 * JSON an attacker can write and sign: nested deeper than any recursive reader survives,
 * strings and arrays of megabytes, keys that pollute prototypes, bytes that are not UTF-8.
 * Built as text, since most of it cannot be built as objects and serialised.
 */
import { canonicalJson } from '../../shared/util/canonical-json.js';
import type { Rng } from './rng.js';

/** `[[[…0…]]]` (or `{"a":{"a":…}}`) `depth` levels deep, as text. */
export function deepJsonText(depth: number, objects: boolean): string {
  return objects ? '{"a":'.repeat(depth) + '0' + '}'.repeat(depth) : '['.repeat(depth) + '0' + ']'.repeat(depth);
}

const made = new Map<string, string>();
/** Big texts are made once per run: building them would cost more than reading them. */
function memo(key: string, make: () => string): string {
  let text = made.get(key);
  if (text === undefined) made.set(key, (text = make()));
  return text;
}

/** Sizes: mostly moderate, now and then the largest (which cost tens of ms each to refuse). */
const size = (r: Rng, usual: readonly number[], rare: number) => (r.chance(0.05) ? rare : r.pick(usual));

export function hostileValueText(r: Rng): { what: string; text: string } {
  switch (r.int(0, 7)) {
    case 0: {
      const depth = size(r, [1_000, 10_000, 100_000], 400_000);
      const objects = r.chance(0.5);
      return { what: `nested ${depth}`, text: memo(`nested ${depth} ${objects}`, () => deepJsonText(depth, objects)) };
    }
    case 1: {
      const n = size(r, [70_000, 300_000], 3_000_000);
      const wide = r.chance(0.5);
      return { what: `string ${n}`, text: memo(`string ${n} ${wide}`, () => JSON.stringify(wide ? '评'.repeat(n / 3) : 'x'.repeat(n))) };
    }
    case 2: {
      const n = size(r, [10_001, 100_000], 500_000);
      const item = r.pick(['0', '{}']);
      return { what: `array ${n}`, text: memo(`array ${n} ${item}`, () => `[${new Array<string>(n).fill(item).join(',')}]`) };
    }
    case 3:
      return { what: 'proto', text: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}' };
    case 4:
      return { what: 'lone surrogate', text: '"\\ud800x"' };
    case 5:
      return { what: 'huge number', text: r.pick(['1e400', '-1e400', '123456789012345678901234567890', '-0', '0.1e-400']) };
    case 6: {
      const n = size(r, [5_000], 50_000);
      return { what: 'object of many keys', text: memo(`keys ${n}`, () => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`) };
    }
    default:
      return { what: 'wrong kind', text: r.pick(['null', 'true', '""', '[]', '{}', '-1', '1.5', '"1"']) };
  }
}

/** Bytes that are not UTF-8, of the kinds decoders get wrong. */
export function invalidUtf8(r: Rng): Uint8Array {
  return r.pick([
    Uint8Array.of(0xff),
    Uint8Array.of(0xc0, 0x80), // overlong NUL
    Uint8Array.of(0xed, 0xa0, 0x80), // an encoded surrogate
    Uint8Array.of(0xe8, 0xaf), // a cut multi-byte character
    Uint8Array.of(0xf4, 0x90, 0x80, 0x80), // beyond U+10FFFF
    Uint8Array.of(0x80),
    Uint8Array.of(0xfe, 0xfe, 0xff, 0xff),
  ]);
}

/** Whether bytes decode as UTF-8: a splice can complete a character as easily as break one. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** `insert` in place of up to `remove` bytes at `at`; near the end fewer are removed (as many as there are). */
export function spliceBytes(into: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  remove = Math.max(0, Math.min(remove, into.length - at));
  const out = new Uint8Array(into.length - remove + insert.length);
  out.set(into.subarray(0, at));
  out.set(insert, at);
  out.set(into.subarray(at + remove), at + insert.length);
  return out;
}

/** Every path to a value in a parsed JSON tree (objects and arrays), root excluded. */
export function jsonPaths(value: unknown, limit = 5000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (out.length >= limit) return;
    const children: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : v && typeof v === 'object' ? Object.entries(v) : [];
    for (const [k, x] of children) {
      out.push([...path, k]);
      walk(x, [...path, k]);
    }
  };
  walk(value, []);
  return out;
}

/**
 * The canonical-ish text of `value` with the node at `path` replaced by raw JSON text (which
 * may not be expressible as a JS value at all), or with `key: text` added to the object there.
 */
export function replaceAtPath(value: unknown, path: readonly (string | number)[], rawText: string, mode: 'replace' | 'add-key', key = 'x'): string {
  const marker = '\u0000FUZZ-MARKER\u0000';
  const clone = structuredClone(value) as Record<string | number, unknown>;
  if (mode === 'replace') {
    let parent: Record<string | number, unknown> = clone;
    for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
    parent[path[path.length - 1]!] = marker;
  } else {
    let node: Record<string | number, unknown> = clone;
    for (const p of path) node = node[p] as Record<string | number, unknown>;
    Object.defineProperty(node, key, { value: marker, enumerable: true, configurable: true, writable: true });
  }
  // Canonical around the hostile part, so the importer's canonical-form check is not what stops it.
  return canonicalJson(clone).replace(JSON.stringify(marker), rawText);
}
