import type { CriteriaSet } from '../criteria/criteria-set.js';
import { itemsOf } from '../criteria/validate-criteria-set.js';
import { err, ok, type Result } from '../util/result.js';
import { isValidPercent } from './percent.js';

export interface PercentMapError {
  code: 'not-an-object' | 'missing-item' | 'unknown-item' | 'off-grid';
  itemId?: string;
  message: string;
}

/**
 * Reads a complete `{ itemId: percent }` map from outside (a file, a package) against a
 * criteria set: every item present, no stranger, every value on the 5% grid.
 */
export function parseCompletePercentMap(set: CriteriaSet, input: unknown): Result<Record<string, number>, PercentMapError[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err([{ code: 'not-an-object', message: 'percentages must be an object of item id → percentage' }]);
  }
  const record = input as Record<string, unknown>;
  const known = new Set(itemsOf(set).map((i) => i.id));
  const errors: PercentMapError[] = [];
  for (const item of itemsOf(set)) {
    if (!Object.hasOwn(record, item.id)) {
      errors.push({ code: 'missing-item', itemId: item.id, message: `item ${item.id} (${item.name}) has no percentage` });
    } else if (!isValidPercent(record[item.id])) {
      errors.push({
        code: 'off-grid',
        itemId: item.id,
        message: `item ${item.id} (${item.name}): ${JSON.stringify(record[item.id])} is not a percentage from 0 to 100 in steps of 5`,
      });
    }
  }
  for (const key of Object.keys(record)) {
    if (!known.has(key)) errors.push({ code: 'unknown-item', itemId: key, message: `item ${key} is not in criteria set ${set.id}` });
  }
  return errors.length > 0 ? err(errors) : ok(record as Record<string, number>);
}
