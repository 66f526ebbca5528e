import type { ContentNode, TableCell, TableLayout } from './pdf-content.js';

/** Thin ruled tables with tight padding: a 7-member score table must fit an A4 page. */
export const GRID: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export const NO_LINES: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

export const th = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, style: 'th', ...extra });
export const td = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, style: 'td', ...extra });
export const num = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, style: 'td', alignment: 'center', ...extra });

export function sectionTitle(numeral: string, title: string): ContentNode {
  return { text: `${numeral}、${title}`, style: 'h1', headlineLevel: 1 };
}

export function subTitle(text: string): ContentNode {
  return { text, style: 'h2', headlineLevel: 2 };
}

/**
 * Body paragraphs. One of up to about twelve lines is kept on one page, so no paragraph
 * leaves a single line at a page's foot or head (widows and orphans); longer ones may break.
 */
export function paragraphs(text: string): ContentNode[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => (p.length <= 480 ? { text: p, style: 'body', unbreakable: true } : { text: p, style: 'body' }));
}

/** A table whose header rows repeat on every page it runs over and whose rows never split. */
export function gridTable(widths: (number | string)[], body: TableCell[][], headerRows = 1): ContentNode {
  return { table: { headerRows, keepWithHeaderRows: 1, dontBreakRows: true, widths, body }, layout: GRID };
}

/**
 * A numbered list whose items never break across pages (pdfmake would otherwise leave a
 * one-character line such as "分。" alone at the head of the next page): each item is its own
 * unbreakable one-item list, numbered on from `start`.
 */
export function numberedList(texts: readonly string[], start = 1, margin: [number, number, number, number] = [14, 0, 0, 0]): ContentNode[] {
  return texts.map((text, i) => ({
    unbreakable: true,
    stack: [{ ol: [{ text, style: 'listItem' }], start: start + i, margin: [margin[0], 0, margin[2], i === texts.length - 1 ? margin[3] : 0] }],
  }));
}
