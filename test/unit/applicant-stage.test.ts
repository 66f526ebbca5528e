import { describe, expect, it } from 'vitest';
import { emptyEligibilityChecklist, emptyExclusionChecklist, confirmedExclusionNumbers, type EligibilityEntry } from '../../shared/applicant/checklists.js';
import { validateMaterialReview } from '../../shared/applicant/material-review.js';
import { checkTransition, type ApplicantState } from '../../shared/applicant/stage.js';
import { applicantProfileSchema } from '../../shared/applicant/applicant-profile.js';
import { applicantRecordSchema, applyTransition, newApplicantRecord } from '../../shared/applicant/applicant-record.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import type { EligibilityContext } from '../../shared/applicant/eligibility-check.js';
import { ELIGIBILITY_CONDITION_IDS } from '../../shared/regulation/eligibility.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';

/** Every condition ticked met; the year counts come from the dates in `context`. */
function allMet(): Record<string, EligibilityEntry> {
  return Object.fromEntries(ELIGIBILITY_CONDITION_IDS.map((id) => [id, { status: 'met' as const, evidence: '营业执照、推荐函' }]));
}
const context: EligibilityContext = {
  rules: rulesFromPreset('draft-2021', 0),
  callDate: '2026-03-01',
  facts: { foundedOn: '2010-05-01', excellenceModelSince: '2018-01-01', incidents: [] },
  priorAwards: [],
};
const state = (over: Partial<ApplicantState>): ApplicantState => ({ stage: 'applied', eligibility: emptyEligibilityChecklist(), exclusions: emptyExclusionChecklist(), eligibilityContext: context, ...over });
const fullReview = { criteriaSetId: GBT19580_2012.id, percentByItem: Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, 50])), siteVisitIssues: [{ itemId: '4.7.4', text: '核实近三年利润表' }] };

describe('applicant stages', () => {
  it('refuses eligibility while any condition is unmet or unchecked, naming each', () => {
    const eligibility = { ...allMet(), licensed: { status: 'unmet' as const, evidence: '缺生产许可证' }, recommended: { status: 'unchecked' as const, evidence: '' } };
    const r = checkTransition(state({ eligibility }), 'eligible');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((e) => e.code)).toEqual(['condition-unmet', 'condition-unmet']);
      expect(r.error[0]!.zh).toContain('取得国家规定应取得的相关证照或资质”不符合');
      expect(r.error[1]!.en).toContain('has not been checked');
    }
    expect(checkTransition(state({ eligibility: allMet() }), 'eligible').ok).toBe(true);
  });

  it('refuses eligibility with a confirmed exclusion, and allows ineligible for it', () => {
    const exclusions = { ...emptyExclusionChecklist(), 5: { status: 'confirmed' as const, evidence: '2023年度亏损' } };
    expect(confirmedExclusionNumbers(exclusions)).toEqual([5]);
    const r = checkTransition(state({ eligibility: allMet(), exclusions }), 'eligible');
    expect(!r.ok && r.error[0]).toMatchObject({ code: 'exclusion-confirmed', zh: '已确认第十四条第5项否决情形' });
    expect(checkTransition(state({ eligibility: allMet(), exclusions, stage: 'on-site' }), 'ineligible').ok).toBe(true);
    expect(checkTransition(state({ eligibility: allMet(), exclusions, stage: 'on-site', onSiteTotalHundredths: 60000 }), 'candidate').ok).toBe(false);
  });

  it('refuses ineligible when nothing disqualifies', () => {
    const r = checkTransition(state({ eligibility: allMet() }), 'ineligible');
    expect(!r.ok && r.error[0]!.code).toBe('nothing-disqualifying');
  });

  it('allows only the stage machine’s moves', () => {
    const r = checkTransition(state({ stage: 'applied', eligibility: allMet() }), 'candidate');
    expect(!r.ok && r.error[0]!.zh).toContain('不能从“已申报”转到“候选单位”');
    const final = checkTransition(state({ stage: 'decided' }), 'withdrawn', '举报查实');
    expect(!final.ok && final.error[0]!.en).toContain('final');
  });

  it('needs the material review before on-site and the on-site result before candidate', () => {
    expect(checkTransition(state({ stage: 'material-review', eligibility: allMet() }), 'on-site').ok).toBe(false);
    const review = validateMaterialReview(GBT19580_2012, fullReview);
    expect(review.ok).toBe(true);
    if (!review.ok) return;
    expect(checkTransition(state({ stage: 'material-review', eligibility: allMet(), materialReview: review.value }), 'on-site').ok).toBe(true);
    expect(checkTransition(state({ stage: 'on-site', eligibility: allMet() }), 'candidate').ok).toBe(false);
    expect(checkTransition(state({ stage: 'on-site', eligibility: allMet(), onSiteTotalHundredths: 50000 }), 'candidate').ok).toBe(true);
  });

  it('needs a reason to withdraw', () => {
    expect(checkTransition(state({ stage: 'public-notice' }), 'withdrawn', '  ').ok).toBe(false);
    expect(checkTransition(state({ stage: 'public-notice' }), 'withdrawn', '公示期举报经查实').ok).toBe(true);
  });

  it('validates the material review against the criteria set', () => {
    const r = validateMaterialReview(GBT19580_2012, { ...fullReview, percentByItem: { ...fullReview.percentByItem, '4.1.2': 52 }, siteVisitIssues: [{ itemId: '9.9', text: 'x' }] });
    expect(!r.ok && r.error.map((e) => e.code)).toEqual(['off-grid', 'issue']);
  });
});

describe('the applicant record', () => {
  const profile = { id: 'a1', name: '郑州宇达机械有限公司', creditCode: '91350100M000100Y43', industry: '装备制造', address: '郑州市', contact: { name: '张三', phone: '0371-12345678' } };
  it('moves through stages with a history, and refusals change nothing', () => {
    const record = newApplicantRecord('zz-2026', applicantProfileSchema.parse(profile));
    const frozen = structuredClone(record);
    const ctx = { rules: context.rules, callDate: context.callDate };
    const refused = applyTransition(record, 'eligible', { at: '2026-03-01T02:00:00Z', by: '秘书处' }, ctx);
    expect(refused.ok).toBe(false);
    expect(record).toEqual(frozen);
    const ready = { ...record, eligibility: allMet(), facts: context.facts };
    const moved = applyTransition(ready, 'eligible', { at: '2026-03-01T02:00:00Z', by: '秘书处', reason: ' 资格审核通过 ' }, ctx);
    expect(moved.ok && moved.value).toMatchObject({ stage: 'eligible', history: [{ from: 'applied', to: 'eligible', by: '秘书处', reason: '资格审核通过' }] });
    if (moved.ok) expect(applicantRecordSchema.parse(JSON.parse(JSON.stringify(moved.value)))).toEqual(moved.value);
  });
});
