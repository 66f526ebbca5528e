import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPackage } from '../../shared/packages/import-package.js';
import { PACKAGE_TYPES } from '../../shared/packages/manifest.js';
import { RecordingStore } from '../fuzz/recording-store.js';
import { runPackageFuzz, type FuzzFailure } from '../fuzz/run-package-fuzz.js';
import { runSeed } from '../fuzz/rng.js';
import { buildSeedPackages, type SeedSet } from '../fuzz/seed-packages.js';

/**
 * Hostile input: at least 10,000 mutated packages per run, seeded from a real
 * package of each of the six types, every one refused with a classified error, none
 * throwing, none slow, the store untouched. A failure prints the seed and keeps the failing
 * files: FUZZ_SEED=<seed> (and FUZZ_CASE=<i> FUZZ_CASES=1 for one case) replays the same
 * choices; keys and signatures are fresh each run, so the kept file is the exact input.
 */
const SEED = runSeed(process.env.FUZZ_SEED);
const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const FIRST = Number(process.env.FUZZ_CASE ?? 0);

/** Failing inputs as files (`case-<i>.zqa`), to feed to `zqa verify` or a debugger as they were. */
function keepFailures(failures: readonly FuzzFailure[]): string {
  if (failures.length === 0) return '(none)';
  const dir = mkdtempSync(join(tmpdir(), `zqa-fuzz-${SEED}-`));
  for (const f of failures) if (f.bytes) writeFileSync(join(dir, `case-${f.caseIndex}.zqa`), f.bytes);
  return dir;
}

let set: SeedSet;
beforeAll(async () => {
  set = await buildSeedPackages();
}, 60_000);

describe('package importer under hostile input', () => {
  it('has a real seed of every package type that imports cleanly, and writes nothing itself', async () => {
    expect(set.seeds.map((s) => s.type).sort()).toEqual([...PACKAGE_TYPES].sort());
    for (const seed of set.seeds) {
      const store = new RecordingStore();
      const r = await importPackage(seed.bytes, { keys: seed.receiver.keys, trust: seed.receiver.trust, held: seed.receiver.held, accept: [seed.type], history: store.port() });
      expect(r.ok ? r.value.type : r.error.message).toBe(seed.type);
      expect(store.reads).toHaveLength(1);
      expect(store.writes).toEqual([]);
    }
  });

  it(`refuses ${CASES} mutated packages with classified errors, no throw, no hang, store unchanged`, async () => {
    const report = await runPackageFuzz(set.seeds, { seed: SEED, cases: CASES, firstCase: FIRST, perCaseMs: 5000 });
    const kept = keepFailures(report.failures.slice(0, 15));
    const shown = report.failures.slice(0, 15).map((f) => `case ${f.caseIndex} (${f.type}, ${f.op}): ${f.problem}`);
    expect(shown, `FUZZ_SEED=${SEED}: ${report.failures.length} failures; the files are in ${kept}`).toEqual([]);
    expect(report.cases).toBe(CASES);
    // Every case is a mutation; only a few kinds may leave a package the format allows.
    expect(report.accepted).toBeLessThan(CASES * 0.02);
    console.info(`fuzz seed ${SEED}: ${report.cases} cases, ${report.accepted} accepted, slowest ${report.slowestMs.toFixed(0)} ms (${report.slowestOp}); codes ${JSON.stringify(report.codes)}`);
  }, 180_000);
});
