import { withoutLayoutTables } from './font-without-layout.js';
import { inlineNamedStyles } from './inline-styles.js';
import { pdfmakeEngine } from './pdfmake-engine.js';
import { buildReportDocument, HEADING_FONT, REPORT_FONT } from './report-document.js';
import { photoFileName } from './sections-photos.js';
import type { ReportInput } from './report-input.js';
import type { DocumentDefinition } from './pdf-content.js';

/**
 * The report's two faces as TTF bytes (OFL): Noto Serif SC Regular for body text and Noto
 * Sans SC Bold for headings and emphasis. WOFF/WOFF2 render blank glyphs in pdfmake, so TTF
 * only. Each is embedded as a subset of the characters the report uses.
 */
export interface ReportFonts {
  serif: Uint8Array;
  sansBold: Uint8Array;
}

export class ReportInputError extends Error {}

const registered = new WeakMap<Uint8Array, string>();
let fontCounter = 0;

/**
 * Puts a font into pdfmake's virtual file system once per byte array, without its OpenType
 * layout tables (font-without-layout.ts says why), so every host sets the same glyphs.
 */
function register(bytes: Uint8Array): string {
  let name = registered.get(bytes);
  if (name) return name;
  if (!isTrueType(bytes)) throw new ReportInputError('the report font must be a TrueType (.ttf) file');
  name = `report-font-${++fontCounter}.ttf`;
  pdfmakeEngine().virtualfs.writeFileSync(name, withoutLayoutTables(bytes));
  registered.set(bytes, name);
  return name;
}

/**
 * A photo's bytes as an ArrayBuffer of its own. pdfkit opens an ArrayBuffer with one native
 * copy; a latin1 string (what pdfmake's file system otherwise turns into its Buffer) went
 * through a byte-by-byte JavaScript conversion that took about half a second for 50 photos.
 */
function ownArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
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
  for (const photo of input.photos ?? []) {
    if (!photo.image) continue;
    const name = photoFileName(photo.image.bytes);
    // Not a plain Uint8Array: pdfkit's image reader would take that for a file path.
    if (!engine.virtualfs.existsSync(name)) engine.virtualfs.writeFileSync(name, ownArrayBuffer(photo.image.bytes));
  }
  return renderDocumentPdf(definition.value, fonts);
}

/**
 * Any of our documents (the report, the paper scoresheet) to PDF bytes, in the report's two
 * faces embedded as subsets. Images the document names must already be in pdfmake's files.
 */
export async function renderDocumentPdf(definition: DocumentDefinition, fonts: ReportFonts): Promise<Uint8Array> {
  const engine = pdfmakeEngine();
  const serif = register(fonts.serif);
  const sans = register(fonts.sansBold);
  // Emphasis inside body text is set in the bold sans (黑体), as Chinese typesetting does; there is no serif bold.
  engine.setFonts({ [REPORT_FONT]: { normal: serif, bold: sans, italics: serif, bolditalics: sans }, [HEADING_FONT]: { normal: sans, bold: sans, italics: sans, bolditalics: sans } });
  const buffer = await engine.createPdf(inlineNamedStyles(definition)).getBuffer();
  // pdfmake hands back a Buffer (or its browser polyfill); callers get a plain Uint8Array.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}
