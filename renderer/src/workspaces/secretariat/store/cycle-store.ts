import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import { validateCycle } from '../../../../../shared/cycle/cycle.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { CycleRecord } from '../../../db/secretariat-records.js';
import { criteriaSetById } from './criteria-store.js';
import { nowIso, type Bilingual } from './messages.js';

/**
 * Creates or updates a cycle with its rules: the domain validates (every problem at once, in
 * both languages; rules may be a preset with overrides, and the nomination minimum must be
 * stated); the criteria set must be on this device; nothing is written unless all is valid.
 */
export async function saveCycle(db: ZqaDatabase, input: unknown, actor: string): Promise<Result<Cycle, Bilingual[]>> {
  const checked = validateCycle(input);
  if (!checked.ok) return err(checked.error.map((p) => ({ zh: p.zh, en: p.en })));
  const cycle = checked.value;
  const at = nowIso();
  return db.transaction('rw', db.secCycles, db.secCriteriaSets, async () => {
    if (!(await criteriaSetById(db, cycle.criteriaSetId))) {
      return err([{ zh: `评审标准“${cycle.criteriaSetId}”不在本机，请先导入`, en: `criteria set "${cycle.criteriaSetId}" is not on this device; import it first` }]);
    }
    const before = await db.secCycles.get(cycle.id);
    const row: CycleRecord = { id: cycle.id, cycle, createdAt: before?.createdAt ?? at, updatedAt: at, updatedBy: actor };
    await db.secCycles.put(row);
    return ok(cycle);
  });
}

export async function listCycles(db: ZqaDatabase): Promise<CycleRecord[]> {
  const rows = await db.secCycles.toArray();
  return rows.sort((a, b) => b.cycle.ordinal - a.cycle.ordinal);
}
