/**
 * Feeds mutated packages to `importPackage` and `verifyPackage` and checks the promises for
 * each: nothing thrown, an error with one of the codes of errors.ts, bounded time, and the
 * store untouched. Case `i` of seed `s` draws from its own generator `s + i`, so
 * FUZZ_SEED=s FUZZ_CASE=i replays exactly one case's choices.
 */
import { importPackage } from '../../shared/packages/import-package.js';
import { PACKAGE_ERROR_CODES, type PackageError } from '../../shared/packages/errors.js';
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from '../../shared/packages/limits.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import type { Result } from '../../shared/util/result.js';
import { BYTE_MUTATORS, type Mutant } from './byte-mutations.js';
import { RecordingStore } from './recording-store.js';
import { rng, type Rng } from './rng.js';
import type { SeedPackage } from './seed-packages.js';
import { SIGNED_MUTATORS } from './signed-mutations.js';

export interface FuzzFailure {
  /** The mutated file itself: keys and signatures are fresh each run, so a seed replays the choices, not the bytes. */
  bytes?: Uint8Array;
  caseIndex: number;
  type: string;
  op: string;
  problem: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  failures: FuzzFailure[];
  codes: Record<string, number>;
  accepted: number;
  slowestMs: number;
  slowestOp: string;
}

type Op = { name: string; weight: number; run(seed: SeedPackage, r: Rng): Mutant | Promise<Mutant> };
const OPS: Op[] = [
  ...BYTE_MUTATORS.map(([name, f, weight]) => ({ name, weight, run: (s: SeedPackage, r: Rng) => f(s.bytes, r) })),
  ...SIGNED_MUTATORS.map(([name, f, weight]) => ({ name, weight, run: f })),
];
const TOTAL_WEIGHT = OPS.reduce((n, o) => n + o.weight, 0);

function pickOp(r: Rng): Op {
  let x = r.next() * TOTAL_WEIGHT;
  for (const op of OPS) if ((x -= op.weight) < 0) return op;
  return OPS[OPS.length - 1]!;
}

const KNOWN = new Set<string>(PACKAGE_ERROR_CODES);
const STORED_ROWS: [string, { packageId: string; revision: number; manifestSha256: string }][] = [
  ['scoresheet/other-panel/0123456789abcdef0123456789abcdef', { packageId: 'd'.repeat(32), revision: 3, manifestSha256: 'e'.repeat(64) }],
];

/** Resolves after `ms` unless cleared: an awaited call that never settles is reported, not waited for. */
function deadline(ms: number): { promise: Promise<'hung'>; clear(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), ms)));
  return { promise, clear: () => clearTimeout(timer) };
}

async function guarded(what: string, run: () => Promise<Result<unknown, PackageError>>, perCaseMs: number): Promise<{ result?: Result<unknown, PackageError>; problem?: string; ms: number }> {
  const started = performance.now();
  // Twice the bound before giving up on the call: a slow case is reported as slow, a stuck one as stuck.
  const stop = deadline(perCaseMs * 2);
  try {
    const result = await Promise.race([run(), stop.promise]);
    if (result === 'hung') return { problem: `${what} did not settle within ${perCaseMs * 2} ms`, ms: performance.now() - started };
    const ms = performance.now() - started;
    return ms > perCaseMs ? { result, problem: `${what} took ${ms.toFixed(0)} ms (bound ${perCaseMs} ms)`, ms } : { result, ms };
  } catch (e) {
    return { problem: `${what} threw: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`, ms: performance.now() - started };
  } finally {
    stop.clear();
  }
}

export async function runPackageFuzz(seeds: readonly SeedPackage[], options: { seed: number; cases: number; firstCase?: number; perCaseMs: number }): Promise<FuzzReport> {
  const report: FuzzReport = { seed: options.seed, cases: 0, failures: [], codes: {}, accepted: 0, slowestMs: 0, slowestOp: '' };
  const first = options.firstCase ?? 0;
  for (let i = first; i < first + options.cases; i++) {
    const r = rng((options.seed + i) >>> 0);
    const seed = seeds[i % seeds.length]!;
    const op = pickOp(r);
    let mutant: Mutant;
    try {
      mutant = await op.run(seed, r);
    } catch (e) {
      report.failures.push({ caseIndex: i, type: seed.type, op: op.name, problem: `the mutator itself failed: ${(e as Error).message}` });
      continue;
    }
    const fail = (problem: string) => report.failures.push({ caseIndex: i, type: seed.type, op: mutant.op, problem, bytes: mutant.bytes });
    // Now and then, also that the importer leaves the caller's bytes alone.
    const original = i % 16 === 0 ? mutant.bytes.slice() : null;
    const store = new RecordingStore(STORED_ROWS);
    const before = store.snapshot();
    const limits = r.chance(0.05) ? tightLimits(seed.bytes.length, r) : undefined;
    const options_ = { keys: seed.receiver.keys, trust: seed.receiver.trust, held: seed.receiver.held, accept: [seed.type], history: store.port(), ...(limits ? { limits } : {}) };
    const imported = await guarded('importPackage', () => importPackage(mutant.bytes, options_), options.perCaseMs);
    const verified = await guarded('verifyPackage', () => verifyPackage(mutant.bytes, { trust: seed.receiver.trust, held: seed.receiver.held, accept: [seed.type], ...(limits ? { limits } : {}) }), options.perCaseMs);
    report.cases++;
    if (original && !sameBytes(original, mutant.bytes)) fail('the input bytes were changed');
    for (const g of [imported, verified]) {
      if (g.ms > report.slowestMs) [report.slowestMs, report.slowestOp] = [g.ms, `${seed.type} ${mutant.op}`];
      if (g.problem) fail(g.problem);
    }
    const result = imported.result;
    if (!result) continue;
    if (result.ok) {
      report.accepted++;
      if (mutant.mustRefuse) fail('accepted a package that must be refused');
      continue;
    }
    const code = result.error.code;
    report.codes[code] = (report.codes[code] ?? 0) + 1;
    if (!KNOWN.has(code)) fail(`unclassified error code "${code}"`);
    if (typeof result.error.detail !== 'string' || result.error.detail.length > 2000) fail('error detail missing or unbounded');
    if (store.writes.length > 0 || store.snapshot() !== before) fail(`store changed: ${store.writes.join(', ')}`);
    // Codes a reader can also give after decryption: for content.json, a card's content, or a nested package of a return.
    const detail = result.error.detail;
    const afterDecryption =
      ((code === 'entry-too-large' || code === 'not-canonical') && detail.startsWith('content.json')) ||
      (code === 'sender-name-mismatch' && detail.includes('the card is')) ||
      /^(scoresheet|countersignature) of [0-9a-f]{32}: /.test(detail);
    const contentCodes = ['not-a-recipient', 'decrypt-failed', 'content-malformed', 'content-invalid', 'history-broken', 'score-not-in-history', 'history-rewritten', 'return-incomplete', 'return-part-invalid', 'duplicate', 'stale-revision', 'revision-conflict'];
    if (verified.result?.ok && !afterDecryption && !contentCodes.includes(code)) {
      fail(`verifyPackage accepted what importPackage refused before decryption (${code})`);
    }
  }
  return report;
}

/** A host's stricter limits, one of them below what this package needs: the limit checks meet hostile input too. */
function tightLimits(fileBytes: number, r: Rng): PackageLimits {
  const limits = { ...DEFAULT_PACKAGE_LIMITS };
  const key = r.pick(Object.keys(limits) as (keyof PackageLimits)[]);
  limits[key] = key === 'maxEntries' ? r.int(0, 3) : r.int(0, fileBytes);
  return limits;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
