import type { CriteriaSet } from './criteria-set.js';
import { GBT19580_2012 } from './gbt19580-2012.js';

/** The criteria sets every device has without importing one (docs/domain.md §4: GB/T 19580-2012). */
export const BUILT_IN_CRITERIA_SETS: readonly CriteriaSet[] = [GBT19580_2012];

/** "GB/T 19580-2012 卓越绩效评价准则", or "某行业评审标准（第2版）" for a set with a version. */
export function criteriaSetLabel(set: Pick<CriteriaSet, 'name' | 'version'>): string {
  return set.version ? `${set.name}（${set.version}）` : set.name;
}
