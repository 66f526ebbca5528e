import { renderDocumentPdf, type ReportFonts } from '../report/render-pdf.js';
import { buildPaperScoresheet } from './paper-scoresheet-document.js';
import type { PaperScoresheetInput } from './paper-scoresheet-input.js';

/** The paper scoresheet as PDF bytes, in the report's faces; the same input gives the same bytes. */
export function renderPaperScoresheetPdf(input: PaperScoresheetInput, fonts: ReportFonts): Promise<Uint8Array> {
  return renderDocumentPdf(buildPaperScoresheet(input), fonts);
}
