import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReportFonts } from '../../shared/report/render-pdf.js';

/** Noto Sans SC (OFL) from @expo-google-fonts/noto-sans-sc, for Node-side rendering (CLI, tests, bench). */
const require = createRequire(import.meta.url);

export function fontPath(weight: '400Regular' | '700Bold'): string {
  return require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);
}

let cached: ReportFonts | undefined;

export function loadReportFonts(): ReportFonts {
  cached ??= { regular: new Uint8Array(readFileSync(fontPath('400Regular'))), bold: new Uint8Array(readFileSync(fontPath('700Bold'))) };
  return cached;
}
