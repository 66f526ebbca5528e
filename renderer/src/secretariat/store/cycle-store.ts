import type { Cycle } from '../../../../shared/cycle/cycle.js';
import { validateCycle } from '../../../../shared/cycle/cycle.js';
import { err, ok, type Result } from '../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../db/database.js';
import type { CycleRecord } from '../records.js';
import { nowIso, type Bilingual } from './messages.js';

/**
 * Creates or updates a cycle with its rules: the domain validates (every problem at once, in
 * both languages); nothing is written unless all of it is valid.
 */
export async function saveCycle(db: ZqaDatabase, input: unknown, actor: string): Promise<Result<Cycle, Bilingual[]>> {
  const checked = validateCycle(input);
  if (!checked.ok) return err(checked.error.map((p) => ({ zh: p.zh, en: p.en })));
  const cycle = checked.value;
  const at = nowIso();
  await db.transaction('rw', db.secCycles, async () => {
    const before = await db.secCycles.get(cycle.id);
    const row: CycleRecord = { id: cycle.id, cycle, createdAt: before?.createdAt ?? at, updatedAt: at, updatedBy: actor };
    await db.secCycles.put(row);
  });
  return ok(cycle);
}

export async function listCycles(db: ZqaDatabase): Promise<CycleRecord[]> {
  const rows = await db.secCycles.toArray();
  return rows.sort((a, b) => b.cycle.ordinal - a.cycle.ordinal);
}
