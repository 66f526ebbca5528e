// Export and import of a scoresheet with 200 photos (~300 MB) and with 1000 (~1.5 GB, three
// days of a careful expert), each through the streamed package code (shared/packages/stream/:
// format version 3, a chunk at a time from and to files), against `sha256sum` + `unzip -t` of
// the same file in the same run (the target: import within 1.2× of that pair), and the peak
// resident memory of each step (target ≤ 200 MB whatever the size). The CPU time of the import
// and of the pair is reported beside their wall time: on a machine other work keeps busy,
// wall time says as much about the others as about us. Both read the file from the page cache
// (export wrote it just before; the import runs first, the pair after). Each step runs in its own
// Node process (bench/packages-stream-child.mjs) so its peak (VmHWM) is its own. Photos are
// random bytes: they do not compress, as JPEGs do not. Files live in a temporary folder,
// deleted after. The same export and import run again through the desktop app's path (the
// renderer's ByteSink and ByteSource over the bridge's files by handle, each call through main's
// handler into main's file service; `bridge-*` in the child), their peak beside the others'.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const PHOTO_BYTES = 1_500_000;
const SIZES = [
  { photos: 200, prefix: '' },
  { photos: 1000, prefix: 'large' },
];
const child = join(dirname(fileURLToPath(import.meta.url)), 'packages-stream-child.mjs');

/** `import.ms` for the 300 MB sheet, `import.largeMs` for the 1.5 GB one. */
const id = (area, prefix, figure) => `${area}.${prefix ? prefix + figure[0].toUpperCase() + figure.slice(1) : figure}`;

export const IDS = SIZES.flatMap(({ prefix }) => ['export.ms', 'export.peakMB', 'export.bridgeMs', 'export.bridgePeakMB', 'import.pairMs', 'import.ms', 'import.pairCpuMs', 'import.cpuMs', 'import.peakMB', 'import.bridgeMs', 'import.bridgePeakMB'].map((full) => id(full.split('.')[0], prefix, full.split('.')[1])));

const step = (mode, dir, ...args) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', child, mode, dir, ...args.map(String)], { encoding: 'utf8', maxBuffer: 1024 * 1024 }));

/** The children's user + system time from the last line of a POSIX shell's `times` ("0m3.570000s 0m0.260000s"). */
function cpuMsOfTimes(output) {
  const last = output.trim().split('\n').at(-1) ?? '';
  const parts = [...last.matchAll(/(\d+)m([\d.]+)s/g)];
  if (parts.length !== 2) throw new Error(`cannot read the shell's times: ${JSON.stringify(output)}`);
  return parts.reduce((ms, [, min, sec]) => ms + (Number(min) * 60 + Number(sec)) * 1000, 0);
}

export default async function packagesBench() {
  const entries = [];
  for (const { photos, prefix } of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'zqa-bench-'));
    try {
      step('prepare', dir, photos, PHOTO_BYTES);
      const exported = step('export', dir);
      // Written again over the first file, through the bridge's handle calls: the imports below read this one.
      const bridgeExported = step('bridge-export', dir);
      const imported = step('import', dir);
      rmSync(join(dir, 'imported'), { recursive: true, force: true });
      const bridgeImported = step('bridge-import', dir);
      rmSync(join(dir, 'bridge-imported'), { recursive: true, force: true });
      const file = join(dir, 'scoresheet.zqa');
      const t = performance.now();
      // The shell's `times` prints its children's user and system time last: the pair's CPU time.
      const times = execFileSync('sh', ['-c', 'sha256sum "$1" >/dev/null && unzip -tq "$1" >/dev/null && times', 'sh', file], { encoding: 'utf8' });
      const pairMs = performance.now() - t;
      const pairCpuMs = cpuMsOfTimes(times);
      const label = `scoresheet, ${photos} photos, ${(exported.bytes / 1e6).toFixed(0)} MB`;
      entries.push(
        { id: id('export', prefix, 'ms'), name: `streamed scoresheet export (${label}): seal, hash and write a chunk at a time, atomic write`, value: Math.round(exported.ms), unit: 'ms' },
        { id: id('export', prefix, 'peakMB'), name: `streamed export (${label}): peak resident memory of its process`, value: exported.peakMB, unit: 'MB' },
        { id: id('import', prefix, 'pairMs'), name: `sha256sum + unzip -t of the same file (${label})`, value: Math.round(pairMs), unit: 'ms' },
        { id: id('import', prefix, 'ms'), name: `streamed package import (${label}): verify, decrypt, validate, each photo to a file`, value: Math.round(imported.ms), unit: 'ms' },
        { id: id('import', prefix, 'pairCpuMs'), name: `CPU time of sha256sum + unzip -t (${label})`, value: Math.round(pairCpuMs), unit: 'ms' },
        { id: id('import', prefix, 'cpuMs'), name: `CPU time of the streamed import (${label})`, value: Math.round(imported.cpuMs), unit: 'ms' },
        { id: id('import', prefix, 'peakMB'), name: `streamed import (${label}): peak resident memory of its process`, value: imported.peakMB, unit: 'MB' },
        { id: id('export', prefix, 'bridgeMs'), name: `streamed export through the bridge's files by handle (${label})`, value: Math.round(bridgeExported.ms), unit: 'ms' },
        { id: id('export', prefix, 'bridgePeakMB'), name: `streamed export through the bridge (${label}): peak resident memory, renderer's and main's sides together`, value: bridgeExported.peakMB, unit: 'MB' },
        { id: id('import', prefix, 'bridgeMs'), name: `streamed import through the bridge's files by handle (${label})`, value: Math.round(bridgeImported.ms), unit: 'ms' },
        { id: id('import', prefix, 'bridgePeakMB'), name: `streamed import through the bridge (${label}): peak resident memory, renderer's and main's sides together`, value: bridgeImported.peakMB, unit: 'MB' },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return entries;
}
