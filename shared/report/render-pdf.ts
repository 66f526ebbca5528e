import { pdfmakeEngine } from './pdfmake-engine.js';
import { buildReportDocument, REPORT_FONT } from './report-document.js';
import type { ReportInput } from './report-input.js';

/** Noto Sans SC TTF bytes (OFL). WOFF/WOFF2 render blank glyphs in pdfmake, so TTF only. */
export interface ReportFonts {
  regular: Uint8Array;
  /** Headings; without it they are set in the regular weight. */
  bold?: Uint8Array | undefined;
}

export class ReportInputError extends Error {}

const registered = new WeakMap<Uint8Array, string>();
let fontCounter = 0;

/** Puts a font into pdfmake's virtual file system once per byte array; pdfkit takes the bytes as they are. */
function register(bytes: Uint8Array): string {
  let name = registered.get(bytes);
  if (name) return name;
  if (!isTrueType(bytes)) throw new ReportInputError('the report font must be a TrueType (.ttf) file');
  name = `report-font-${++fontCounter}.ttf`;
  pdfmakeEngine().virtualfs.writeFileSync(name, bytes);
  registered.set(bytes, name);
  return name;
}

function isTrueType(bytes: Uint8Array): boolean {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  return tag === '\x00\x01\x00\x00' || tag === 'true';
}

/**
 * Renders the report to PDF bytes with the font embedded as a subset. The same input and
 * fonts give the same bytes (creation date from the input), so a hash of the report is stable.
 */
export async function renderReportPdf(input: ReportInput, fonts: ReportFonts): Promise<Uint8Array> {
  const definition = buildReportDocument(input);
  if (!definition.ok) throw new ReportInputError(definition.error);
  const engine = pdfmakeEngine();
  const regular = register(fonts.regular);
  const bold = fonts.bold ? register(fonts.bold) : regular;
  engine.setFonts({ [REPORT_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  const buffer = await engine.createPdf(definition.value).getBuffer();
  // pdfmake hands back a Buffer (or its browser polyfill); callers get a plain Uint8Array.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}
