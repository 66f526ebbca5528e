// Report generation for a 7-member panel with full notes and a three-day visit with site checks
// and a reservation: without photos (the `report.*` figures, comparable with earlier runs) and
// with 50 evidence photos at print size (`report.photos50*`, the panel the report's targets are
// set for). Each panel renders in its own fresh Node process (bench/report-render-child.mjs), so
// "first in process" includes parsing both fonts and warming pdfmake, as the first report a
// user produces does. The same pdfmake build the renderer loads.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const IDS = [
  'report.firstMs',
  'report.firstCpuMs',
  'report.medianMs',
  'report.signMs',
  'report.sizeMB',
  'report.photos50FirstMs',
  'report.photos50FirstCpuMs',
  'report.photos50MedianMs',
  'report.photos50SignMs',
  'report.photos50SizeMB',
];

const child = join(dirname(fileURLToPath(import.meta.url)), 'report-render-child.mjs');

function measure(photos) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, String(photos)], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  return JSON.parse(out);
}

export default async function reportBench() {
  const plain = measure(0);
  const photos = measure(50);
  return [
    { id: 'report.firstMs', name: 'report render, first in process (7 members, full notes)', value: plain.firstMs, unit: 'ms' },
    { id: 'report.firstCpuMs', name: 'report render, first in process: CPU time of the process', value: plain.firstCpuMs, unit: 'ms' },
    { id: 'report.medianMs', name: 'report render, median of 5 after the first', value: plain.medianMs, unit: 'ms' },
    { id: 'report.signMs', name: 'report PAdES signing (placeholder, CMS, ECDSA)', value: plain.signMs, unit: 'ms' },
    { id: 'report.sizeMB', name: 'signed report size (7 members, full notes)', value: plain.sizeMB, unit: 'MB' },
    { id: 'report.photos50FirstMs', name: 'report render, first in process (7 members, full notes, 50 photos)', value: photos.firstMs, unit: 'ms' },
    { id: 'report.photos50FirstCpuMs', name: 'report render with 50 photos, first in process: CPU time of the process', value: photos.firstCpuMs, unit: 'ms' },
    { id: 'report.photos50MedianMs', name: 'report render with 50 photos, median of 5 after the first', value: photos.medianMs, unit: 'ms' },
    { id: 'report.photos50SignMs', name: 'report with 50 photos, PAdES signing', value: photos.signMs, unit: 'ms' },
    { id: 'report.photos50SizeMB', name: 'signed report size (7 members, full notes, 50 photos)', value: photos.sizeMB, unit: 'MB' },
  ];
}
