import type { Content, ContentNode, TableCell, TableLayout } from './pdf-content.js';

type Styles = Record<string, ContentNode>;

/** What an estimate needs to know about the document: its named styles, its default style, the width text runs in. */
export interface Measure {
  styles: Styles;
  defaultStyle: ContentNode;
  width: number;
}

/**
 * Both report faces are 1.437–1.448 em from ascender to descender, which pdfmake multiplies
 * by a style's lineHeight; no glyph they set is wider than 1.053 em (a Latin W), a CJK
 * character is exactly 1 em. Rounded up, so every estimate here is an upper bound.
 */
const FACE_LINE_EM = 1.45;
const WIDEST_CHAR_EM = 1.1;

/** pdfmake's defaults for a table layout that does not say (`defaultTableLayout`), and its `noBorders`. */
const DEFAULT_PADDING = { left: 4, right: 4, top: 2, bottom: 2, line: 1 };

/**
 * An upper bound of the height pdfmake gives the rows a table keeps together at its start
 * (its header rows and the rows it keeps with them, or else its first row), with the table's
 * own top margin: the room a heading must find below it on its page for the table to start
 * there. Counting every character as the widest glyph over-estimates Chinese text by 10 %
 * and numbers by about half, which costs at most some blank space at a page's foot.
 */
export function firstRowsHeight(node: ContentNode, measure: Measure): number {
  const table = node.table;
  if (!table) return blockHeight(node, measure.width, measure);
  const kept = table.headerRows ? table.headerRows + (table.keepWithHeaderRows ?? 0) : 1;
  const layout = typeof node.layout === 'object' ? node.layout : undefined;
  const pad = paddingOf(layout);
  const widths = columnWidths(table.widths, measure.width - marginOf(node, measure)[0] - marginOf(node, measure)[2], pad);
  let height = marginOf(node, measure)[1] + pad.line;
  for (const row of table.body.slice(0, kept)) {
    let rowHeight = 0;
    row.forEach((cell, col) => {
      if (typeof cell !== 'string' && cell.text === '' && !cell.stack) return;
      const span = typeof cell === 'string' ? 1 : (cell.colSpan ?? 1);
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0) + (span - 1) * (pad.left + pad.right + pad.line);
      rowHeight = Math.max(rowHeight, blockHeight(cell, width, measure));
    });
    height += rowHeight + pad.top + pad.bottom + pad.line;
  }
  return height;
}

/** Column widths as pdfmake resolves fixed and star widths, less each cell's padding. */
function columnWidths(widths: readonly (number | string)[], available: number, pad: typeof DEFAULT_PADDING): number[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const stars = widths.filter((w) => typeof w !== 'number').length;
  const gaps = widths.length * (pad.left + pad.right + pad.line) + pad.line;
  const star = stars === 0 ? 0 : Math.max(0, (available - fixed - gaps) / stars);
  return widths.map((w) => (typeof w === 'number' ? w : star));
}

function paddingOf(layout: TableLayout | undefined): typeof DEFAULT_PADDING {
  if (!layout) return DEFAULT_PADDING;
  return {
    left: layout.paddingLeft?.(0) ?? DEFAULT_PADDING.left,
    right: layout.paddingRight?.(0) ?? DEFAULT_PADDING.right,
    top: layout.paddingTop?.(0) ?? DEFAULT_PADDING.top,
    bottom: layout.paddingBottom?.(0) ?? DEFAULT_PADDING.bottom,
    line: DEFAULT_PADDING.line,
  };
}

/** The height of a text, a stack of texts, a canvas or a fitted image set in `width`, with its vertical margins. */
function blockHeight(content: Content | TableCell, width: number, measure: Measure): number {
  if (typeof content === 'string') return textHeight(content, width, measure.defaultStyle, measure);
  if (Array.isArray(content)) return content.reduce<number>((sum, c) => sum + blockHeight(c, width, measure), 0);
  const [left, top, right, bottom] = marginOf(content, measure);
  const inner = width - left - right;
  let body: number;
  if (content.stack) body = content.stack.reduce<number>((sum, c) => sum + blockHeight(c, inner, measure), 0);
  else if (content.text !== undefined) body = textHeight(plainText(content.text), inner, content, measure);
  else if (content.canvas) body = Math.max(0, ...content.canvas.map((c) => (c.type === 'rect' ? c.y + c.h : Math.max(c.y1, c.y2))));
  else if (content.fit) body = content.fit[1];
  // Anything else (a nested table, columns) is not at the start of a report table; a
  // quarter page is a safe guess for it.
  else body = 200;
  return top + body + bottom;
}

function textHeight(text: string, width: number, node: ContentNode, measure: Measure): number {
  const fontSize = property(node, 'fontSize', measure) ?? 12;
  const lineHeight = property(node, 'lineHeight', measure) ?? 1;
  const perLine = Math.max(1, Math.floor(width / (fontSize * WIDEST_CHAR_EM)));
  const noWrap = property(node, 'noWrap', measure) === true;
  const lines = text.split('\n').reduce((sum, part) => sum + (noWrap ? 1 : Math.max(1, Math.ceil([...part].length / perLine))), 0);
  return lines * fontSize * lineHeight * FACE_LINE_EM;
}

/** A node's own property, else its named style's (the later name wins, as in pdfmake), else the document's default. */
function property<K extends keyof ContentNode>(node: ContentNode, key: K, measure: Measure): ContentNode[K] | undefined {
  if (node[key] !== undefined) return node[key];
  const names = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style];
  for (const name of [...names].reverse()) {
    const value = measure.styles[name]?.[key];
    if (value !== undefined) return value;
  }
  return measure.defaultStyle[key];
}

/** Margins are not inherited, so only the node and its named styles give them. */
function marginOf(node: ContentNode, measure: Measure): [number, number, number, number] {
  const m = node.margin ?? property({ ...node, margin: undefined }, 'margin', { ...measure, defaultStyle: {} });
  if (m === undefined) return [0, 0, 0, 0];
  if (typeof m === 'number') return [m, m, m, m];
  if (m.length === 2) return [m[0], m[1], m[0], m[1]];
  return m;
}

function plainText(content: Content): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(plainText).join('');
  return content.text === undefined ? '' : plainText(content.text);
}
