import { describe, expect, it } from 'vitest';
import { validateCycleRules } from '../../shared/cycle/cycle-rules.js';
import { cycleTitleZh, validateCycle } from '../../shared/cycle/cycle.js';
import { ADOPTED_2022, DRAFT_2021, rulesFromPreset } from '../../shared/regulation/presets.js';

describe('cycle rules on a preset', () => {
  it('the 2021 draft: 5 + 5 places, 500 points, panels of 5 to 7, 7 days of notice, valid 4 years, 1,000,000 yuan', () => {
    expect(rulesFromPreset('draft-2021', 0)).toEqual({
      preset: 'draft-2021',
      awardQuota: 5,
      nominationQuota: 5,
      awardThresholdPoints: 500,
      nominationMinimumPoints: 0,
      divergenceLimitPoints: 20,
      panelSizeMin: 5,
      panelSizeMax: 7,
      awardValidityYears: 4,
      revocationBarYears: 4,
      publicNoticeMinDays: 7,
      prizeMoneyYuan: { award: 1_000_000, nomination: 0 },
      reservations: [],
      unfilledReserved: 'vacant',
      eligibility: { operatingYears: 3, operatingYearsByCategory: [], excellenceModelYears: 1, lookbackYears: 3 },
    });
  });

  it('the 2022 rules: at most 8 Awards, 3 of them a separate pool for 专精特新, 5 years of operation (3 for 专精特新)', () => {
    const r = rulesFromPreset('adopted-2022', 300);
    expect(r).toMatchObject({ awardQuota: 8, nominationQuota: 0, nominationMinimumPoints: 300, awardThresholdPoints: 500 });
    expect(r.reservations).toEqual([{ category: '专精特新', label: '专精特新企业', award: 3, nomination: 0, kind: 'separate-pool' }]);
    expect(r.eligibility).toMatchObject({ operatingYears: 5, operatingYearsByCategory: [{ category: '专精特新', years: 3 }] });
    expect(validateCycleRules(r)).toEqual({ ok: true, value: r });
  });

  it('each preset names its source', () => {
    expect(DRAFT_2021.source.zh).toContain('2021年10月26日');
    expect(ADOPTED_2022.source.zh).toContain('郑政〔2022〕26号');
    expect(ADOPTED_2022.source.en).toMatch(/not checked/);
  });

  it('a copy of a preset is independent of it', () => {
    const r = rulesFromPreset('adopted-2022', 0);
    r.reservations[0]!.award = 1;
    r.eligibility.operatingYearsByCategory[0]!.years = 9;
    expect(ADOPTED_2022.rules.reservations[0]!.award).toBe(3);
    expect(ADOPTED_2022.rules.eligibility.operatingYearsByCategory[0]!.years).toBe(3);
  });

  it('refuse rules that do not state the nomination minimum: the regulation gives none', () => {
    const r = validateCycleRules({ preset: 'draft-2021' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toHaveLength(1);
      expect(r.error[0]!.path).toBe('nominationMinimumPoints');
      expect(r.error[0]!.en).toMatch(/state the nomination minimum \(0 for none\)/);
    }
    expect(validateCycleRules({ preset: 'draft-2021', nominationMinimumPoints: 0 }).ok).toBe(true);
  });

  it('take overrides on a preset, nested rules replaced whole', () => {
    const r = validateCycleRules({ preset: 'adopted-2022', nominationMinimumPoints: 400, awardThresholdPoints: 550, unfilledReserved: 'released' });
    expect(r.ok && r.value).toMatchObject({ preset: 'adopted-2022', awardQuota: 8, awardThresholdPoints: 550, nominationMinimumPoints: 400, unfilledReserved: 'released' });
    const unknown = validateCycleRules({ preset: 'draft-2030', nominationMinimumPoints: 0 });
    expect(!unknown.ok && unknown.error.map((p) => p.en)).toEqual(['preset: one of draft-2021, adopted-2022']);
  });

  it('refuse bad rules with every reason, in Chinese and English', () => {
    const r = validateCycleRules({ nominationMinimumPoints: 0, awardQuota: -1, panelSizeMin: 2.5, divergenceLimitPoints: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((p) => p.path).sort()).toEqual(['awardQuota', 'divergenceLimitPoints', 'panelSizeMin']);
      expect(r.error.find((p) => p.path === 'awardQuota')!.en).toMatch(/must not be negative/);
    }
    expect(validateCycleRules(null).ok).toBe(false);
  });

  it('refuse a minimum panel size above the maximum, and other contradictions', () => {
    const r = validateCycleRules({
      nominationMinimumPoints: 600,
      panelSizeMin: 8,
      panelSizeMax: 7,
      awardQuota: 1,
      reservations: [
        { category: 'a', label: 'A', award: 1, nomination: 0, kind: 'guaranteed-minimum' },
        { category: 'a', label: 'A2', award: 1, nomination: 0, kind: 'separate-pool' },
        { category: 'b', label: 'B', award: 0, nomination: 0, kind: 'guaranteed-minimum' },
      ],
      eligibility: { operatingYears: 5, operatingYearsByCategory: [{ category: 'x', years: 3 }, { category: 'x', years: 2 }], excellenceModelYears: 1, lookbackYears: 3 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const zh = r.error.map((p) => p.zh).join('\n');
      expect(zh).toContain('评审组最少人数（8）大于最多人数（7）');
      expect(zh).toContain('提名奖最低分（600）高于市长质量奖分数线（500）');
      expect(zh).toContain('重复预留名额');
      expect(zh).toContain('预留名额为零');
      expect(zh).toContain('预留的市长质量奖名额（2）超过名额总数（1）');
      expect(zh).toContain('类别“x”的运营年限重复设定');
    }
  });

  it('validate a whole cycle, rules given as a preset with the stated minimum', () => {
    const cycle = { id: 'zz-2025', ordinal: 3, year: 2025, name: '郑州市市长质量奖', criteriaSetId: 'gbt19580-2012', rules: { preset: 'adopted-2022', nominationMinimumPoints: 0 } };
    const ok = validateCycle(cycle);
    expect(ok.ok && ok.value.rules.awardQuota).toBe(8);
    expect(cycleTitleZh(cycle)).toBe('第3届（2025年）');
    const bad = validateCycle({ ...cycle, rules: { nominationMinimumPoints: 0, panelSizeMin: 9 } });
    expect(!bad.ok && bad.error.map((p) => p.path)).toEqual(['rules.panelSizeMin']);
    const unstated = validateCycle({ ...cycle, rules: { preset: 'draft-2021' } });
    expect(!unstated.ok && unstated.error.map((p) => p.path)).toEqual(['rules.nominationMinimumPoints']);
  });
});
