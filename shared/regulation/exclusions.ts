/**
 * The seven exclusions of Art. 14 (否决项). Any one confirmed disqualifies the applicant
 * whatever its score, so each is checked on site, confirmed clear or flagged with a note.
 * Numbers are the article's own (一 … 七 → 1 … 7); packages and the CLI refer to them so.
 */
export interface ExclusionRule {
  number: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  zh: string;
  en: string;
}

export const EXCLUSION_RULES: readonly ExclusionRule[] = [
  { number: 1, zh: '不符合国家产业、环保、质量、节能减排等政策的', en: 'Against national industry, environmental, quality or energy-saving policy' },
  { number: 2, zh: '法律、法规规定应取得相关证照而未获得的', en: 'Missing a licence or permit required by law' },
  {
    number: 3,
    zh: '近3年国家、省、市产品监督抽查不合格的，或出口产品发生因质量问题而导致的国外索赔、退货、通报调查的，或存在严重服务质量问题的',
    en: 'Failed a national, provincial or city spot check in the last 3 years, quality-related export claims, returns or investigations, or serious service quality problems',
  },
  { number: 4, zh: '近3年内参加市长质量奖评定活动存在弄虚作假等违规行为的', en: 'Fraud or other misconduct in a Mayor’s Quality Award process in the last 3 years' },
  { number: 5, zh: '近3年申报单位生产、经营出现亏损的', en: 'A loss in production or operations in the last 3 years' },
  { number: 6, zh: '近3年有重大质量、安全、环境污染等责任事故（按照国家有关规定认定）的', en: 'A major quality, safety or environmental accident with liability in the last 3 years' },
  { number: 7, zh: '发生其他违反法律、法规行为的', en: 'Other violations of laws or regulations' },
];

export type ExclusionNumber = ExclusionRule['number'];

export function isExclusionNumber(value: unknown): value is ExclusionNumber {
  return typeof value === 'number' && EXCLUSION_RULES.some((r) => r.number === value);
}
