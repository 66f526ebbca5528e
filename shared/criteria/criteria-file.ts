import { err, ok, type Result } from '../util/result.js';
import type { CriteriaSet } from './criteria-set.js';
import { validateCriteriaSet } from './validate-criteria-set.js';

/**
 * A criteria set from a JSON file (an industry's variant, Art. 16), as `zqa criteria --set`,
 * `zqa total --set` and the secretariat's import read it: UTF-8 JSON (a byte-order mark is
 * tolerated, as editors on Windows write one), then every rule of validateCriteriaSet. Every
 * problem is named with where it is.
 */
export function parseCriteriaSetFile(bytes: Uint8Array): Result<CriteriaSet, string[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err(['the file is not UTF-8 text']);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return err([`the file is not JSON: ${(e as Error).message}`]);
  }
  const set = validateCriteriaSet(json);
  if (!set.ok) return err(set.error.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
  return ok(set.value);
}
