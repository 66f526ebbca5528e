import { strFromU8, unzipSync } from 'fflate';
import { err, ok, type Result } from '../../shared/util/result.js';
import type { CellValue } from '../../shared/export/sheet-model.js';
import { childrenNamed, firstChild, parseXml, textOf, type XmlElement } from './xml-parse.js';

/**
 * Reads an .xlsx back into values: enough for what writeXlsx makes (and plain workbooks like
 * it), for tests and round trips, not a general spreadsheet reader. Formulas are read as
 * their cached values; dates stay serial numbers.
 */
export interface ReadCell {
  value: CellValue;
  /** The cell's number format code ("General", "0.00", …). */
  numFmt: string;
  bold: boolean;
}

export interface ReadSheet {
  name: string;
  rows: ReadCell[][];
  frozenRows: number;
}

const BUILT_IN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 49: '@' };

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function part(files: Record<string, Uint8Array>, path: string): XmlElement {
  const bytes = files[path];
  if (!bytes) throw new Error(`missing part ${path}`);
  return parseXml(strFromU8(bytes));
}

function resolveTarget(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

interface Style {
  numFmt: string;
  bold: boolean;
}

function readStyles(files: Record<string, Uint8Array>): Style[] {
  if (!files['xl/styles.xml']) return [{ numFmt: 'General', bold: false }];
  const styles = part(files, 'xl/styles.xml');
  const custom = new Map<number, string>();
  for (const f of childrenNamed(firstChild(styles, 'numFmts') ?? { name: '', attributes: {}, children: [] }, 'numFmt')) {
    custom.set(Number(f.attributes.numFmtId), f.attributes.formatCode ?? '');
  }
  const fonts = childrenNamed(firstChild(styles, 'fonts') ?? { name: '', attributes: {}, children: [] }, 'font').map((f) => {
    const b = firstChild(f, 'b');
    return b !== undefined && b.attributes.val !== '0' && b.attributes.val !== 'false';
  });
  return childrenNamed(firstChild(styles, 'cellXfs') ?? { name: '', attributes: {}, children: [] }, 'xf').map((xf) => {
    const id = Number(xf.attributes.numFmtId ?? 0);
    return { numFmt: custom.get(id) ?? BUILT_IN_FORMATS[id] ?? `#${id}`, bold: fonts[Number(xf.attributes.fontId ?? 0)] ?? false };
  });
}

function cellValue(c: XmlElement, strings: string[]): CellValue {
  const type = c.attributes.t ?? 'n';
  const v = firstChild(c, 'v');
  if (type === 'inlineStr') return textOf(firstChild(c, 'is') ?? c);
  if (!v) return null;
  const raw = textOf(v);
  if (type === 's') {
    const s = strings[Number(raw)];
    if (s === undefined) throw new Error(`shared string ${raw} does not exist`);
    return s;
  }
  if (type === 'b') return raw === '1';
  if (type === 'str' || type === 'e') return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`cell ${c.attributes.r ?? ''}: "${raw}" is not a number`);
  return n;
}

export function readXlsx(bytes: Uint8Array): Result<ReadSheet[], string> {
  try {
    const files = unzipSync(bytes);
    const workbook = part(files, 'xl/workbook.xml');
    const rels = part(files, 'xl/_rels/workbook.xml.rels');
    const targets = new Map(childrenNamed(rels, 'Relationship').map((r) => [r.attributes.Id ?? '', r.attributes.Target ?? '']));
    const strings = files['xl/sharedStrings.xml']
      ? childrenNamed(part(files, 'xl/sharedStrings.xml'), 'si').map((si) => {
          const runs = childrenNamed(si, 'r');
          return runs.length ? runs.map((r) => textOf(firstChild(r, 't') ?? r)).join('') : textOf(firstChild(si, 't') ?? si);
        })
      : [];
    const styles = readStyles(files);
    const sheets = childrenNamed(firstChild(workbook, 'sheets') ?? workbook, 'sheet').map((s): ReadSheet => {
      const target = targets.get(s.attributes['r:id'] ?? '');
      if (!target) throw new Error(`sheet "${s.attributes.name ?? ''}" has no part`);
      const ws = part(files, resolveTarget(target));
      const pane = firstChild(firstChild(firstChild(ws, 'sheetViews') ?? ws, 'sheetView') ?? ws, 'pane');
      const frozenRows = pane?.attributes.state === 'frozen' ? Number(pane.attributes.ySplit ?? 0) : 0;
      const rows: ReadCell[][] = [];
      for (const row of childrenNamed(firstChild(ws, 'sheetData') ?? ws, 'row')) {
        const r = Number(row.attributes.r ?? rows.length + 1) - 1;
        const cells: ReadCell[] = [];
        for (const c of childrenNamed(row, 'c')) {
          const col = c.attributes.r ? columnIndex(c.attributes.r) : cells.length;
          const style = styles[Number(c.attributes.s ?? 0)] ?? { numFmt: 'General', bold: false };
          while (cells.length < col) cells.push({ value: null, numFmt: 'General', bold: false });
          cells[col] = { value: cellValue(c, strings), ...style };
        }
        while (rows.length < r) rows.push([]);
        rows[r] = cells;
      }
      return { name: s.attributes.name ?? '', rows, frozenRows };
    });
    return ok(sheets);
  } catch (e) {
    return err(`not a readable .xlsx: ${(e as Error).message}`);
  }
}

/** The plain values of a read sheet, for comparisons. */
export function sheetValues(sheet: ReadSheet): CellValue[][] {
  return sheet.rows.map((r) => r.map((c) => c.value));
}
