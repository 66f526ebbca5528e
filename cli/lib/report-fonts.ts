import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReportFonts } from '../../shared/report/render-pdf.js';

/**
 * The report's faces for Node-side rendering (CLI, tests, bench), from the npm packages
 * pinned in package.json: Noto Serif SC Regular and Noto Sans SC Bold (both SIL OFL 1.1).
 */
const require = createRequire(import.meta.url);

const REPORT_FONT_FILES = {
  serif: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

function fontPath(face: keyof typeof REPORT_FONT_FILES): string {
  return require.resolve(REPORT_FONT_FILES[face]);
}

let cached: ReportFonts | undefined;

export function loadReportFonts(): ReportFonts {
  cached ??= { serif: new Uint8Array(readFileSync(fontPath('serif'))), sansBold: new Uint8Array(readFileSync(fontPath('sansBold'))) };
  return cached;
}
