// Bundle size of the built renderer: what `npm run bench` just built into dist/renderer.
// Code (JS + CSS) in total and the part index.html loads before the first screen (its entry
// script, the chunks it preloads, its stylesheets); the report fonts separately (they load
// only when a PDF is made). What the browser actually fetches before the first screen is
// measured in renderer.bench.mjs (bundle.fetchedBeforeFirstScreen).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const MB = 1024 * 1024;
const round = (n) => Math.round(n * 1000) / 1000;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

export const IDS = ['bundle.total', 'bundle.firstLoad', 'bundle.firstLoadCss', 'bundle.firstLoadGzip', 'bundle.lazy', 'bundle.largest', 'bundle.fonts'];

export default async function bundleBench({ root }) {
  const dist = join(root, 'dist/renderer');
  const files = filesUnder(dist).map((path) => ({ path, rel: relative(dist, path).replaceAll('\\', '/'), size: statSync(path).size }));
  if (!files.some((f) => f.rel === 'index.html')) throw new Error(`no built renderer in ${dist}`);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Everything index.html names (entry script, modulepreloads, stylesheets) loads up front.
  const initialNames = new Set([...html.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => m[1]));
  const code = files.filter((f) => /\.(js|mjs|css)$/.test(f.rel));
  const fonts = files.filter((f) => /\.(ttf|otf|woff2?)$/.test(f.rel));
  const initial = code.filter((f) => initialNames.has(f.rel));
  const sum = (xs) => xs.reduce((n, f) => n + f.size, 0);
  const gz = (xs) => xs.reduce((n, f) => n + gzipSync(readFileSync(f.path), { level: 9 }).length, 0);
  const largest = [...code].sort((a, b) => b.size - a.size)[0];
  const css = (xs) => xs.filter((f) => f.rel.endsWith('.css'));
  return [
    { id: 'bundle.total', name: `renderer bundle: JS + CSS, all ${code.length} files`, value: round(sum(code) / MB), unit: 'MB' },
    { id: 'bundle.firstLoad', name: `renderer bundle: JS + CSS loaded before the first screen (${initial.length} files)`, value: round(sum(initial) / MB), unit: 'MB' },
    { id: 'bundle.firstLoadCss', name: `  of which CSS (${css(initial).length} files)`, value: round(sum(css(initial)) / MB), unit: 'MB' },
    { id: 'bundle.firstLoadGzip', name: '  the same JS + CSS, gzip -9 (for comparison with web apps)', value: round(gz(initial) / MB), unit: 'MB' },
    { id: 'bundle.lazy', name: `renderer bundle: lazy JS + CSS (loaded on demand, e.g. the PDF engine)`, value: round((sum(code) - sum(initial)) / MB), unit: 'MB' },
    { id: 'bundle.largest', name: `renderer bundle: largest file (${largest?.rel ?? '—'})`, value: round((largest?.size ?? 0) / MB), unit: 'MB' },
    { id: 'bundle.fonts', name: `renderer fonts (${fonts.length} files, lazy: only for PDFs)`, value: round(sum(fonts) / MB), unit: 'MB' },
  ];
}
