import type { CriteriaSet } from '../../../../../shared/criteria/criteria-set.js';
import { BUILT_IN_CRITERIA_SETS } from '../../../../../shared/criteria/built-in.js';
import { parseCriteriaSetFile } from '../../../../../shared/criteria/criteria-file.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { CriteriaSetRow } from '../../../db/secretariat-records.js';
import { nowIso, same, type Bilingual } from './messages.js';

/**
 * Criteria sets per industry (Art. 16): a JSON file validated by the domain's rules (items sum
 * to their category, categories to 1000, every item a kind, ids unique), kept whole, chosen per
 * cycle and carried in the assignment. The built-in GB/T 19580-2012 is always there; an
 * imported set may not reuse its id or another imported set's.
 */
export async function importCriteriaSet(db: ZqaDatabase, bytes: Uint8Array, fileName: string, actor: string): Promise<Result<CriteriaSetRow, Bilingual[]>> {
  const parsed = parseCriteriaSetFile(bytes);
  if (!parsed.ok) return err(parsed.error.map((e) => same(e)));
  const set = parsed.value;
  if (BUILT_IN_CRITERIA_SETS.some((b) => b.id === set.id)) return err([{ zh: `编号“${set.id}”是内置评审标准的编号`, en: `"${set.id}" is the id of a built-in criteria set` }]);
  const row: CriteriaSetRow = { id: set.id, set, fileName, importedAt: nowIso(), importedBy: actor };
  return db.transaction('rw', db.secCriteriaSets, async () => {
    if (await db.secCriteriaSets.get(set.id)) return err([{ zh: `编号为“${set.id}”的评审标准已导入，未作更改`, en: `a criteria set "${set.id}" is already imported; nothing changed` }]);
    await db.secCriteriaSets.add(row);
    return ok(row);
  });
}

/** Every set a cycle may choose: the built-in ones, then the imported ones. */
export async function listCriteriaSets(db: ZqaDatabase): Promise<CriteriaSet[]> {
  return [...BUILT_IN_CRITERIA_SETS, ...(await db.secCriteriaSets.toArray()).map((r) => r.set)];
}

/** The set a cycle names, or undefined when it is neither built in nor imported on this device. */
export async function criteriaSetById(db: ZqaDatabase, id: string): Promise<CriteriaSet | undefined> {
  return BUILT_IN_CRITERIA_SETS.find((s) => s.id === id) ?? (await db.secCriteriaSets.get(id))?.set;
}
