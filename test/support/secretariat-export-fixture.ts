import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { applicantResultSchema } from '../../shared/ranking/applicant-result.js';
import { proposeSplit } from '../../shared/ranking/proposal.js';
import { scoreTotals } from '../../shared/scoring/totals.js';

/**
 * Three applicants as the secretariat's exports see them: an Award, a Nomination with
 * divergence notes, a reservation (有保留意见) and an absence, and one excluded under Art. 14.
 */
export const items = itemsOf(GBT19580_2012);
export const consensusA = Object.fromEntries(items.map((i) => [i.id, 50]));
export const consensusB = Object.fromEntries(items.map((i, n) => [i.id, n % 2 ? 50 : 45]));
export function result(id: string, name: string, percents: Record<string, number>, extra: object = {}) {
  const totals = scoreTotals(GBT19580_2012, percents);
  return applicantResultSchema.parse({
    applicantId: id,
    name,
    industry: '装备制造',
    totalHundredths: totals.totalHundredths,
    categorySubtotals: Object.fromEntries(totals.categories.map((c) => [c.id, c.scoreHundredths])),
    ...extra,
  });
}
export const results = [
  result('A', '郑州宇达机械有限公司', consensusA, { recommendation: 'award' }),
  result('B', '河南某某食品股份有限公司', consensusB, {
    recommendation: 'nomination',
    divergenceNotes: ['4.7.4 财务结果：评分跨度25个百分点', '4.2.2 战略制定：跨度30'],
    dissents: [{ name: '李四', reason: '对财务结果的共识评分持保留意见' }],
    absences: [{ name: '王五', reason: '因病未能到场' }],
  }),
  result('C', '郑州某某物流有限公司', consensusA, { exclusions: [5], recommendation: 'not-recommended' }),
];
export const rules = rulesFromPreset('draft-2021', 0);
export const proposal = proposeSplit(results, rules);

