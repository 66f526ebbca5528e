import { err, ok, type Result } from '../util/result.js';
import { EXCLUSION_RULES, type ExclusionNumber } from '../regulation/exclusions.js';
import type { EligibilityChecklist, EligibilityEntry, ExclusionChecklist, ExclusionEntry } from './checklists.js';
import { eligibilityViews, type EligibilityContext } from './eligibility-check.js';

/**
 * The secretariat's "the rest is fine" after a careful look at the exceptions: every Art. 13
 * condition still 未核查 marked 符合, or every Art. 14 exclusion still 未核查 marked 无此情形, in
 * one step after one confirmation that lists exactly those. Only 未核查 entries are touched:
 * one already marked (不符合, 待现场核查, 已确认 …) is the secretariat's own decision and stays.
 * The year counts of Art. 13 are computed from dates and are never ticked, so they are never
 * listed. Each entry keeps its evidence note.
 */

/** The tickable Art. 13 conditions still unchecked, in the text's order. */
export function uncheckedConditionIds(checklist: EligibilityChecklist, ctx: EligibilityContext): string[] {
  return eligibilityViews(checklist, ctx)
    .filter((v) => !v.condition.computed && v.status === 'unchecked')
    .map((v) => v.condition.id);
}

/** The Art. 14 exclusions still unchecked, ascending. */
export function uncheckedExclusionNumbers(checklist: ExclusionChecklist): ExclusionNumber[] {
  return EXCLUSION_RULES.filter((r) => (checklist[r.number]?.status ?? 'unchecked') === 'unchecked').map((r) => r.number);
}

/** Why a confirmed list can no longer be applied as it was shown. */
export interface BulkCheckRefusal {
  zh: string;
  en: string;
}

const listChanged = (): BulkCheckRefusal => ({
  zh: '确认之后清单已有变化（有条目已被改动），未做任何修改。请重新查看后再确认。',
  en: 'The list changed after it was confirmed (an entry was changed meanwhile); nothing was changed. Look again, then confirm.',
});

const sameList = (shown: readonly (string | number)[], now: readonly (string | number)[]) => shown.length === now.length && shown.every((x, i) => x === now[i]);

/** Every listed condition marked 符合, if the list is still exactly the unchecked ones; otherwise nothing. */
export function markConditionsMet<C extends EligibilityChecklist>(checklist: C, ctx: EligibilityContext, listed: readonly string[]): Result<C, BulkCheckRefusal> {
  if (listed.length === 0 || !sameList(listed, uncheckedConditionIds(checklist, ctx))) return err(listChanged());
  const next: Record<string, EligibilityEntry | undefined> = { ...checklist };
  for (const id of listed) next[id] = { status: 'met', evidence: checklist[id]?.evidence ?? '' };
  return ok(next as C);
}

/** Every listed exclusion marked 无此情形, if the list is still exactly the unchecked ones; otherwise nothing. */
export function markExclusionsClear<C extends ExclusionChecklist>(checklist: C, listed: readonly ExclusionNumber[]): Result<C, BulkCheckRefusal> {
  if (listed.length === 0 || !sameList(listed, uncheckedExclusionNumbers(checklist))) return err(listChanged());
  const next: Partial<Record<ExclusionNumber, ExclusionEntry>> = { ...checklist };
  for (const n of listed) next[n] = { status: 'clear', evidence: checklist[n]?.evidence ?? '' };
  return ok(next as C);
}
