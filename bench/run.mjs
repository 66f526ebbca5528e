// Benchmark runner (`npm run bench` builds first, then runs this). Benchmarks are not tests:
// they report figures against targets; nothing in `npm test` times anything.
//
// Each `bench/*.bench.mjs` or `bench/*.bench.ts` (TypeScript through tsx) default-exports
//   async function (context) => Entry[]
// where context is { root, machine } (root: the repository folder; machine: see below) and
// each Entry is
//   { name: string,          // what was measured, e.g. "review screen load (23 items, 300 notes, 50 photos)"
//     value: number,         // the figure
//     unit: string,          // "ms", "MB", "MB/s", …
//     target: string | null, // the target for people, e.g. "≤ 150 ms"; null when there is none
//     pass: boolean | null } // whether value meets target; null when there is no target
// The runner runs the files one at a time (the machine has 2 cores), writes every entry to
// bench/results.json as an array, and prints a table of figure, target and verdict with the
// machine it ran on. A bench that throws is reported as failed and the others still run.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

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

const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(' / ');
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
    for (const e of entries) results.push({ name: e.name, value: e.value, unit: e.unit, target: e.target ?? null, pass: e.pass ?? null });
  } catch (error) {
    process.stdout.write(`  ${file} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    const message = error instanceof Error ? error.message : String(error);
    results.push({ name: `${file} (did not complete)`, value: Number.NaN, unit: '', target: null, pass: false, error: message.split('\n')[0].slice(0, 300) });
  }
  process.stdout.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

// NaN (a failed bench) is written as null, which JSON can hold.
writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');

const rows = results.map((r) => [r.name, Number.isFinite(r.value) ? `${Math.round(r.value * 100) / 100} ${r.unit}` : '—', r.target ?? '—', r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL']);
const header = ['figure', 'value', 'target', 'verdict'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
// The load average matters on a shared 2-core machine: timings stretch with it.
const load = loadavg().map((l) => l.toFixed(2)).join(' / ');
console.log(`\nmachine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.chromium}; load average at start ${loadAtStart}, at end ${load}`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
for (const r of results.filter((x) => x.error)) console.log(`\nFAILED ${r.name}: ${r.error}`);
for (const s of strays) console.log(`unhandled rejection (left behind by a failed bench), noticed while ${s}`);
console.log(`\nwritten: bench/results.json (${results.length} entries)`);
