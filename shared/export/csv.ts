import { formatHundredths } from '../scoring/hundredths.js';
import { err, ok, type Result } from '../util/result.js';
import { isHundredthsCell, type Cell } from './sheet-model.js';

/**
 * CSV as RFC 4180 has it (CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled), encoded UTF-8 with a byte-order mark: without it Excel on a Chinese
 * Windows PC reads the file as GBK and shows mojibake.
 *
 * A text field beginning with = + - @ (or a tab / carriage return) is prefixed with an
 * apostrophe, so a spreadsheet never runs an applicant-supplied name as a formula (OWASP
 * "CSV injection"). Numbers are written as numbers and are never prefixed.
 */
const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: Cell): string {
  if (cell === null) return '';
  if (isHundredthsCell(cell)) return formatHundredths(cell.hundredths);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(BOM + text);
}

/**
 * Parses RFC 4180 CSV (a leading BOM dropped, CRLF or LF line ends) into rows of strings.
 * For reading back what toCsv writes; a stray quote inside an unquoted field is refused.
 */
export function parseCsv(input: string): Result<string[][], string> {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRow = (): void => {
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return err('a quoted field is not closed');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') return err(`unexpected character after a quoted field at ${i}`);
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') return err(`a quote inside an unquoted field at ${i}`);
        value += text[i];
        i++;
      }
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
      if (i === text.length) row.push('');
    } else if (text[i] === '\r' || text[i] === '\n') {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
    }
  }
  if (row.length > 0) endRow();
  return ok(rows);
}
