// Benchmark runner (`npm run bench` builds first, then runs this). Benchmarks are not tests:
// they report figures against targets; nothing in `npm test` times anything.
//
// Each `bench/*.bench.mjs` or `bench/*.bench.ts` (TypeScript through tsx) exports `IDS`, the
// ids of the figures it reports, and default-exports
//   async function (context) => Entry[]
// where context is { root, machine } (root: the repository folder; machine: see below) and
// each Entry is
//   { id: string,            // stable between versions, e.g. "start.emptyProfile" (docs/benchmarks.md)
//     name: string,          // what was measured, for people, e.g. "review screen load (23 items, 300 notes, 50 photos)"
//     value: number,         // the figure
//     unit: string }         // "ms", "MB", "×", …
// The runner runs the files one at a time (the machine has 2 cores), adds the ratios of
// timings to their floors measured in the same run and each id's target and verdict
// (bench/targets.mjs), writes every entry to bench/results.json as an array (with the load
// average at start and end as `machine.load1Start` and `machine.load1End`), and prints a table
// with the machine it ran on. A bench that throws is reported as failed and the others still run.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { entryProblem, ratioEntries, withTargets } from './targets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');

function chromiumVersion() {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not installed';
  }
}

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  chromium: chromiumVersion(),
};

const loadAtStart = loadavg();
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => /\.bench\.(mjs|ts)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

register();
const results = [];
// A failed bench can leave promises behind that reject later, while the next bench runs:
// note them against the bench that was running, never let them end the runner.
let running = '';
const strays = [];
process.on('unhandledRejection', (reason) => {
  const message = reason instanceof Error ? reason.message : String(reason);
  strays.push(`${running}: ${message}`);
  process.stdout.write(`  unhandled rejection, noticed while ${running} ran: ${message}\n`);
});
// A bench that hangs (a browser that never answers) is cut off and recorded as failed.
const BENCH_TIMEOUT_MS = 10 * 60 * 1000;
const withTimeout = (promise, file) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not finish within ${BENCH_TIMEOUT_MS / 60000} min`)), BENCH_TIMEOUT_MS);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
for (const file of files) {
  running = file;
  process.stdout.write(`running ${file} …\n`);
  const started = Date.now();
  try {
    const mod = await import(pathToFileURL(join(benchDir, file)).href);
    const entries = await withTimeout(Promise.resolve(mod.default({ root, machine })), file);
    const declared = new Set(mod.IDS ?? []);
    for (const e of entries) {
      const problem = entryProblem(e, new Set(results.map((r) => r.id))) ?? (declared.has(e.id) ? null : `${file} reports "${e.id}", which its IDS do not list`);
      if (problem) throw new Error(problem);
      results.push({ id: e.id, name: e.name, value: e.value, unit: e.unit });
    }
  } catch (error) {
    process.stdout.write(`  ${file} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    const message = error instanceof Error ? error.message : String(error);
    results.push({ id: `failed.${file.replace(/\.bench\.(mjs|ts)$/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase())}`, name: `${file} (did not complete)`, value: Number.NaN, unit: '', pass: false, error: message.split('\n')[0].slice(0, 300) });
  }
  process.stdout.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

// The load average matters on a shared 2-core machine: timings stretch with it.
const loadAtEnd = loadavg();
const checked = [
  ...withTargets([...results.filter((r) => !r.error), ...ratioEntries(results)]),
  ...results.filter((r) => r.error),
  { id: 'machine.load1Start', name: 'load average (1 min) when the run started', value: loadAtStart[0], unit: '', target: null, pass: null },
  { id: 'machine.load1End', name: 'load average (1 min) when the run ended', value: loadAtEnd[0], unit: '', target: null, pass: null },
];
// NaN (a failed bench) is written as null, which JSON can hold.
writeFileSync(join(benchDir, 'results.json'), JSON.stringify(checked, null, 2) + '\n');

const rows = checked.map((r) => [r.id, r.name, Number.isFinite(r.value) ? `${Math.round(r.value * 100) / 100} ${r.unit}` : '—', r.target ?? '—', r.pass === null || r.pass === undefined ? 'info' : r.pass ? 'PASS' : 'FAIL']);
const header = ['id', 'figure', 'value', 'target', 'verdict'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
const load = (l) => l.map((x) => x.toFixed(2)).join(' / ');
console.log(`\nmachine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.chromium}; load average at start ${load(loadAtStart)}, at end ${load(loadAtEnd)}`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
for (const r of checked.filter((x) => x.error)) console.log(`\nFAILED ${r.name}: ${r.error}`);
for (const s of strays) console.log(`unhandled rejection (left behind by a failed bench), noticed while ${s}`);
console.log(`\nwritten: bench/results.json (${checked.length} entries)`);
