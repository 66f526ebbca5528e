import { describe, expect, it } from 'vitest';
import { inlineNamedStyles } from '../../shared/report/inline-styles.js';
import type { DocumentDefinition } from '../../shared/report/pdf-content.js';

const base: DocumentDefinition = {
  pageSize: 'A4',
  pageMargins: [0, 0, 0, 0],
  info: { title: '', author: '', subject: '', keywords: '', creator: '', producer: '', creationDate: new Date(0), modDate: new Date(0) },
  content: [],
  defaultStyle: { font: 'F', fontSize: 10 },
  styles: { h1: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] }, muted: { color: '#555555', fontSize: 9 }, label: { bold: true } },
};

describe('inlineNamedStyles', () => {
  it('writes named styles into the nodes: the node’s own properties win, then the later style', () => {
    const out = inlineNamedStyles({ ...base, content: [{ text: 'x', style: ['h1', 'muted'], margin: [1, 2, 3, 4] }, '纯文本'] });
    expect(out.content).toEqual([{ text: 'x', fontSize: 9, bold: true, color: '#555555', margin: [1, 2, 3, 4] }, '纯文本']);
  });

  it('reaches inline runs, stacks, lists, table cells, and what header and footer return', () => {
    const out = inlineNamedStyles({
      ...base,
      header: () => ({ text: '页眉', style: 'muted' }),
      footer: (page) => ({ text: `第 ${page} 页`, style: 'muted' }),
      content: [
        { stack: [{ text: [{ text: '图1', style: 'label' }, '说明'], style: 'muted' }] },
        { ol: [{ text: '一', style: 'label' }] },
        { table: { widths: ['*'], body: [[{ text: '表头', style: 'h1' }], ['格']] } },
      ],
    });
    expect(out.content).toEqual([
      { stack: [{ text: [{ text: '图1', bold: true }, '说明'], color: '#555555', fontSize: 9 }] },
      { ol: [{ text: '一', bold: true }] },
      { table: { widths: ['*'], body: [[{ text: '表头', fontSize: 15, bold: true, margin: [0, 14, 0, 6] }], ['格']] } },
    ]);
    expect(out.header?.(2, 3)).toEqual({ text: '页眉', color: '#555555', fontSize: 9 });
    expect(out.footer?.(2, 3)).toEqual({ text: '第 2 页', color: '#555555', fontSize: 9 });
    expect(JSON.stringify(out.content)).not.toContain('"style"');
  });

  it('refuses a style the document does not define, and leaves the input as it was', () => {
    const content = [{ text: 'x', style: 'nope' }];
    expect(() => inlineNamedStyles({ ...base, content })).toThrow(/nope/);
    const input = { ...base, content: [{ text: 'y', style: 'h1' }] };
    inlineNamedStyles(input);
    expect(input.content).toEqual([{ text: 'y', style: 'h1' }]);
  });
});
