import { asciiBytes, binaryText, pdfDate, pdfTextString, PdfStructureError, readObjectDict, readTail, refIn, withEntry } from './pdf-structure.js';

/**
 * Appends an incremental update that adds an invisible signature field to a finished PDF:
 * a /Sig dictionary with a fixed-width /ByteRange and a zero-filled /Contents, its widget
 * on the last page (the signature page), and an AcroForm in a new version of the catalog.
 * The original bytes stay untouched, which is what an incremental update is for.
 */
export const SIGNATURE_CONTENTS_BYTES = 8192;
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';

export interface SignatureFieldInfo {
  /** Signer's name as the PDF reader shows it. */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
  /** /SubFilter: PAdES baseline uses ETSI.CAdES.detached. */
  subFilter?: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';
}

export interface PreparedPdf {
  bytes: Uint8Array;
  /** Offsets of the hex digits between `<` and `>` of /Contents. */
  contentsStart: number;
  contentsEnd: number;
  byteRange: [number, number, number, number];
}

export function addSignaturePlaceholder(pdf: Uint8Array, info: SignatureFieldInfo): PreparedPdf {
  const text = binaryText(pdf);
  if (!text.startsWith('%PDF-')) throw new PdfStructureError('not a PDF (no %PDF- header)');
  const tail = readTail(text);
  const rootRef = refIn(tail.trailer, 'Root');
  if (!rootRef) throw new PdfStructureError('trailer has no /Root');
  const catalog = readObjectDict(text, tail, rootRef);
  if (/\/AcroForm[\s<]/.test(catalog)) throw new PdfStructureError('this PDF already has a form; signing a signed PDF again is not supported');
  const pagesRef = refIn(catalog, 'Pages');
  if (!pagesRef) throw new PdfStructureError('catalog has no /Pages');
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(readObjectDict(text, tail, pagesRef))?.[1] ?? '';
  const pageRefs = [...kids.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => ({ num: Number(m[1]), gen: Number(m[2]) }));
  const lastPage = pageRefs.at(-1);
  if (!lastPage) throw new PdfStructureError('the page tree has no pages');
  const pageDict = readObjectDict(text, tail, lastPage);
  if (!/\/Type\s*\/Page[^s]/.test(pageDict)) throw new PdfStructureError('the page tree is nested; only a flat page list is supported');

  const sigNum = tail.size;
  const widgetNum = tail.size + 1;
  const formNum = tail.size + 2;
  const annots = /\/Annots\s*\[([^\]]*)\]/.exec(pageDict);
  let newPage: string;
  if (annots) newPage = pageDict.replace(annots[0], `/Annots [${annots[1]!.trim()} ${widgetNum} 0 R]`);
  else if (/\/Annots\s/.test(pageDict)) throw new PdfStructureError('page annotations held in a separate object are not supported');
  else newPage = withEntry(pageDict, 'Annots', `[${widgetNum} 0 R]`);

  const contentsHex = '0'.repeat(SIGNATURE_CONTENTS_BYTES * 2);
  const sigDict = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    `/SubFilter /${info.subFilter ?? 'ETSI.CAdES.detached'}`,
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${contentsHex}>`,
    `/M (${pdfDate(info.signingTime)})`,
    `/Name ${pdfTextString(info.name)}`,
    `/Reason ${pdfTextString(info.reason)}`,
    `/Location ${pdfTextString(info.location)}`,
    '>>',
  ].join('\n');
  const objects: [number, number, string][] = [
    [rootRef.num, rootRef.gen, withEntry(catalog, 'AcroForm', `${formNum} 0 R`)],
    [lastPage.num, lastPage.gen, newPage],
    [sigNum, 0, sigDict],
    [widgetNum, 0, `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (Signature1)\n/V ${sigNum} 0 R\n/F 132\n/Rect [0 0 0 0]\n/P ${lastPage.num} ${lastPage.gen} R\n>>`],
    [formNum, 0, `<<\n/Fields [${widgetNum} 0 R]\n/SigFlags 3\n>>`],
  ];

  let update = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const base = pdf.length;
  const entries: [number, number, number][] = [];
  for (const [num, gen, body] of objects) {
    entries.push([num, gen, base + update.length]);
    update += `${num} ${gen} obj\n${body}\nendobj\n`;
  }
  const xrefAt = base + update.length;
  update += 'xref\n';
  for (const [num, gen, offset] of [...entries].sort((a, b) => a[0] - b[0])) {
    update += `${num} 1\n${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  }
  const info0 = /\/Info\s+\d+\s+\d+\s+R/.exec(tail.trailer)?.[0];
  const id = /\/ID\s*\[[^\]]*\]/.exec(tail.trailer)?.[0];
  update += `trailer\n<<\n/Size ${formNum + 1}\n/Root ${rootRef.num} ${rootRef.gen} R\n${info0 ? `${info0}\n` : ''}${id ? `${id}\n` : ''}/Prev ${tail.startxref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;

  const out = new Uint8Array(base + update.length);
  out.set(pdf);
  out.set(asciiBytes(update), base);
  const outText = binaryText(out.subarray(base));
  const contentsStart = base + outText.indexOf(`/Contents <${contentsHex.slice(0, 16)}`) + '/Contents <'.length;
  const contentsEnd = contentsStart + contentsHex.length;
  // The signed ranges leave out exactly the hex string, delimiters included.
  const byteRange: [number, number, number, number] = [0, contentsStart - 1, contentsEnd + 1, out.length - contentsEnd - 1];
  const rangeText = `/ByteRange [${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  if (rangeText.length !== BYTE_RANGE_PLACEHOLDER.length) throw new PdfStructureError('file too large for the byte range placeholder');
  const rangeAt = base + outText.indexOf(BYTE_RANGE_PLACEHOLDER);
  out.set(asciiBytes(rangeText), rangeAt);
  return { bytes: out, contentsStart, contentsEnd, byteRange };
}
