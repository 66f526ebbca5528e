import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cell, Workbook } from '../../shared/export/sheet-model.js';
import { readXlsx, sheetValues } from '../readers/xlsx-read.js';
import { columnName, writeXlsx } from '../../shared/export/xlsx-write.js';
import { parseXml } from '../readers/xml-parse.js';

const dir = mkdtempSync(join(tmpdir(), 'zqa-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const book: Workbook = {
  sheets: [
    {
      name: '综合评审汇总',
      header: ['申报单位', '总分', '入围', '备注'],
      rows: [
        ['郑州宇达机械有限公司', { hundredths: 50000 }, true, '现场核查：<财务>&"数据"'],
        ['河南某某食品股份有限公司', { hundredths: 49995 }, false, '  前后空格  '],
        ['多行\n说明', { hundredths: 5 }, null, '控制字符\u0001已去除 😀\r\n第二行'],
      ],
    },
    { name: 'Item scores', header: ['item', 'percent'], rows: [['4.1.2', 55], ['4.7.4', 0], ['', -1.5]] },
  ],
};

async function written(): Promise<Uint8Array> {
  const r = await writeXlsx(book);
  if (!r.ok) throw new Error(r.error.join('\n'));
  return r.value;
}

describe('the .xlsx writer', () => {
  it('writes a zip that unzip -t accepts, with every part well-formed XML (checked by expat)', async () => {
    const bytes = await written();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const parts = unzipSync(bytes);
    const names = Object.keys(parts);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      expect(names).toContain(part);
    }
    const paths = Object.entries(parts).map(([name, data]) => {
      const path = join(dir, name.replace(/[/[\]]/g, '_'));
      writeFileSync(path, data);
      expect(() => parseXml(new TextDecoder().decode(data))).not.toThrow();
      return path;
    });
    // Python's expat is an independent, strict XML parser; it raises on the first fault.
    const script = 'import sys, xml.parsers.expat as e\nfor f in sys.argv[1:]:\n    e.ParserCreate().Parse(open(f, "rb").read(), True)\nprint(len(sys.argv) - 1)';
    expect(execFileSync('python3', ['-c', script, ...paths], { encoding: 'utf8' }).trim()).toBe(String(names.length));
  });

  it('reads back what it wrote: values, number format, bold frozen header, sheet names', async () => {
    const r = readXlsx(await written());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((s) => s.name)).toEqual(['综合评审汇总', 'Item scores']);
    const [overview, items] = r.value as [(typeof r.value)[0], (typeof r.value)[0]];
    expect(sheetValues(overview)).toEqual([
      ['申报单位', '总分', '入围', '备注'],
      ['郑州宇达机械有限公司', 500, true, '现场核查：<财务>&"数据"'],
      ['河南某某食品股份有限公司', 499.95, false, '  前后空格  '],
      ['多行\n说明', 0.05, null, '控制字符已去除 😀\n第二行'],
    ]);
    expect(overview.frozenRows).toBe(1);
    expect(overview.rows[0]!.every((c) => c.bold)).toBe(true);
    expect(overview.rows[1]!.some((c) => c.bold)).toBe(false);
    expect(overview.rows[2]![1]).toMatchObject({ value: 499.95, numFmt: '0.00' });
    expect(sheetValues(items)).toEqual([['item', 'percent'], ['4.1.2', 55], ['4.7.4', 0], [null, -1.5]]);
  });

  it('gives the same bytes for the same workbook, written a second later', async () => {
    const first = await written();
    await new Promise((r) => setTimeout(r, 2100)); // zip times have a 2-second resolution
    expect(Buffer.from(first).equals(Buffer.from(await written()))).toBe(true);
  });

  it('round-trips any table of text and numbers', async () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('toString', 'constructor', '__proto__', 'valueOf', 'zqa-stand-in-0'), fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 100_000 }).map((h) => ({ hundredths: h })), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), async (rows: Cell[][]) => {
        const r = await writeXlsx({ sheets: [{ name: 'S', header: ['a'], rows }] });
        if (!r.ok) return false;
        const back = readXlsx(r.value);
        if (!back.ok) return false;
        // An empty text is an empty cell; a CR LF line break is stored as LF.
        const expected = [['a'], ...rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? c.hundredths / 100 : c === '' ? null : typeof c === 'string' ? c.replace(/\r\n?/g, '\n') : c)))];
        // Trailing empty cells are not written, as in every spreadsheet.
        const trim = (row: unknown[]) => {
          const out = [...row];
          while (out.length && out[out.length - 1] === null) out.pop();
          return out;
        };
        expect(sheetValues(back.value[0]!).map(trim)).toEqual(expected.map(trim));
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a cell whose text is a name of Object.prototype (the library alone would corrupt the file)', async () => {
    const r = await writeXlsx({ sheets: [{ name: 'S', header: ['constructor'], rows: [['toString', '__proto__', 'zqa-stand-in-0', 'hasOwnProperty']] }] });
    if (!r.ok) throw new Error(r.error.join());
    const back = readXlsx(r.value);
    if (!back.ok) throw new Error(back.error);
    expect(sheetValues(back.value[0]!)).toEqual([['constructor'], ['toString', '__proto__', 'zqa-stand-in-0', 'hasOwnProperty']]);
  });

  it('keeps the characters the library alone would drop (U+FFFD, C1 controls, non-characters), and a text that looks like their stand-in', async () => {
    const texts = ['\ufffd', 'a\ufffdb', '\u0080\u009f', '\ufdd0', '\u{1fffe}', 'zqachar0xfffdx'];
    const r = await writeXlsx({ sheets: [{ name: 'S', header: ['\ufffd'], rows: [texts] }] });
    if (!r.ok) throw new Error('not written');
    const back = readXlsx(r.value);
    if (!back.ok) throw new Error('not read');
    expect(sheetValues(back.value[0]!)).toEqual([['\ufffd'], texts]);
  });

  it('refuses what Excel would refuse, with every reason', async () => {
    const r = await writeXlsx({ sheets: [{ name: '汇总:1', header: [], rows: [[Number.NaN]] }, { name: 'a'.repeat(32), header: [], rows: [] }, { name: 'X', header: [], rows: [] }, { name: 'x', header: [], rows: [] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toHaveLength(4);
    expect((await writeXlsx({ sheets: [] })).ok).toBe(false);
    expect([columnName(0), columnName(25), columnName(26), columnName(701), columnName(702)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('reports an unreadable file instead of throwing', () => {
    expect(readXlsx(new Uint8Array([1, 2, 3])).ok).toBe(false);
  });
});
