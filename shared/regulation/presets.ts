import type { CycleRules } from '../cycle/cycle-rules.js';

/**
 * The regulation's numbers, in one place: every quota, threshold, limit, period and bar the
 * software applies comes from a cycle's rules, and a cycle's rules start from one of these
 * presets (docs/secretariat.md, "Presets"). Nothing else in the code may carry these numbers.
 *
 * Neither preset states a nomination minimum: the draft sets none and the 2022 rules do not
 * mention the Nomination in Art. 4, so the secretariat states one for each cycle (no silent 0).
 */
export type PresetId = 'draft-2021' | 'adopted-2022';
export const PRESET_IDS: readonly PresetId[] = ['draft-2021', 'adopted-2022'];

export type PresetRules = Omit<CycleRules, 'nominationMinimumPoints' | 'preset'>;

export interface RegulationPreset {
  id: PresetId;
  name: { zh: string; en: string };
  /** Where the numbers come from, and which of them are checked against the official text. */
  source: { zh: string; en: string };
  rules: PresetRules;
}

/** Numbers the two texts share (the 2022 text's Art. 1–6 was checked; the rest follows the draft). */
const COMMON = {
  /** Art. 15: at least 500 points, 500 included. */
  awardThresholdPoints: 500,
  /** Scoring practice (Baldrige consensus calls), not the regulation. */
  divergenceLimitPoints: 20,
  /** Art. 11: 5–7 experts. */
  panelSizeMin: 5,
  panelSizeMax: 7,
  /** Art. 27: valid 4 years. */
  awardValidityYears: 4,
  /** Art. 24: no new application for 4 years after a revocation. */
  revocationBarYears: 4,
  /** Art. 17(8): at least 7 days. */
  publicNoticeMinDays: 7,
  /** Art. 4: 1,000,000 yuan per Award, none for a Nomination. */
  prizeMoneyYuan: { award: 1_000_000, nomination: 0 },
} as const;

export const DRAFT_2021: RegulationPreset = {
  id: 'draft-2021',
  name: { zh: '2021年修订征求意见稿', en: 'Revised draft of 2021' },
  source: {
    zh: '《郑州市市长质量奖管理办法（修订征求意见稿）》，郑州市市场监督管理局，2021年10月26日：第4条（各不超过5个，奖金100万元）、第11条、第13条、第15条、第17条第八项、第24条、第27条',
    en: 'Zhengzhou Mayor’s Quality Award measures, revised draft for comment, Zhengzhou Administration for Market Regulation, 26 October 2021: Art. 4 (at most 5 each, 1,000,000 yuan), 11, 13, 15, 17(8), 24, 27',
  },
  rules: {
    ...COMMON,
    prizeMoneyYuan: { ...COMMON.prizeMoneyYuan },
    awardQuota: 5,
    nominationQuota: 5,
    reservations: [],
    unfilledReserved: 'vacant',
    eligibility: { operatingYears: 3, operatingYearsByCategory: [], excellenceModelYears: 1, lookbackYears: 3 },
  },
};

/** The category the 2022 rules reserve places for. */
const SPECIALISED_CATEGORY = '专精特新';

export const ADOPTED_2022: RegulationPreset = {
  id: 'adopted-2022',
  name: { zh: '2022年施行办法（郑政〔2022〕26号）', en: 'Rules adopted in 2022 (Zheng Zheng [2022] No. 26)' },
  source: {
    zh: '《郑州市市长质量奖管理办法》（郑政〔2022〕26号）第4条：每届不超过8个，其中3个用于专精特新企业（已核对原文第1—6条）；未提提名奖，名额设为0，需要时按届修改。运营5年（专精特新“小巨人”3年）、“法人或者其他组织”仅见于二手资料，未核对；其余数字沿用征求意见稿。',
    en: 'Zhengzhou Mayor’s Quality Award measures (Zheng Zheng [2022] No. 26), Art. 4: at most 8 a cycle, 3 of them for 专精特新 enterprises (Art. 1–6 checked against the official text); no Nomination there, so its quota is 0, to be changed per cycle if given. 5 years of operation (3 for 专精特新 "little giants") and "legal persons or other organisations" are from secondary sources, not checked; every other number follows the draft.',
  },
  rules: {
    ...COMMON,
    prizeMoneyYuan: { ...COMMON.prizeMoneyYuan },
    awardQuota: 8,
    nominationQuota: 0,
    reservations: [{ category: SPECIALISED_CATEGORY, label: '专精特新企业', award: 3, nomination: 0, kind: 'separate-pool' }],
    unfilledReserved: 'vacant',
    eligibility: {
      operatingYears: 5,
      operatingYearsByCategory: [{ category: SPECIALISED_CATEGORY, years: 3 }],
      excellenceModelYears: 1,
      lookbackYears: 3,
    },
  },
};

export const PRESETS: Readonly<Record<PresetId, RegulationPreset>> = { 'draft-2021': DRAFT_2021, 'adopted-2022': ADOPTED_2022 };

/** A preset's rules with the nomination minimum the secretariat stated: a whole cycle's rules. */
export function rulesFromPreset(id: PresetId, nominationMinimumPoints: number): CycleRules {
  const p = PRESETS[id].rules;
  return {
    ...p,
    preset: id,
    nominationMinimumPoints,
    prizeMoneyYuan: { ...p.prizeMoneyYuan },
    reservations: p.reservations.map((r) => ({ ...r })),
    eligibility: { ...p.eligibility, operatingYearsByCategory: p.eligibility.operatingYearsByCategory.map((c) => ({ ...c })) },
  };
}
