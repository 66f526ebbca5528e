import { describe, expect, it } from 'vitest';
import { emptyEligibilityChecklist, emptyExclusionChecklist, type EligibilityEntry } from '../../shared/applicant/checklists.js';
import { eligibilityViews, incidentLookback, type EligibilityContext } from '../../shared/applicant/eligibility-check.js';
import { awardValidUntil, latestPriorAward, priorAwardRefusals, revocationBarUntil } from '../../shared/applicant/prior-awards.js';
import { checkTransition, type ApplicantState } from '../../shared/applicant/stage.js';
import { ARTICLE_13_BY_PRESET, ELIGIBILITY_CONDITION_IDS } from '../../shared/regulation/eligibility.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';

/** Art. 13's years from dates, Art. 14's look-back, and the bars of Art. 24 and 27. */
const ticked = (): Record<string, EligibilityEntry> => Object.fromEntries(ELIGIBILITY_CONDITION_IDS.map((id) => [id, { status: 'met' as const, evidence: '核验原件' }]));
const ctx = (over: Partial<EligibilityContext> = {}): EligibilityContext => ({
  rules: rulesFromPreset('draft-2021', 0),
  callDate: '2026-03-01',
  facts: { foundedOn: '2023-03-01', excellenceModelSince: '2025-02-28', incidents: [] },
  priorAwards: [],
  ...over,
});
const state = (c: EligibilityContext): ApplicantState => ({ stage: 'applied', eligibility: ticked(), exclusions: emptyExclusionChecklist(), eligibilityContext: c });
const statusOf = (c: EligibilityContext, id: string) => eligibilityViews(ticked(), c).find((v) => v.condition.id === id);

describe('Art. 13: the years are computed from dates, never ticked', () => {
  it('3 years of operation under the draft: founded 2023-03-01 counts 3 years on 2026-03-01, not on 2026-02-28', () => {
    expect(statusOf(ctx(), 'operating-years')).toMatchObject({ status: 'met', computed: { years: 3, required: 3, from: '2023-03-01' } });
    expect(statusOf(ctx({ callDate: '2026-02-28' }), 'operating-years')).toMatchObject({ status: 'unmet', computed: { years: 2, required: 3 } });
    expect(statusOf(ctx(), 'excellence-model-years')).toMatchObject({ status: 'met', computed: { years: 1, required: 1 } });
  });

  it('a tick cannot stand in for a date: without the founding date or the call date it is unchecked', () => {
    expect(statusOf(ctx({ facts: { incidents: [] } }), 'operating-years')).toMatchObject({ status: 'unchecked', computed: { missing: 'date' } });
    expect(statusOf(ctx({ callDate: undefined }), 'operating-years')).toMatchObject({ status: 'unchecked', computed: { missing: 'call-date' } });
    const r = checkTransition(state(ctx({ facts: { incidents: [] } })), 'eligible');
    expect(!r.ok && r.error.map((e) => e.zh)).toEqual([expect.stringContaining('（须登记起始日期）'), expect.stringContaining('（须登记起始日期）')]);
  });

  it('the 2022 rules: 5 years, 3 for 专精特新; their own texts', () => {
    const rules = rulesFromPreset('adopted-2022', 0);
    const founded = { foundedOn: '2022-01-01', excellenceModelSince: '2024-01-01', incidents: [] };
    expect(statusOf(ctx({ rules, facts: founded }), 'operating-years')).toMatchObject({ status: 'unmet', computed: { years: 4, required: 5 } });
    expect(statusOf(ctx({ rules, facts: founded, category: '专精特新' }), 'operating-years')).toMatchObject({ status: 'met', computed: { years: 4, required: 3 } });
    expect(ARTICLE_13_BY_PRESET['adopted-2022'][1]).toContain('合法运营5年以上');
    expect(ARTICLE_13_BY_PRESET['draft-2021'][1]).toContain('合法运营3年以上');
    expect(eligibilityViews(emptyEligibilityChecklist(), ctx({ rules })).find((v) => v.condition.id === 'legal-person')!.condition.zh).toBe('具有法人资格或者为其他组织');
  });

  it('incidents within the look-back before the call are listed; the years since the last one counted', () => {
    const c = ctx({ facts: { foundedOn: '2000-01-01', incidents: [{ date: '2022-06-01', exclusion: 6, note: '较大安全事故' }, { date: '2023-03-01', exclusion: 3, note: '省级抽查不合格' }, { date: '2023-02-28', exclusion: 5, note: '年度亏损' }] } });
    const l = incidentLookback(c);
    expect(l.since).toBe('2023-03-01');
    expect(l.within.map((i) => i.date)).toEqual(['2023-03-01']);
    expect(l.yearsWithout).toBe(3);
  });
});

describe('after the award: validity, repeat winners, revocation bars', () => {
  const rules = rulesFromPreset('draft-2021', 0);
  it('an Award decided on 2022-06-01 is valid through 2026-05-31; the organisation may apply again from 2026-06-01', () => {
    const award = { kind: 'award' as const, year: 2022, decidedOn: '2022-06-01' };
    expect(awardValidUntil(award, rules)).toBe('2026-05-31');
    expect(priorAwardRefusals([award], '2026-05-31', rules)).toEqual([expect.objectContaining({ code: 'award-still-valid', until: '2026-05-31' })]);
    expect(priorAwardRefusals([award], '2026-06-01', rules)).toEqual([]);
    expect(latestPriorAward({ priorAwards: [award] })).toEqual({ year: 2022, kind: 'award' });
  });

  it('a revoked award bars the organisation for 4 years from the revocation; the refusal names Art. 24 and the end date', () => {
    const revoked = { kind: 'award' as const, year: 2020, decidedOn: '2020-06-01', revocation: { ground: 1 as const, reason: '申报材料弄虚作假', date: '2023-03-10', decisionRef: '郑政文〔2023〕8号' } };
    expect(revocationBarUntil(revoked.revocation, rules)).toBe('2027-03-09');
    const refusals = priorAwardRefusals([revoked], '2026-03-01', rules);
    expect(refusals).toEqual([expect.objectContaining({ code: 'revocation-bar', until: '2027-03-09' })]);
    expect(refusals[0]!.zh).toContain('依第二十四条4年内不得再次申报，至2027-03-09止');
    // A revoked award makes no repeat winner.
    expect(latestPriorAward({ priorAwards: [revoked] })).toBeUndefined();
    // The eligibility check refuses the barred applicant with the article and the date.
    const r = checkTransition(state(ctx({ facts: { foundedOn: '2000-01-01', excellenceModelSince: '2010-01-01', incidents: [] }, priorAwards: [revoked] })), 'eligible');
    expect(!r.ok && r.error.map((e) => [e.code, e.zh])).toEqual([['prior-award', expect.stringContaining('至2027-03-09止')]]);
    // And it may be moved to ineligible for it.
    expect(checkTransition({ ...state(ctx({ priorAwards: [revoked] })), stage: 'applied' }, 'ineligible').ok).toBe(true);
  });

  it('the bar follows the cycle’s years', () => {
    const revoked = { kind: 'nomination' as const, year: 2020, decidedOn: '2020-06-01', revocation: { ground: 3 as const, reason: '严重不良社会影响', date: '2023-03-10', decisionRef: 'X' } };
    expect(priorAwardRefusals([revoked], '2026-03-01', { ...rules, revocationBarYears: 2 })).toEqual([]);
  });
});
