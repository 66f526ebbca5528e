import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface Entry {
  id: string;
  name: string;
  value: number;
  unit: string;
  target?: string | null;
  pass?: boolean | null;
}
interface TargetsModule {
  TARGETS: Record<string, { op: string; limit: number; of?: string }>;
  RATIOS: Record<string, [string, string]>;
  ID_PATTERN: RegExp;
  ratioEntries(entries: Entry[]): Entry[];
  withTargets(entries: Entry[]): Entry[];
  entryProblem(entry: Partial<Entry>, seen: Set<string>): string | null;
}

const benchDir = join(import.meta.dirname, '../../bench');
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(benchDir, file)).href)) as T;

let targets: TargetsModule;
/** Every id a bench declares it reports, by bench file. */
const declared = new Map<string, string[]>();

beforeAll(async () => {
  targets = await load<TargetsModule>('targets.mjs');
  for (const file of readdirSync(benchDir).filter((f) => /\.bench\.(mjs|ts)$/.test(f))) {
    declared.set(file, (await load<{ IDS?: string[] }>(file)).IDS ?? []);
  }
}, 60_000);

describe('benchmark figure ids', () => {
  it('every bench declares its ids, well formed and unique across benches', () => {
    const all = [...declared.values()].flat();
    expect(declared.size).toBeGreaterThanOrEqual(6);
    for (const [file, ids] of declared) expect(ids.length, file).toBeGreaterThan(0);
    expect(all.filter((id) => !targets.ID_PATTERN.test(id))).toEqual([]);
    expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
  });

  it('targets and ratios name only figures some bench reports', () => {
    const reported = new Set([...declared.values()].flat());
    const named = [...Object.keys(targets.TARGETS), ...Object.values(targets.TARGETS).flatMap((t) => (t.of ? [t.of] : [])), ...Object.values(targets.RATIOS).flat()];
    expect(named.filter((id) => !reported.has(id))).toEqual([]);
  });

  it('docs/benchmarks.md lists every id with what it measures, and no other', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/benchmarks.md'), 'utf8');
    const listed = new Set([...doc.matchAll(/^\| `([a-zA-Z0-9.]+)` \| [^|]+ \| [^|]+ \|$/gm)].map((m) => m[1]!));
    const expected = new Set([...[...declared.values()].flat(), ...Object.keys(targets.RATIOS), 'machine.load1Start', 'machine.load1End']);
    expect([...expected].filter((id) => !listed.has(id) && !doc.includes(`| \`${id}\` | \``))).toEqual([]);
    expect([...listed].filter((id) => !expected.has(id))).toEqual([]);
    // The targets table says what bench/targets.mjs checks.
    for (const [id, t] of Object.entries(targets.TARGETS)) expect(doc, id).toMatch(new RegExp(`\\| \`${id.replace('.', '\\.')}\` \\| ${t.op} ${t.limit}`));
  });
});

describe('targets checked from the ids', () => {
  const run: Entry[] = [
    { id: 'persist.commitP95', name: 'commit', value: 3.5, unit: 'ms' },
    { id: 'persist.bareStrictP95', name: 'bare', value: 1.8, unit: 'ms' },
    { id: 'start.emptyProfile', name: 'first', value: 301, unit: 'ms' },
    { id: 'report.sizeMB', name: 'size', value: 1.5, unit: 'MB' },
    { id: 'heap.usedMB', name: 'heap', value: 12, unit: 'MB' },
  ];

  it('holds a figure to a multiple of another figure of the same run', () => {
    const commit = targets.withTargets(run).find((e) => e.id === 'persist.commitP95')!;
    expect(commit.pass).toBe(true);
    expect(commit.target).toBe('≤ 2 × persist.bareStrictP95 (3.6 ms)');
    const slower = targets.withTargets(run.map((e) => (e.id === 'persist.commitP95' ? { ...e, value: 3.7 } : e)));
    expect(slower.find((e) => e.id === 'persist.commitP95')!.pass).toBe(false);
  });

  it('fails a relative target whose floor is missing from the run', () => {
    const alone = targets.withTargets(run.filter((e) => e.id !== 'persist.bareStrictP95'));
    expect(alone.find((e) => e.id === 'persist.commitP95')!.pass).toBe(false);
  });

  it('keeps ≤ and < apart, and leaves figures without a target as information', () => {
    const checked = targets.withTargets(run);
    expect(checked.find((e) => e.id === 'start.emptyProfile')).toMatchObject({ target: '≤ 300 ms', pass: false });
    expect(checked.find((e) => e.id === 'report.sizeMB')).toMatchObject({ target: '< 1.5 MB', pass: false });
    expect(checked.find((e) => e.id === 'heap.usedMB')).toMatchObject({ target: null, pass: null });
  });

  it('reports a ratio where both figures are in the run', () => {
    expect(targets.ratioEntries(run)).toEqual([{ id: 'persist.commitP95Ratio', name: 'commit ÷ bare', value: 1.94, unit: '×' }]);
  });

  it('refuses an entry without an id, with a malformed one, or a second with the same id', () => {
    expect(targets.entryProblem({ name: 'x', value: 1, unit: 'ms' }, new Set())).toContain('has no valid id');
    expect(targets.entryProblem({ id: 'Start', name: 'x', value: 1, unit: 'ms' }, new Set())).toContain('has no valid id');
    expect(targets.entryProblem({ id: 'start.reload', name: 'x', value: 1, unit: 'ms' }, new Set(['start.reload']))).toContain('share the id');
    expect(targets.entryProblem({ id: 'start.reload', name: 'x', value: 1, unit: 'ms' }, new Set())).toBeNull();
  });
});
