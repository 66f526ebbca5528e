/**
 * What the spreadsheet writers take: sheets of rows of cells. Points are given as integer
 * hundredths and written as the exact decimal ("499.95"), never through floating-point
 * printing, with a two-decimal number format so Excel shows 500.00 as 500.00.
 */
export type CellValue = string | number | boolean | null;

export type Cell = CellValue | { hundredths: number };

export interface Sheet {
  /** 1–31 characters, none of \ / ? * [ ] :, unique in the workbook (Excel's rules). */
  name: string;
  /** The first row is the header: bold and frozen when it scrolls. */
  header: string[];
  rows: Cell[][];
  /** Column widths in characters; a CJK character counts about 2. */
  columnWidths?: number[];
}

export interface Workbook {
  sheets: Sheet[];
}

export function isHundredthsCell(cell: Cell): cell is { hundredths: number } {
  return typeof cell === 'object' && cell !== null;
}

/** The display width of a text in spreadsheet character units (CJK counts 2). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Widths that fit the header and the data, within reason (8 to 60 characters). */
export function fittedWidths(sheet: Sheet): number[] {
  return sheet.header.map((h, i) => {
    let w = textWidth(h);
    for (const row of sheet.rows) {
      const c = row[i];
      const text = c === null || c === undefined ? '' : isHundredthsCell(c) ? '0000.00' : String(c);
      w = Math.max(w, textWidth(text.split('\n')[0] ?? ''));
    }
    return Math.min(60, Math.max(8, w + 2));
  });
}
