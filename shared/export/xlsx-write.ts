import { strToU8, zipSync } from 'fflate';
import { formatHundredths } from '../scoring/hundredths.js';
import { err, ok, type Result } from '../util/result.js';
import { fittedWidths, isHundredthsCell, type Cell, type Sheet, type Workbook } from './sheet-model.js';
import { escapeXmlAttribute, escapeXmlText, XML_DECLARATION } from './xml-text.js';

/**
 * An Office Open XML spreadsheet (.xlsx, ECMA-376) written by hand: the parts a SpreadsheetML
 * package needs (content types, relationships, workbook, styles, shared strings, one part per
 * sheet), in the element order the schema requires. Tested with unzip, expat and our reader;
 * openpyxl 3.1.5 (warnings as errors) read values, formats, bold and the frozen row back in a
 * one-off check; not yet opened in Excel, WPS or LibreOffice. Strings go to the shared-string table,
 * numbers stay numbers, points carry the built-in "0.00" format, the header row is bold and
 * frozen. The zip is deterministic (fixed timestamps) so the same data gives the same bytes.
 */
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Style indexes into cellXfs below. */
const STYLE = { plain: 0, header: 1, points: 2, wrap: 3 } as const;
/** Excel's built-in number format 2 is "0.00". */
const POINTS_NUM_FMT_ID = 2;

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_CELL_TEXT = 32_767;

export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function checkWorkbook(book: Workbook): string[] {
  const problems: string[] = [];
  if (book.sheets.length === 0) problems.push('a workbook needs at least one sheet');
  const names = new Set<string>();
  book.sheets.forEach((s, i) => {
    const label = `sheet ${i + 1} "${s.name}"`;
    if (s.name.trim().length === 0 || s.name.length > 31) problems.push(`${label}: a sheet name has 1 to 31 characters`);
    if (/[\\/?*[\]:]/.test(s.name)) problems.push(`${label}: a sheet name cannot contain \\ / ? * [ ] :`);
    if (s.name.startsWith("'") || s.name.endsWith("'")) problems.push(`${label}: a sheet name cannot begin or end with an apostrophe`);
    if (names.has(s.name.toLowerCase())) problems.push(`${label}: two sheets have this name`);
    names.add(s.name.toLowerCase());
    if (s.rows.length + 1 > MAX_ROWS) problems.push(`${label}: more rows than a worksheet holds (${MAX_ROWS})`);
    const width = Math.max(s.header.length, ...s.rows.map((r) => r.length));
    if (width > MAX_COLUMNS) problems.push(`${label}: more columns than a worksheet holds (${MAX_COLUMNS})`);
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const where = `${label} cell ${columnName(c)}${r + 2}`;
        if (typeof cell === 'number' && !Number.isFinite(cell)) problems.push(`${where}: ${cell} is not a finite number`);
        if (isHundredthsCell(cell) && !Number.isSafeInteger(cell.hundredths)) problems.push(`${where}: points must be whole hundredths`);
        if (typeof cell === 'string' && cell.length > MAX_CELL_TEXT) problems.push(`${where}: text longer than a cell holds (${MAX_CELL_TEXT})`);
      }),
    );
  });
  return problems;
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  add(text: string): number {
    this.count += 1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ''}>${escapeXmlText(t)}</t></si>`).join('');
    return `${XML_DECLARATION}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(ref: string, cell: Cell, strings: SharedStrings, header: boolean): string {
  if (cell === null) return '';
  if (isHundredthsCell(cell)) return `<c r="${ref}" s="${STYLE.points}"><v>${formatHundredths(cell.hundredths)}</v></c>`;
  if (typeof cell === 'number') return `<c r="${ref}"${header ? ` s="${STYLE.header}"` : ''}><v>${String(cell)}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  const style = header ? STYLE.header : cell.includes('\n') ? STYLE.wrap : STYLE.plain;
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="s"><v>${strings.add(cell)}</v></c>`;
}

function sheetXml(sheet: Sheet, strings: SharedStrings): string {
  const rows = [sheet.header as Cell[], ...sheet.rows];
  const width = Math.max(1, ...rows.map((r) => r.length));
  const lastRef = `${columnName(width - 1)}${rows.length}`;
  const widths = sheet.columnWidths ?? fittedWidths(sheet);
  const cols = widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const data = rows
    .map((row, r) => {
      const cells = row.map((cell, c) => cellXml(`${columnName(c)}${r + 1}`, cell, strings, r === 0)).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';
  return (
    `${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${lastRef}"/><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${data}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

const STYLES_XML =
  `${XML_DECLARATION}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  `<xf numFmtId="${POINTS_NUM_FMT_ID}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    `${sheets}</Types>`
  );
}

function workbookXml(book: Workbook): string {
  const sheets = book.sheets.map((s, i) => `<sheet name="${escapeXmlAttribute(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

function workbookRelsXml(sheetCount: number): string {
  const base = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${base}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return (
    `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${base}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${base}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
}

const ROOT_RELS_XML =
  `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';

/** 1980-01-01, the zip format's earliest date: the same workbook always gives the same bytes. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export function writeXlsx(book: Workbook): Result<Uint8Array, string[]> {
  const problems = checkWorkbook(book);
  if (problems.length > 0) return err(problems);
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypesXml(book.sheets.length)),
    '_rels/.rels': strToU8(ROOT_RELS_XML),
    'xl/workbook.xml': strToU8(workbookXml(book)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRelsXml(book.sheets.length)),
    'xl/styles.xml': strToU8(STYLES_XML),
  };
  book.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s, strings));
  });
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  return ok(zipSync(files, { level: 6, mtime: FIXED_MTIME }));
}
