import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { validateCriteriaSet, type CriteriaErrorCode } from '../../shared/criteria/validate-criteria-set.js';
import { deepJsonText } from '../fuzz/hostile-json.js';

/**
 * Criteria sets arrive inside assignment packages (Art. 16 sector variants), so
 * validateCriteriaSet meets whatever a sender signs. Structure-aware mutations of the
 * built-in set, each with the outcome it must have, plus arbitrary values: it never
 * throws; it accepts only a set whose arithmetic holds; it refuses with clear errors.
 */
type Json = Record<string, unknown>;
type Item = Json & { id: string; points: number };
type Category = Json & { id: string; points: number; items: Item[] };
type Expect = { valid: true } | { valid: false; code: CriteriaErrorCode };
interface Case {
  what: string;
  input: unknown;
  expect: Expect | null;
}

const CODES: readonly CriteriaErrorCode[] = ['schema', 'duplicate-id', 'item-sum', 'category-sum'];
const base = (): Json & { categories: Category[] } => JSON.parse(JSON.stringify(GBT19580_2012)) as Json & { categories: Category[] };

/** Independent arithmetic: every category is the sum of its items, the categories 1000. */
function sumsHold(set: CriteriaSet): boolean {
  const total = set.categories.reduce((n, c) => n + c.points, 0);
  return total === 1000 && set.categories.every((c) => c.items.reduce((n, i) => n + i.points, 0) === c.points);
}

function checkOne(c: Case): void {
  let r: ReturnType<typeof validateCriteriaSet>;
  try {
    r = validateCriteriaSet(c.input);
  } catch (e) {
    throw new Error(`${c.what}: threw ${String(e)}`, { cause: e });
  }
  expect(Object.prototype).not.toHaveProperty('polluted');
  if (r.ok) {
    expect(sumsHold(r.value), c.what).toBe(true);
    const ids = [...r.value.categories.map((x) => x.id), ...r.value.categories.flatMap((x) => x.items.map((i) => i.id))];
    expect(new Set(ids).size, c.what).toBe(ids.length);
    expect(c.expect === null || c.expect.valid, `${c.what}: accepted`).toBe(true);
    return;
  }
  expect(r.error.length, c.what).toBeGreaterThan(0);
  for (const e of r.error) {
    expect(CODES, c.what).toContain(e.code);
    expect(typeof e.path).toBe('string');
    expect(e.message.length, c.what).toBeGreaterThan(0);
    expect(e.message.length, c.what).toBeLessThan(1000);
  }
  if (c.expect?.valid) throw new Error(`${c.what}: refused ${JSON.stringify(r.error.slice(0, 2))}`);
  if (c.expect && !c.expect.valid) expect(r.error.map((e) => e.code), c.what).toContain(c.expect.code);
}

const HOSTILE: [string, () => unknown][] = [
  ['deep array', () => JSON.parse(deepJsonText(50_000, false)) as unknown],
  ['deep object', () => JSON.parse(deepJsonText(50_000, true)) as unknown],
  ['huge string', () => '评'.repeat(1_000_000)],
  ['huge array', () => new Array<number>(200_000).fill(1)],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['1e21', () => 1e21],
  ['2^53+1', () => 2 ** 53 + 1],
  ['-0', () => -0],
  ['1.5', () => 1.5],
  ['string 50', () => '50'],
  ['null', () => null],
  ['object', () => ({})],
  ['proto object', () => JSON.parse('{"__proto__":{"polluted":true}}') as unknown],
];

/** One structure-aware mutation, chosen by the numbers fast-check draws. */
function mutate(kind: number, a: number, b: number, k: number, hostile: number): Case {
  const set = base();
  const cat = set.categories[a % set.categories.length]!;
  const other = set.categories[(a + 1 + (b % (set.categories.length - 1))) % set.categories.length]!;
  const item = cat.items[b % cat.items.length]!;
  const sibling = cat.items[(b + 1) % cat.items.length]!;
  const shift = 1 + (k % 20);
  const [hname, hvalue] = HOSTILE[hostile % HOSTILE.length]!;
  switch (kind % 12) {
    case 0: {
      // Points moved between two items of one category: sums still hold.
      const moved = Math.min(shift, item.points - 1);
      if (sibling === item || moved === 0) return { what: 'no-op move', input: set, expect: { valid: true } };
      item.points -= moved;
      sibling.points += moved;
      return { what: `move ${moved} from ${item.id} to ${sibling.id}`, input: set, expect: { valid: true } };
    }
    case 1: {
      // Points moved between categories with one item each way: still 1000.
      const moved = Math.min(shift, item.points - 1);
      if (moved === 0) return { what: 'no-op', input: set, expect: { valid: true } };
      item.points -= moved;
      cat.points -= moved;
      other.items[0]!.points += moved;
      other.points += moved;
      return { what: `move ${moved} from ${cat.id} to ${other.id}`, input: set, expect: { valid: true } };
    }
    case 2:
      item.points += shift;
      return { what: `${item.id} +${shift} alone`, input: set, expect: { valid: false, code: 'item-sum' } };
    case 3:
      item.points += shift;
      cat.points += shift;
      return { what: `${cat.id} and ${item.id} +${shift}`, input: set, expect: { valid: false, code: 'category-sum' } };
    case 4:
      item.id = sibling === item ? other.id : sibling.id;
      return { what: `${item.id} id reused`, input: set, expect: { valid: false, code: 'duplicate-id' } };
    case 5:
      item.kind = ['Process', 'result', 'results ', 1, null, ''][k % 6];
      return { what: `kind ${JSON.stringify(item.kind)}`, input: set, expect: { valid: false, code: 'schema' } };
    case 6: {
      const field = ['points', 'id', 'name', 'kind', 'nameEn'][k % 5]!;
      const target = k % 2 ? item : cat;
      const value = hvalue();
      target[field] = value;
      // '50' is a fine id or name; only a duplicate could make it wrong.
      const maybeValid = typeof value === 'string' && value.length < 100 && field !== 'points' && field !== 'kind';
      return { what: `${field} = ${hname}`, input: set, expect: maybeValid ? null : { valid: false, code: 'schema' } };
    }
    case 7: {
      const key = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'][k % 5]!;
      const target = [set, cat, item][b % 3]!;
      Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      // Through JSON, as a package would carry it: an own key of that name.
      return { what: `own key ${key}`, input: JSON.parse(JSON.stringify(set)) as unknown, expect: { valid: false, code: 'schema' } };
    }
    case 8:
      delete (k % 2 ? item : cat)[['id', 'points', 'name', 'nameEn'][k % 4]!];
      return { what: 'key removed', input: set, expect: { valid: false, code: 'schema' } };
    case 9:
      set.totalPoints = [999, 1001, 0, '1000', 1e3 + 1e-9][k % 5];
      return { what: `totalPoints ${String(set.totalPoints)}`, input: set, expect: { valid: false, code: 'schema' } };
    case 10:
      cat.items = k % 2 ? [] : Array.from({ length: 51 + (k % 1000) }, (_, i) => ({ ...item, id: `x${i}` }));
      return { what: `items × ${cat.items.length}`, input: set, expect: { valid: false, code: 'schema' } };
    default:
      return { what: `whole set = ${hname}`, input: hvalue(), expect: { valid: false, code: 'schema' } };
  }
}

describe('validateCriteriaSet under hostile input', () => {
  it('the built-in set is valid (the oracle agrees)', () => {
    checkOne({ what: 'GB/T 19580-2012', input: base(), expect: { valid: true } });
  }, 60_000);

  it('structure-aware mutations have exactly the outcome they must', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (kind, a, b, k, h) => checkOne(mutate(kind, a, b, k, h))),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('arbitrary values, and sets with arbitrary parts, never throw and are judged by the oracle', () => {
    const anyJson = fc.jsonValue({ maxDepth: 6 });
    fc.assert(fc.property(anyJson, (v) => checkOne({ what: JSON.stringify(v).slice(0, 80), input: v, expect: null })), { numRuns: 1000 });
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true, withMap: true }), (a, b, v) => {
        const set = base();
        const cat = set.categories[a % set.categories.length]!;
        cat.items[b % cat.items.length] = v as never;
        checkOne({ what: 'item replaced by anything', input: set, expect: null });
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
