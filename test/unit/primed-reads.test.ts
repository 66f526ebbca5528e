import { describe, expect, it } from 'vitest';
import { endPriming, primedKeys, primedValue, primeRead } from '../../renderer/src/db/primed-reads.js';

describe('the first screen primed reads', () => {
  it('hand out what was read at start until the first render has committed, then nothing', () => {
    const key = primedKeys.overview('review-1');
    primeRead(key, { scores: { '4.1.2': 55 }, noteCounts: {} });
    primeRead(primedKeys.declaration('review-1'), null);
    expect(primedValue(key)).toEqual({ scores: { '4.1.2': 55 }, noteCounts: {} });
    // A declaration not yet signed is primed as null, which is not "not primed".
    expect(primedValue(primedKeys.declaration('review-1'))).toBeNull();
    expect(primedValue(primedKeys.overview('review-2'))).toBeUndefined();

    endPriming();
    expect(primedValue(key)).toBeUndefined();
    // A read finishing after the first render (the race in main.tsx timed out) is dropped.
    primeRead(key, { scores: {}, noteCounts: {} });
    expect(primedValue(key)).toBeUndefined();
  });

  it('keys each query by its arguments', () => {
    expect(primedKeys.workspace(null)).not.toBe(primedKeys.workspace('k1'));
    expect(primedKeys.overview('a')).not.toBe(primedKeys.declaration('a'));
    expect(primedKeys.panelAssignment('a')).not.toBe(primedKeys.panelAssignment('b'));
  });
});
