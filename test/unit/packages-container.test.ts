import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { crc32 } from '../../shared/packages/crc32.js';
import { entryNameProblem } from '../../shared/packages/entry-names.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { assignmentContentSchema } from '../../shared/packages/content/assignment.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { writeStoredZip } from '../../shared/packages/zip-write.js';
import { makePanel } from './packages-fixture.js';

const when = new Date(Date.UTC(2026, 5, 1, 12, 30, 10));

describe('the stored zip container', () => {
  it('computes the zip CRC-32 (check value of "123456789")', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const big = new Uint8Array(100_003).map((_, i) => (i * 7) & 0xff);
    let slow = 0xffffffff;
    for (const b of big) {
      slow ^= b;
      for (let k = 0; k < 8; k++) slow = slow & 1 ? 0xedb88320 ^ (slow >>> 1) : slow >>> 1;
    }
    expect(crc32(big)).toBe((slow ^ 0xffffffff) >>> 0);
  });

  it('writes what fflate and our strict reader both read back, deterministically', () => {
    const entries = [
      { name: 'manifest.json', data: new TextEncoder().encode('{"a":1}') },
      { name: 'blobs/0001', data: new Uint8Array(1000).map((_, i) => i & 0xff) },
      { name: 'empty', data: new Uint8Array(0) },
    ];
    const zip = writeStoredZip(entries, when);
    expect(Array.from(writeStoredZip(entries, when))).toEqual(Array.from(zip));
    const viaFflate = unzipSync(zip);
    const ours = readStoredZip(zip, DEFAULT_PACKAGE_LIMITS);
    expect(ours.ok).toBe(true);
    for (const e of entries) {
      expect(Array.from(viaFflate[e.name]!)).toEqual(Array.from(e.data));
      expect(ours.ok && Array.from(ours.value.find((x) => x.name === e.name)!.data)).toEqual(Array.from(e.data));
    }
  });

  it('refuses junk after the end record and gaps between entries', () => {
    const zip = writeStoredZip([{ name: 'a', data: new Uint8Array(10) }], when);
    const junk = new Uint8Array([...zip, 1, 2, 3]);
    expect(readStoredZip(junk, DEFAULT_PACKAGE_LIMITS)).toMatchObject({ ok: false, error: { code: 'malformed-container' } });
  });

  it('judges declared sizes before reading any data', () => {
    const zip = writeStoredZip([{ name: 'a', data: new Uint8Array(10) }], when);
    const view = new DataView(zip.buffer);
    const central = view.getUint32(zip.length - 22 + 16, true);
    view.setUint32(central + 20, 0x7fffffff, true);
    view.setUint32(central + 24, 0x7fffffff, true);
    expect(readStoredZip(zip, DEFAULT_PACKAGE_LIMITS)).toMatchObject({ ok: false, error: { code: 'entry-too-large' } });
  });

  it('accepts plain relative names and refuses the rest', () => {
    for (const ok of ['content.json', 'blobs/0001', '照片/现场.png']) expect(entryNameProblem(ok)).toBeNull();
    for (const bad of ['', '../x', 'a/../b', './a', 'a//b', '/abs', 'C:\\x', 'C:x', 'a\\b', 'a\u0000b', 'x'.repeat(256)]) expect(entryNameProblem(bad)).not.toBeNull();
  });
});

describe('assignment content rules', () => {
  it('needs 5–7 members, exactly one leader, a valid criteria set and known items', async () => {
    const { assignment } = await makePanel(5);
    const problems = (patch: Record<string, unknown>) => {
      const r = assignmentContentSchema.safeParse({ ...assignment, ...patch });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(problems({})).toEqual([]);
    const members = assignment.panel.members;
    // The size comes from the cycle's rules the assignment carries (Art. 11 in both presets: 5 to 7).
    expect(problems({ panel: { ...assignment.panel, members: members.slice(0, 4) } }).join()).toMatch(/a panel of 4; the cycle's rules ask for 5 to 7/);
    expect(problems({ rules: { ...assignment.rules, panelSizeMin: 3 }, panel: { ...assignment.panel, members: members.slice(0, 4) } }).join()).not.toMatch(/a panel of/);
    expect(problems({ panel: { ...assignment.panel, members: members.map((m) => ({ ...m, role: 'leader' })) } }).join()).toMatch(/exactly one leader, found 5/);
    const broken = { ...GBT19580_2012, categories: GBT19580_2012.categories.slice(1) };
    expect(problems({ criteriaSet: broken }).join()).toMatch(/criteria|1000|sum/i);
    expect(problems({ materialReview: { ...assignment.materialReview, scores: [{ itemId: '9.9.9', percent: 50 }] } }).join()).toMatch(/unknown item 9\.9\.9/);
  });
});
