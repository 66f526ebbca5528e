import type { ReportFonts } from '../../../shared/report/render-pdf.js';
import type { ReportInput } from '../../../shared/report/report-input.js';
import { REPORT_FONT_URLS } from './report-font-urls.js';

/**
 * The leader's screen calls this to make the report PDF. pdfmake (2.4 MB) and the fonts
 * (15 and 10 MB) load on first use only, so the expert's everyday screens stay light.
 */
let fonts: Promise<ReportFonts> | undefined;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the report font could not be loaded from the app (${response.status} ${url})`);
  return new Uint8Array(await response.arrayBuffer());
}

function loadReportFonts(): Promise<ReportFonts> {
  fonts ??= Promise.all([fetchBytes(REPORT_FONT_URLS.serif), fetchBytes(REPORT_FONT_URLS.sansBold)]).then(([serif, sansBold]) => ({ serif, sansBold }));
  // A failed load may succeed next time (e.g. a renderer reload): do not cache the failure.
  fonts.catch(() => {
    fonts = undefined;
  });
  return fonts;
}

export async function renderReport(input: ReportInput): Promise<Uint8Array> {
  const [{ renderReportPdf }, loaded] = await Promise.all([import('../../../shared/report/render-pdf.js'), loadReportFonts()]);
  return renderReportPdf(input, loaded);
}
