import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../cli/lib/report-fonts.js';
import { withoutLayoutTables } from '../../shared/report/font-without-layout.js';

interface Entry {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

function directory(font: Uint8Array): { entries: Entry[]; hints: number[] } {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const entries = Array.from({ length: view.getUint16(4) }, (_, i) => {
    const at = 12 + 16 * i;
    return { tag: String.fromCharCode(...font.subarray(at, at + 4)), checksum: view.getUint32(at + 4), offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
  });
  return { entries, hints: [view.getUint16(6), view.getUint16(8), view.getUint16(10)] };
}

describe('withoutLayoutTables', () => {
  it('drops GSUB, GPOS and the other layout tables from both report faces, leaving every other table where it was', () => {
    const { serif, sansBold } = loadReportFonts();
    for (const font of [serif, sansBold]) {
      const before = directory(font);
      const copy = font.slice(0, 4096);
      const out = withoutLayoutTables(font);
      const after = directory(out);
      expect(before.entries.map((e) => e.tag)).toEqual(expect.arrayContaining(['GSUB', 'GPOS', 'GDEF', 'glyf', 'cmap', 'hmtx']));
      expect(after.entries).toEqual(before.entries.filter((e) => !['GSUB', 'GPOS', 'GDEF', 'BASE'].includes(e.tag)));
      // searchRange, entrySelector, rangeShift for the new count (15 tables: 8 × 16, 3, 7 × 16).
      const n = after.entries.length;
      const power = 2 ** Math.floor(Math.log2(n));
      expect(after.hints).toEqual([power * 16, Math.log2(power), (n - power) * 16]);
      for (const e of after.entries) expect(Buffer.compare(out.subarray(e.offset, e.offset + e.length), font.subarray(e.offset, e.offset + e.length)), e.tag).toBe(0);
      expect(out.length).toBe(font.length);
      // The caller's bytes are not touched: the renderer and the CLI keep theirs.
      expect(Buffer.compare(font.subarray(0, 4096), copy)).toBe(0);
    }
  });
});
