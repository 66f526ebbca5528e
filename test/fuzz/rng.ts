import { seededRandom, type SeededRandom } from '../../cli/lib/seeded-random.js';

/** The fuzzers' one source of choices: seeded, so a printed seed replays a run. */
export interface Rng extends SeededRandom {
  chance(p: number): boolean;
  bytes(n: number): Uint8Array;
  /** A byte other than `not`. */
  byteOtherThan(not: number): number;
}

export function rng(seed: number): Rng {
  const r = seededRandom(seed);
  return {
    ...r,
    chance: (p) => r.next() < p,
    bytes: (n) => Uint8Array.from({ length: n }, () => r.int(0, 255)),
    byteOtherThan: (not) => (not + r.int(1, 255)) & 0xff,
  };
}

/** The run's seed: FUZZ_SEED from the environment to replay one, else a new one. */
export function runSeed(env: string | undefined): number {
  const given = env ? Number(env) : NaN;
  return Number.isInteger(given) ? given >>> 0 : (Date.now() ^ 0x5eed) >>> 0;
}
