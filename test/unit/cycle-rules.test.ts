import { describe, expect, it } from 'vitest';
import { defaultCycleRules, validateCycleRules } from '../../shared/cycle/cycle-rules.js';
import { cycleTitleZh, validateCycle } from '../../shared/cycle/cycle.js';

describe('cycle rules', () => {
  it('default to the regulation', () => {
    expect(defaultCycleRules()).toEqual({
      awardQuota: 5,
      nominationQuota: 5,
      awardThresholdPoints: 500,
      divergenceLimitPoints: 20,
      panelSizeMin: 5,
      panelSizeMax: 7,
      awardValidityYears: 4,
      publicNoticeMinDays: 7,
      reservations: [],
    });
    expect(defaultCycleRules().nominationMinimumPoints).toBeUndefined();
  });

  it('take edits and fill the rest with defaults', () => {
    const r = validateCycleRules({ awardQuota: 3, nominationMinimumPoints: 400, reservations: [{ category: 'small-micro', label: '小微企业', award: 1 }] });
    expect(r.ok && r.value).toMatchObject({ awardQuota: 3, nominationQuota: 5, nominationMinimumPoints: 400, reservations: [{ category: 'small-micro', award: 1, nomination: 0 }] });
  });

  it('refuse bad rules with every reason, in Chinese and English', () => {
    const r = validateCycleRules({ awardQuota: -1, panelSizeMin: 2.5 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((p) => p.path).sort()).toEqual(['awardQuota', 'panelSizeMin']);
      expect(r.error.find((p) => p.path === 'awardQuota')!.en).toMatch(/must not be negative/);
    }
  });

  it('refuse a minimum panel size above the maximum, and other contradictions', () => {
    const r = validateCycleRules({
      panelSizeMin: 8,
      panelSizeMax: 7,
      nominationMinimumPoints: 600,
      awardQuota: 1,
      reservations: [
        { category: 'a', label: 'A', award: 1 },
        { category: 'a', label: 'A2', award: 1 },
        { category: 'b', label: 'B' },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const zh = r.error.map((p) => p.zh).join('\n');
      expect(zh).toContain('评审组最少人数（8）大于最多人数（7）');
      expect(zh).toContain('提名奖最低分（600）高于市长质量奖分数线（500）');
      expect(zh).toContain('重复预留名额');
      expect(zh).toContain('预留名额为零');
      expect(zh).toContain('预留的市长质量奖名额（2）超过名额总数（1）');
    }
  });

  it('validate a whole cycle, rules included', () => {
    const cycle = { id: 'zz-2025', ordinal: 3, year: 2025, name: '郑州市市长质量奖', criteriaSetId: 'gbt19580-2012', rules: {} };
    const ok = validateCycle(cycle);
    expect(ok.ok && ok.value.rules.awardQuota).toBe(5);
    expect(cycleTitleZh(cycle)).toBe('第3届（2025年）');
    const bad = validateCycle({ ...cycle, rules: { panelSizeMin: 9 } });
    expect(!bad.ok && bad.error.map((p) => p.path)).toEqual(['rules.panelSizeMin']);
  });
});
