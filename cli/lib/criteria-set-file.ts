import { readFile } from 'node:fs/promises';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { parseCriteriaSetFile } from '../../shared/criteria/criteria-file.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { err, ok, type Result } from '../../shared/util/result.js';

/** The criteria set a command works against: `--set FILE` (validated), else the built-in GB/T 19580-2012. */
export async function criteriaSetArg(file: string | undefined): Promise<Result<CriteriaSet, string[]>> {
  if (file === undefined) return ok(GBT19580_2012);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    return err([`cannot read ${file}: ${(e as Error).message}`]);
  }
  const set = parseCriteriaSetFile(bytes);
  return set.ok ? set : err(set.error.map((m) => `${file}: ${m}`));
}
