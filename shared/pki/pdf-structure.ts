import { latin1Text } from '../util/bytes.js';

/**
 * Just enough PDF reading to append an incremental update to a file pdfmake (pdfkit) wrote:
 * the last trailer, the classic cross-reference table, and an object's dictionary text.
 * PDFs with cross-reference streams are refused rather than half-understood.
 */
export interface PdfRef {
  num: number;
  gen: number;
}

export interface PdfTail {
  /** Offset of the last cross-reference section (the next update's /Prev). */
  startxref: number;
  /** The trailer dictionary's text, `<< … >>`. */
  trailer: string;
  offsets: Map<number, number>;
  size: number;
}

export class PdfStructureError extends Error {}

/** One char per byte, so string offsets are byte offsets; only ASCII tokens are searched. */
export function binaryText(bytes: Uint8Array): string {
  return latin1Text(bytes);
}

export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7e || (code < 0x20 && code !== 0x0a && code !== 0x0d)) throw new PdfStructureError(`non-ASCII character at ${i} in PDF syntax`);
    out[i] = code;
  }
  return out;
}

export function readTail(text: string): PdfTail {
  const at = text.lastIndexOf('startxref');
  if (at < 0) throw new PdfStructureError('no startxref: not a complete PDF');
  const startxref = Number(/^startxref\s+(\d+)/.exec(text.slice(at))?.[1] ?? NaN);
  if (!Number.isInteger(startxref) || startxref >= text.length) throw new PdfStructureError('startxref points outside the file');
  if (!text.startsWith('xref', startxref)) throw new PdfStructureError('cross-reference streams are not supported (expected a classic xref table)');
  const offsets = new Map<number, number>();
  let pos = startxref + 4;
  const sub = /\s*(\d+) (\d+)\s*\n/y;
  for (;;) {
    sub.lastIndex = pos;
    const m = sub.exec(text);
    if (!m) break;
    const first = Number(m[1]);
    const count = Number(m[2]);
    pos = sub.lastIndex;
    for (let i = 0; i < count; i++) {
      const entry = text.slice(pos, pos + 20);
      const e = /^(\d{10}) (\d{5}) ([nf])/.exec(entry);
      if (!e) throw new PdfStructureError(`bad xref entry for object ${first + i}`);
      if (e[3] === 'n') offsets.set(first + i, Number(e[1]));
      pos += 20;
    }
  }
  const trailerAt = text.indexOf('trailer', pos);
  if (trailerAt < 0) throw new PdfStructureError('no trailer after the xref table');
  const trailer = readDictAt(text, text.indexOf('<<', trailerAt));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1] ?? NaN);
  if (!Number.isInteger(size)) throw new PdfStructureError('trailer has no /Size');
  if (trailer.includes('/Encrypt')) throw new PdfStructureError('encrypted PDFs cannot be signed here');
  return { startxref, trailer, offsets, size };
}

/** The dictionary text of object `ref`, `<< … >>`. */
export function readObjectDict(text: string, tail: PdfTail, ref: PdfRef): string {
  const offset = tail.offsets.get(ref.num);
  if (offset === undefined) throw new PdfStructureError(`object ${ref.num} is not in the xref table`);
  const head = new RegExp(`${ref.num}\\s+${ref.gen}\\s+obj\\s*`, 'y');
  head.lastIndex = offset;
  if (!head.exec(text)) throw new PdfStructureError(`xref offset of object ${ref.num} does not point at it`);
  if (!text.startsWith('<<', head.lastIndex)) throw new PdfStructureError(`object ${ref.num} is not a dictionary`);
  return readDictAt(text, head.lastIndex);
}

/** A dictionary from its `<<`, skipping nested dictionaries, strings and hex strings. */
function readDictAt(text: string, start: number): string {
  if (start < 0 || !text.startsWith('<<', start)) throw new PdfStructureError('expected a dictionary');
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith('<<', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('>>', i)) {
      depth--;
      i += 2;
      if (depth === 0) return text.slice(start, i);
    } else if (text[i] === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) break;
      i = end + 1;
    } else if (text[i] === '(') {
      i = skipLiteralString(text, i);
    } else i++;
  }
  throw new PdfStructureError('unterminated dictionary');
}

function skipLiteralString(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new PdfStructureError('unterminated string');
}

export function refIn(dict: string, key: string): PdfRef | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  return m ? { num: Number(m[1]), gen: Number(m[2]) } : undefined;
}

/** Adds `/Key value` before the dictionary's closing `>>`. */
export function withEntry(dict: string, key: string, value: string): string {
  if (new RegExp(`/${key}[\\s/<\\[(]`).test(dict)) throw new PdfStructureError(`dictionary already has /${key}`);
  return `${dict.slice(0, -2).trimEnd()}\n/${key} ${value}\n>>`;
}

/** PDF text string for any Unicode text: UTF-16BE with BOM, as a hex string (ASCII-safe). */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSS+08'00' in Beijing time, the zone the report is signed in. */
export function pdfDate(date: Date): string {
  const beijing = new Date(date.getTime() + 8 * 3600_000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `D:${p(beijing.getUTCFullYear(), 4)}${p(beijing.getUTCMonth() + 1)}${p(beijing.getUTCDate())}${p(beijing.getUTCHours())}${p(beijing.getUTCMinutes())}${p(beijing.getUTCSeconds())}+08'00'`;
}
