import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvBytes, toCsv } from '../../shared/export/csv.js';
import { parseCsv } from '../readers/csv-read.js';

describe('CSV (RFC 4180, UTF-8 with BOM, CRLF)', () => {
  it('quotes what needs quoting and ends every line with CRLF', () => {
    const text = toCsv(['申报单位', '总分', '说明'], [
      ['郑州"宇达"机械有限公司', { hundredths: 49995 }, '第一行\n第二行'],
      ['甲,乙', 55, null],
      [true, { hundredths: 50000 }, ''],
    ]);
    expect(text).toBe('申报单位,总分,说明\r\n"郑州""宇达""机械有限公司",499.95,"第一行\n第二行"\r\n"甲,乙",55,\r\nTRUE,500.00,\r\n');
  });

  it('starts with a UTF-8 byte-order mark so Excel reads Chinese correctly', () => {
    const bytes = csvBytes(toCsv(['单位'], [['郑州']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\ufeff单位\r\n郑州\r\n');
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    expect(toCsv(['a'], [['=HYPERLINK("http://x")'], ['+1'], ['-abc'], ['@SUM(A1)']])).toBe('a\r\n"\'=HYPERLINK(""http://x"")"\r\n\'+1\r\n\'-abc\r\n\'@SUM(A1)\r\n');
    expect(toCsv(['a'], [[-5]])).toBe('a\r\n-5\r\n');
  });

  it('reads back what it writes', () => {
    const safeText = fc.string({ unit: 'grapheme', maxLength: 10 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const [header, ...body] = rows as [string[], ...string[][]];
        const back = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes(toCsv(header, body))));
        expect(back).toEqual({ ok: true, value: rows });
      }),
    );
  });

  it('refuses broken CSV', () => {
    expect(parseCsv('"open').ok).toBe(false);
    expect(parseCsv('a"b').ok).toBe(false);
    expect(parseCsv('"a"b').ok).toBe(false);
  });
});
