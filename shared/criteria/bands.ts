import type { ItemKind } from './criteria-set.js';

/**
 * Scoring bands of GB/Z 19579 (same scheme as Baldrige). An expert picks the band first,
 * then a 5% step inside it, which is how examiners are trained to score.
 */
export interface ScoringBand {
  /** Lowest and highest percentage of the band, both on the 5% grid. */
  min: number;
  max: number;
  zh: string;
  en: string;
}

/** The dimensions an expert weighs: ADLI for process items, LeTCI for results items. */
export const BAND_DIMENSIONS: Record<ItemKind, { zh: string; en: string }[]> = {
  process: [
    { zh: '方法', en: 'Approach' },
    { zh: '展开', en: 'Deployment' },
    { zh: '学习', en: 'Learning' },
    { zh: '整合', en: 'Integration' },
  ],
  results: [
    { zh: '水平', en: 'Levels' },
    { zh: '趋势', en: 'Trends' },
    { zh: '对比', en: 'Comparisons' },
    { zh: '整合', en: 'Integration' },
  ],
};

export const SCORING_BANDS: Record<ItemKind, readonly ScoringBand[]> = {
  process: [
    { min: 0, max: 5, zh: '没有系统的方法，信息是零散、孤立的', en: 'No systematic approach; information is anecdotal' },
    { min: 10, max: 25, zh: '开始有系统的方法；处于展开的初期；以被动反应为主', en: 'Beginning of a systematic approach; early deployment; reactive' },
    { min: 30, max: 45, zh: '有效、系统的方法；在部分领域展开；开始进行评价', en: 'Effective, systematic approach; deployed in some areas; beginning of evaluation' },
    { min: 50, max: 65, zh: '有效、系统的方法，响应组织的总体要求；展开良好；基于事实的评价和改进；与组织需要协调一致', en: 'Effective, systematic approach responsive to overall requirements; well deployed; fact-based evaluation and improvement; aligned with organisational needs' },
    { min: 70, max: 85, zh: '方法响应组织的多方面要求；展开良好，无明显差距；通过学习不断完善；实现整合', en: 'Approach responsive to multiple requirements; well deployed, no significant gaps; refinement through learning; integrated' },
    { min: 90, max: 100, zh: '方法完全响应各方面要求；全面展开；通过学习实现创新；完全整合', en: 'Approach fully responsive; fully deployed; innovation through learning; fully integrated' },
  ],
  results: [
    { min: 0, max: 5, zh: '没有结果，或结果很差', en: 'No results, or poor results' },
    { min: 10, max: 25, zh: '结果很少；趋势数据很少；对比很少', en: 'Few results; little trend data; few comparisons' },
    { min: 30, max: 45, zh: '多数方面有改进；有一些趋势；开始进行对比', en: 'Improvements in many areas; some trends; early comparisons' },
    { min: 50, max: 65, zh: '多数方面呈改进趋势；部分达到良好至很好水平；多数对比结果有利', en: 'Improvement trends in most areas; some good to very good levels; many comparisons favourable' },
    { min: 70, max: 85, zh: '多数方面达到良好至优秀水平；趋势保持；部分对比处于领先', en: 'Good to excellent levels in most areas; sustained trends; leadership in some comparisons' },
    { min: 90, max: 100, zh: '多数方面达到优秀水平并保持趋势；处于行业或标杆领先地位', en: 'Excellent levels and sustained trends in most areas; industry or benchmark leadership' },
  ],
};

/** The band a percentage falls in; percentages are validated on the grid before this. */
export function bandOf(kind: ItemKind, percent: number): ScoringBand {
  const bands = SCORING_BANDS[kind];
  return bands.find((b) => percent >= b.min && percent <= b.max) ?? bands[bands.length - 1]!;
}

/** The 5% steps inside a band, lowest first. */
export function stepsOf(band: ScoringBand): number[] {
  const steps: number[] = [];
  for (let p = band.min; p <= band.max; p += 5) steps.push(p);
  return steps;
}
