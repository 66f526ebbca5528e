import { err, ok, type Result } from '../util/result.js';
import type { Content, DocumentDefinition } from './pdf-content.js';
import { buildReportModel, type ReportModel } from './report-model.js';
import type { ReportInput } from './report-input.js';
import { keepHeadingsWithNext } from './keep-with-next.js';
import { conclusionSection, exclusionSection } from './sections-conclusion.js';
import { applicantSection, cover, panelSection, processSection } from './sections-front.js';
import { notesSection } from './sections-notes.js';
import { photoImages, photosAppendix } from './sections-photos.js';
import { divergenceSection, scoreSection } from './sections-scores.js';
import { reservationsSection, signaturePage, technicalPage } from './sections-signing.js';
import { siteSection } from './sections-site.js';

/**
 * The two pdfmake font families render-pdf.ts registers (both OFL): body text in a Song/Ming
 * face (Noto Serif SC), as Chinese official documents set it, with emphasis in the bold sans;
 * headings, table headers and the cover in the sans face (黑体, Noto Sans SC Bold).
 */
export const REPORT_FONT = 'NotoSerifSC';
export const HEADING_FONT = 'NotoSansSC';

/** A4 in points; the margins leave room for the running header and the page number. */
const A4_WIDTH = 595.28;
const PAGE_MARGINS: [number, number, number, number] = [56, 64, 56, 56];
const DEFAULT_STYLE = { font: REPORT_FONT, fontSize: 10, lineHeight: 1.3 };

const STYLES: DocumentDefinition['styles'] = {
  secret: { font: HEADING_FONT, fontSize: 10, alignment: 'right', bold: true },
  coverAward: { font: HEADING_FONT, fontSize: 30, bold: true, alignment: 'center', characterSpacing: 4 },
  coverTitle: { font: HEADING_FONT, fontSize: 34, bold: true, alignment: 'center', characterSpacing: 8, margin: [0, 18, 0, 0] },
  coverCycle: { fontSize: 15, alignment: 'center', margin: [0, 20, 0, 0] },
  coverLabel: { font: HEADING_FONT, fontSize: 14, bold: true, alignment: 'right' },
  coverValue: { fontSize: 14 },
  coverIssuer: { fontSize: 14, alignment: 'center', margin: [0, 6, 0, 0] },
  running: { fontSize: 8, color: '#666666' },
  h1: { font: HEADING_FONT, fontSize: 15, bold: true, margin: [0, 14, 0, 6] },
  h2: { font: HEADING_FONT, fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  h3: { font: HEADING_FONT, fontSize: 10.5, bold: true, margin: [0, 8, 0, 2] },
  label: { font: HEADING_FONT, bold: true },
  caption: { fontSize: 9, lineHeight: 1.3, margin: [0, 3, 0, 0] },
  seal: { fontSize: 9, color: '#777777', alignment: 'center' },
  body: { fontSize: 10, lineHeight: 1.45, margin: [0, 2, 0, 4], alignment: 'justify' },
  listItem: { fontSize: 10, lineHeight: 1.4, margin: [0, 0, 0, 2], alignment: 'justify' },
  muted: { color: '#555555' },
  note: { fontSize: 8, color: '#444444', margin: [0, 3, 0, 0] },
  recommendation: { font: HEADING_FONT, fontSize: 12, bold: true, margin: [0, 6, 0, 0] },
  th: { font: HEADING_FONT, fontSize: 8, bold: true, alignment: 'center', fillColor: '#e8e8e8', lineHeight: 1.15 },
  td: { fontSize: 8, lineHeight: 1.2 },
  mono: { fontSize: 8, lineHeight: 1.2 },
  tdCategory: { font: HEADING_FONT, fontSize: 8, bold: true, fillColor: '#f7f7f7' },
  tdTotal: { font: HEADING_FONT, fontSize: 9, bold: true, alignment: 'center' },
};

/**
 * The on-site review report's pdfmake document definition, in Simplified Chinese. Pure:
 * the same input gives the same definition, and the PDF's dates come from the input.
 */
export function buildReportDocument(input: ReportInput): Result<DocumentDefinition, string> {
  const model = buildReportModel(input);
  if (!model.ok) return err(model.error);
  return ok(documentFor(model.value));
}

function documentFor(model: ReportModel): DocumentDefinition {
  const { input } = model;
  const sections: ((m: ReportModel, n: number) => Content[])[] = [
    applicantSection,
    panelSection,
    processSection,
    scoreSection,
    notesSection,
    siteSection,
    exclusionSection,
    divergenceSection,
    conclusionSection,
    reservationsSection,
  ];
  const issued = new Date(input.issuedAt);
  const title = `郑州市市长质量奖现场评审报告——${input.applicant.name}`;
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: {
      title,
      author: `${model.leaderName}（评审组组长）`,
      subject: `${input.cycleName} 现场评审报告`,
      keywords: '市长质量奖, 现场评审报告, GB/T 19580',
      creator: '市长质量奖现场评审',
      producer: '市长质量奖现场评审 (pdfmake)',
      creationDate: issued,
      modDate: issued,
    },
    header: (page) =>
      page === 1
        ? ''
        : { text: `${input.applicant.name}\u3000现场评审报告`, style: 'running', margin: [56, 30, 56, 0], alignment: 'right' },
    footer: (page, count) => (page === 1 ? '' : { text: `第 ${page - 1} 页\u3000共 ${count - 1} 页`, style: 'running', alignment: 'center', margin: [0, 18, 0, 0] }),
    // A heading never ends a page (keep-with-next.ts): decided here, so pdfmake lays the document out once.
    content: keepHeadingsWithNext(
      [...cover(model), ...sections.flatMap((section, i) => section(model, i + 1)), ...photosAppendix(model), ...signaturePage(model), ...technicalPage(model)],
      { styles: STYLES, defaultStyle: DEFAULT_STYLE, width: A4_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2] },
    ),
    images: photoImages(input.photos ?? []),
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
  };
}
