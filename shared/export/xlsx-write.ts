import { unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Cell as LibraryCell, type Sheet as LibrarySheet } from 'write-excel-file/universal';
import { err, ok, type Result } from '../util/result.js';
import { fittedWidths, isHundredthsCell, type Cell, type Sheet, type Workbook } from './sheet-model.js';

/**
 * The secretariat's .xlsx, written by a maintained library (write-excel-file, on the fflate we
 * already ship) so that Excel, WPS and LibreOffice open it as their own: a test converts it with
 * LibreOffice headless and compares every cell. This module keeps what the library does not
 * know: Excel's limits checked first with every reason, points given as exact hundredths with a
 * "0.00" format, the header row bold and frozen, text stripped of characters XML cannot carry,
 * and the same bytes for the same workbook (the library stamps the zip with the time of writing).
 * An empty text is an empty cell, as in every spreadsheet.
 */
/** The number format of points: 500 shows as 500.00. */
const POINTS_FORMAT = '0.00';
const FONT = { fontFamily: '宋体', fontSize: 11 } as const;

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

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR; lone surrogates;
 * U+FFFE/F): they cannot be escaped, and one of them would make Excel refuse the whole file.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * write-excel-file 4.1.1 indexes its shared strings in a plain object, so a cell whose whole text
 * is a name of Object.prototype ("toString", "constructor", …) gets the inherited function as its
 * index and the file is corrupt. Such a text goes to the library as a stand-in that no cell of
 * this workbook holds, and the stand-in is put back to the text in the shared-string part.
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Characters XML 1.0 carries but the library removes from every text: U+FFFD and the ones the
 * XML text discourages (C1 controls, the non-characters). A note pasted with one of them keeps
 * it: each goes to the library as a token and is put back in the shared-string part.
 */
const DROPPED_BY_LIBRARY = /[\u007f-\u0084\u0086-\u009f\ufdd0-\ufdef\ufffd]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;

interface StandIns {
  /** Each prototype name → its stand-in, unique in this workbook. */
  whole: Map<string, string>;
  /** What starts a dropped character's token: found in no text of this workbook. */
  charPrefix: string;
}

function standInsFor(book: Workbook): StandIns {
  const texts = new Set(book.sheets.flatMap((s) => [...s.header, ...s.rows.flat()]).filter((c): c is string => typeof c === 'string').map(cleanText));
  const whole = new Map<string, string>();
  let n = 0;
  for (const name of PROTOTYPE_NAMES) {
    if (!texts.has(name)) continue;
    let token: string;
    do token = `zqa-stand-in-${n++}`;
    while (texts.has(token));
    whole.set(name, token);
  }
  let charPrefix: string;
  n = 0;
  do charPrefix = `zqachar${n++}x`;
  while ([...texts].some((t) => t.includes(charPrefix)));
  return { whole, charPrefix };
}

function standInText(clean: string, standIns: StandIns): string {
  const text = standIns.whole.get(clean) ?? clean;
  return text.replace(DROPPED_BY_LIBRARY, (c) => `${standIns.charPrefix}${c.codePointAt(0)!.toString(16)}x`);
}

function restoreStandIns(sharedStrings: Uint8Array<ArrayBuffer>, standIns: StandIns): Uint8Array<ArrayBuffer> {
  let xml = new TextDecoder().decode(sharedStrings);
  const hasChars = xml.includes(standIns.charPrefix);
  if (standIns.whole.size === 0 && !hasChars) return sharedStrings;
  for (const [name, token] of standIns.whole) xml = xml.replaceAll(`>${token}</t>`, `>${name}</t>`);
  if (hasChars) xml = xml.replace(new RegExp(`${standIns.charPrefix}([0-9a-f]+)x`, 'g'), (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
  return new TextEncoder().encode(xml);
}

/** A cell's line break is LF, as Excel stores it (a bare CR would be read back as LF anyway). */
function cleanText(text: string): string {
  return text.replace(NOT_XML, '').replace(/\r\n?/g, '\n');
}

function libraryCell(cell: Cell, header: boolean, standIns: StandIns): LibraryCell {
  if (cell === null) return null;
  if (isHundredthsCell(cell)) return { value: cell.hundredths / 100, type: Number, format: POINTS_FORMAT };
  if (typeof cell === 'number') return header ? { value: cell, type: Number, fontWeight: 'bold' } : { value: cell, type: Number };
  if (typeof cell === 'boolean') return { value: cell, type: Boolean };
  const text = standInText(cleanText(cell), standIns);
  if (header) return { value: text, type: String, fontWeight: 'bold' };
  return text.includes('\n') ? { value: text, type: String, wrap: true, alignVertical: 'top' } : { value: text, type: String };
}

function librarySheet(sheet: Sheet, standIns: StandIns): LibrarySheet<Blob> {
  const rows = [sheet.header as Cell[], ...sheet.rows];
  return {
    sheet: sheet.name,
    stickyRowsCount: 1,
    columns: (sheet.columnWidths ?? fittedWidths(sheet)).map((width) => ({ width })),
    data: rows.map((row, r) => row.map((cell) => libraryCell(cell, r === 0, standIns))),
  };
}

/** 1980-01-01, the zip format's earliest date: the same workbook always gives the same bytes. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export async function writeXlsx(book: Workbook): Promise<Result<Uint8Array, string[]>> {
  const problems = checkWorkbook(book);
  if (problems.length > 0) return err(problems);
  const standIns = standInsFor(book);
  const blob = await writeXlsxFile(book.sheets.map((sheet) => librarySheet(sheet, standIns)), FONT).toBlob();
  // Re-stamp the parts with a fixed date, in the library's order: same workbook, same bytes.
  const parts = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const strings = parts['xl/sharedStrings.xml'];
  if (strings) parts['xl/sharedStrings.xml'] = restoreStandIns(strings, standIns);
  return ok(zipSync(parts, { level: 6, mtime: FIXED_MTIME }));
}
