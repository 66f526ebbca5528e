import { formatHundredths } from '../scoring/hundredths.js';
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

