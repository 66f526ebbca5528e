import { readFile } from 'node:fs/promises';
import { DRAFT_2021 } from '../../shared/regulation/presets.js';
import { formatHundredths, meetsThreshold } from '../../shared/scoring/hundredths.js';
import { parseCompletePercentMap } from '../../shared/scoring/percent-map.js';
import { scoreTotals } from '../../shared/scoring/totals.js';
import { criteriaSetArg } from '../lib/criteria-set-file.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { printJson, UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa total FILE [--set CRITERIA.json] [--threshold POINTS]
  The total of a complete { "percent": { itemId: p } } file against the built-in GB/T
  19580-2012, or an industry's criteria set (--set, validated first), compared with the award
  threshold: --threshold, else the 2021 draft's.`;

/** `zqa total FILE`: the total of a complete `{ "percent": { itemId: p } }` file. */
export async function totalCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { set: { type: 'string' }, threshold: { type: 'string' } }, USAGE);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const threshold = values.threshold === undefined ? DRAFT_2021.rules.awardThresholdPoints : Number(values.threshold);
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 1000) throw new UsageError(`--threshold must be whole points from 0 to 1000\n${USAGE}`);
  const set = await criteriaSetArg(values.set);
  if (!set.ok) {
    for (const m of set.error) io.stderr(`zqa total: ${m}\n`);
    return 1;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.stderr(`zqa total: cannot read ${file} as JSON: ${(e as Error).message}\n`);
    return 1;
  }
  const percent = typeof input === 'object' && input !== null ? (input as { percent?: unknown }).percent : undefined;
  const parsed = parseCompletePercentMap(set.value, percent);
  if (!parsed.ok) {
    for (const e of parsed.error) io.stderr(`zqa total: ${e.message}\n`);
    return 1;
  }
  const totals = scoreTotals(set.value, parsed.value);
  printJson(io, {
    criteriaSetId: set.value.id,
    totalHundredths: totals.totalHundredths,
    total: formatHundredths(totals.totalHundredths),
    thresholdPoints: threshold,
    meetsThreshold: meetsThreshold(totals.totalHundredths, threshold),
    categories: totals.categories.map((c) => ({ id: c.id, scoreHundredths: c.scoreHundredths, maxPoints: c.maxPoints })),
  });
  return 0;
}
