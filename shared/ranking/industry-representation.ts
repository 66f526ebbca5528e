import type { Proposal } from './proposal.js';

/**
 * Art. 17(7): the comprehensive review weighs industry representation (行业代表性) beside the
 * scores. The software does not decide it; it warns when every proposed Award (two or more)
 * comes from one industry, so the committee weighs it knowingly.
 */
export interface IndustryWarning {
  industry: string;
  awards: number;
  zh: string;
  en: string;
}

export function industryWarning(proposal: Pick<Proposal, 'award'>): IndustryWarning | null {
  const industries = new Set(proposal.award.map((e) => e.industry.trim()));
  if (proposal.award.length < 2 || industries.size !== 1) return null;
  const industry = [...industries][0]!;
  if (!industry) return null;
  const n = proposal.award.length;
  return {
    industry,
    awards: n,
    zh: `建议授予市长质量奖的${n}家单位均属“${industry}”行业；依第十七条第七项，综合评审应考虑行业代表性`,
    en: `all ${n} proposed Awards are in one industry ("${industry}"); Art. 17(7) asks the committee to weigh industry representation`,
  };
}
