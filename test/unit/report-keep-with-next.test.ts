import { describe, expect, it } from 'vitest';
import { firstRowsHeight, type Measure } from '../../shared/report/first-rows-height.js';
import { keepHeadingsWithNext } from '../../shared/report/keep-with-next.js';
import type { ContentNode } from '../../shared/report/pdf-content.js';

const measure: Measure = {
  styles: { h1: { fontSize: 15, margin: [0, 14, 0, 6] }, th: { fontSize: 8, lineHeight: 1.15 }, td: { fontSize: 8, lineHeight: 1.2 }, body: { fontSize: 10, lineHeight: 1.45, margin: [0, 2, 0, 4] } },
  defaultStyle: { fontSize: 10, lineHeight: 1.3 },
  width: 483,
};
const GRID = { paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 };
const heading: ContentNode = { text: '七、否决项核查', style: 'h1', headlineLevel: 1 };
const table = (first: string): ContentNode => ({
  table: { headerRows: 1, keepWithHeaderRows: 1, widths: [40, '*'], body: [[{ text: '序号', style: 'th' }, { text: '说明', style: 'th' }], [{ text: '1', style: 'td' }, { text: first, style: 'td' }], [{ text: '2', style: 'td' }, { text: '后面的行不算', style: 'td' }]] },
  layout: GRID,
});

describe('keepHeadingsWithNext', () => {
  it('puts a heading and a block that never breaks into one unbreakable stack, which takes over the page break', () => {
    const paragraph: ContentNode = { text: '评审组认为……', style: 'body', unbreakable: true };
    const out = keepHeadingsWithNext([{ ...heading, pageBreak: 'before' }, paragraph, { text: '下一段', style: 'body' }], measure);
    expect(out).toEqual([{ pageBreak: 'before', unbreakable: true, stack: [heading, paragraph] }, { text: '下一段', style: 'body' }]);
  });

  it('keeps headings and a lead-in sentence with room for a table’s header and first row, then draws the table back up over that room', () => {
    const leadIn: ContentNode = { text: '评审组逐项核查，结论如下：', style: 'body' };
    const t = table('未发现');
    const out = keepHeadingsWithNext([[heading, { text: '（一）核查', style: 'h2', headlineLevel: 2 }], leadIn, t], measure);
    const room = Math.ceil(firstRowsHeight(t, measure));
    expect(out).toEqual([
      { unbreakable: true, stack: [{ stack: [heading, { text: '（一）核查', style: 'h2', headlineLevel: 2 }, leadIn], margin: [0, 0, 0, room] }] },
      { stack: [t], margin: [0, -room, 0, 0] },
    ]);
  });

  it('never puts a page break inside a glued block: a heading before one that starts a page is left as it is', () => {
    const appendix: ContentNode = { text: '附件', style: 'h1', headlineLevel: 1, pageBreak: 'before' };
    const body: ContentNode = { text: '共50张', style: 'body', unbreakable: true };
    expect(keepHeadingsWithNext([heading, appendix, body], measure)).toEqual([heading, { pageBreak: 'before', unbreakable: true, stack: [{ text: '附件', style: 'h1', headlineLevel: 1 }, body] }]);
    expect(keepHeadingsWithNext([heading, { ...body, pageBreak: 'before' }], measure)).toEqual([heading, { ...body, pageBreak: 'before' }]);
  });

  it('leaves a document without headings as it is, and a heading at the very end alone', () => {
    const body: ContentNode = { text: '正文', style: 'body' };
    expect(keepHeadingsWithNext([body, 'x', heading], measure)).toEqual([body, 'x', heading]);
  });
});

describe('firstRowsHeight', () => {
  it('bounds the header row and the first row from above, counting every character as the widest glyph', () => {
    // Header: 1 line of 8 pt × 1.15 × 1.45; first row: 100 characters in a column of
    // 483 − 40 − 2 × 7 − 1 = 428 pt less 6 pt of padding, 8 pt × 1.1 a character → 48 a line → 3 lines of 8 × 1.2 × 1.45.
    const expected = 1 + (8 * 1.15 * 1.45 + 2 + 2 + 1) + (3 * 8 * 1.2 * 1.45 + 2 + 2 + 1);
    expect(firstRowsHeight(table('质'.repeat(100)), measure)).toBeCloseTo(expected, 6);
    expect(firstRowsHeight(table('质'.repeat(200)), measure)).toBeGreaterThan(expected);
  });

  it('gives two lines of a long paragraph with its margins', () => {
    expect(firstRowsHeight({ text: '\n', style: 'body' }, measure)).toBeCloseTo(2 + 2 * 10 * 1.45 * 1.45 + 4, 6);
  });
});
