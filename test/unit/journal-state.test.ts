import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { encodePortable, type PortableJson } from '../../shared/backup/portable-value.js';
import { compareKeys, keyId } from '../../shared/journal/idb-key.js';
import { JournalState } from '../../shared/journal/journal-state.js';
import type { JournalRecord } from '../../shared/journal/journal-record.js';

const noBinary = () => {
  throw new Error('no binary keys');
};
const portable = (key: unknown): PortableJson => encodePortable(key, noBinary);

const keyArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  key: fc.oneof(
    { depthSize: 'small' },
    fc.double({ noNaN: true }),
    fc.integer({ min: -5, max: 5 }),
    fc.date({ noInvalidDate: true }),
    fc.string({ maxLength: 4 }),
    fc.array(tie('key'), { maxLength: 3 }),
  ),
})).key;

describe('keys in the journal', () => {
  it('compare exactly as IndexedDB compares them', () => {
    fc.assert(
      fc.property(keyArb, keyArb, (a, b) => {
        expect(Math.sign(compareKeys(portable(a), portable(b)))).toBe(indexedDB.cmp(a, b));
        expect(keyId(portable(a)) === keyId(portable(b))).toBe(indexedDB.cmp(a, b) === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('delete the same rows for a range as IndexedDB does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.boolean(), (keys, lo, hi, lowerOpen, upperOpen) => {
        const [lower, upper] = lo <= hi ? [lo, hi] : [hi, lo];
        if (lower === upper && (lowerOpen || upperOpen)) return;
        const state = new JournalState();
        const put: JournalRecord = { v: 1, schema: 5, at: '', reset: false, ops: [{ t: 't', put: keys.map((k) => [['r', k], k]) }] };
        state.apply(put, 1, 'a'.repeat(64));
        const range = { lower: portable(['r', lower]), upper: portable(['r', upper]), lowerOpen, upperOpen };
        state.apply({ v: 1, schema: 5, at: '', reset: false, ops: [{ t: 't', range }] }, 2, 'b'.repeat(64));
        const idbRange = IDBKeyRange.bound(['r', lower], ['r', upper], lowerOpen, upperOpen);
        const expected = keys.filter((k) => !idbRange.includes(['r', k])).sort((a, b) => a - b);
        expect((state.toBody().tables['t'] ?? []).map(([, v]) => v)).toEqual(expected);
      }),
    );
  });
});
