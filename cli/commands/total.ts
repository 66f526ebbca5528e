import { readFile } from 'node:fs/promises';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { formatHundredths, meetsThreshold } from '../../shared/scoring/hundredths.js';
import { parseCompletePercentMap } from '../../shared/scoring/percent-map.js';
import { scoreTotals } from '../../shared/scoring/totals.js';
import { printJson, UsageError, type CliIo, type ExitCode } from '../io.js';

const AWARD_THRESHOLD_POINTS = 500;

/** `zqa total FILE`: the total of a complete `{ "percent": { itemId: p } }` file. */
export async function totalCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new UsageError('usage: zqa total FILE');
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.stderr(`zqa total: cannot read ${file} as JSON: ${(e as Error).message}\n`);
    return 1;
  }
  const percent = typeof input === 'object' && input !== null ? (input as { percent?: unknown }).percent : undefined;
  const parsed = parseCompletePercentMap(GBT19580_2012, percent);
  if (!parsed.ok) {
    for (const e of parsed.error) io.stderr(`zqa total: ${e.message}\n`);
    return 1;
  }
  const totals = scoreTotals(GBT19580_2012, parsed.value);
  printJson(io, {
    totalHundredths: totals.totalHundredths,
    total: formatHundredths(totals.totalHundredths),
    meetsThreshold: meetsThreshold(totals.totalHundredths, AWARD_THRESHOLD_POINTS),
    categories: totals.categories.map((c) => ({ id: c.id, scoreHundredths: c.scoreHundredths, maxPoints: c.maxPoints })),
  });
  return 0;
}
