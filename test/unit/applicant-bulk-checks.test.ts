import { describe, expect, it } from 'vitest';
import { markConditionsMet, markExclusionsClear, uncheckedConditionIds, uncheckedExclusionNumbers } from '../../shared/applicant/bulk-checks.js';
import { emptyEligibilityChecklist, emptyExclusionChecklist } from '../../shared/applicant/checklists.js';
import type { EligibilityContext } from '../../shared/applicant/eligibility-check.js';
import { ELIGIBILITY_CONDITIONS_BY_PRESET } from '../../shared/regulation/eligibility.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';

/** The secretariat's bulk step: only 未核查 entries, exactly those confirmed, or nothing. */
const ctx: EligibilityContext = { rules: rulesFromPreset('draft-2021', 0), callDate: '2026-03-01', facts: { foundedOn: '2020-01-01', excellenceModelSince: '2024-01-01', incidents: [] }, priorAwards: [] };
const tickable = ELIGIBILITY_CONDITIONS_BY_PRESET['draft-2021'].filter((c) => !c.computed).map((c) => c.id);

describe('Art. 13 conditions: the rest marked 符合', () => {
  it('lists the unchecked tickable conditions in the text’s order, never the computed year counts', () => {
    const checklist = { ...emptyEligibilityChecklist(), [tickable[0]!]: { status: 'unmet' as const, evidence: '营业执照过期' } };
    const listed = uncheckedConditionIds(checklist, ctx);
    expect(listed).toEqual(tickable.slice(1));
    expect(listed).not.toContain('operating-years');
    expect(listed).not.toContain('excellence-model-years');
  });

  it('marks exactly those 符合, keeps each evidence note, and leaves a decided one alone', () => {
    const checklist = { ...emptyEligibilityChecklist(), [tickable[0]!]: { status: 'unmet' as const, evidence: '营业执照过期' }, [tickable[1]!]: { status: 'unchecked' as const, evidence: '见附件 3' } };
    const r = markConditionsMet(checklist, ctx, uncheckedConditionIds(checklist, ctx));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[tickable[0]!]).toEqual({ status: 'unmet', evidence: '营业执照过期' });
    expect(r.value[tickable[1]!]).toEqual({ status: 'met', evidence: '见附件 3' });
    for (const id of tickable.slice(2)) expect(r.value[id]?.status).toBe('met');
    expect(uncheckedConditionIds(r.value, ctx)).toEqual([]);
  });

  it('refuses, changing nothing, when the list shown is no longer the list (an entry changed meanwhile) or is empty', () => {
    const checklist = emptyEligibilityChecklist();
    const shown = uncheckedConditionIds(checklist, ctx);
    const meanwhile = { ...checklist, [tickable[2]!]: { status: 'unmet' as const, evidence: '' } };
    const r = markConditionsMet(meanwhile, ctx, shown);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.zh).toContain('清单已有变化');
    expect(markConditionsMet(checklist, ctx, []).ok).toBe(false);
  });
});

describe('Art. 14 exclusions: the rest marked 无此情形', () => {
  it('marks exactly the unchecked ones clear; 待现场核查 and 已确认 stay', () => {
    const checklist = { ...emptyExclusionChecklist(), 2: { status: 'flagged' as const, evidence: '投诉待核' }, 5: { status: 'confirmed' as const, evidence: '处罚决定书' } };
    const listed = uncheckedExclusionNumbers(checklist);
    expect(listed).toEqual([1, 3, 4, 6, 7]);
    const r = markExclusionsClear(checklist, listed);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[2]).toEqual({ status: 'flagged', evidence: '投诉待核' });
    expect(r.value[5]).toEqual({ status: 'confirmed', evidence: '处罚决定书' });
    expect(uncheckedExclusionNumbers(r.value)).toEqual([]);
    expect(markExclusionsClear(r.value, listed).ok).toBe(false);
  });
});
