import type { PackageType } from '../packages/manifest.js';

/**
 * Each package type by the name a person knows it by, and where in the app it is imported:
 * a file offered in the wrong place is refused with where it belongs, so no one is left
 * guessing which button takes it. The places are the app's own menu and button labels.
 */
export const PACKAGE_PLACES: Record<PackageType, { name: { zh: string; en: string }; where: { zh: string; en: string } }> = {
  'identity-card': {
    name: { zh: '身份卡', en: 'an identity card' },
    where: { zh: '秘书处工作台的“评审员专家库”（专家的身份卡），或“本机身份”（秘书处的身份卡）', en: 'the secretariat’s “Expert pool” (an expert’s card) or “This device” (the secretariat’s card)' },
  },
  assignment: { name: { zh: '评审任务', en: 'an assignment' }, where: { zh: '“我的评审”页的“导入评审任务”', en: '“Import assignment” on “My review”' } },
  scoresheet: { name: { zh: '专家评分表', en: 'a member’s scoresheet' }, where: { zh: '组长电脑“评审组长”页的“导入评分表与会签”', en: '“Import scoresheets and countersignatures” on the leader’s “Panel leader” page' } },
  'report-for-signing': { name: { zh: '待会签报告', en: 'a report for signing' }, where: { zh: '“报告会签”页的“导入待会签报告”', en: '“Import report for signing” on “Countersign”' } },
  countersignature: { name: { zh: '会签包', en: 'a countersignature' }, where: { zh: '组长电脑“评审组长”页的“导入评分表与会签”', en: '“Import scoresheets and countersignatures” on the leader’s “Panel leader” page' } },
  'panel-return': { name: { zh: '评审结果包', en: 'a panel return' }, where: { zh: '秘书处工作台的“评审结果”', en: 'the secretariat’s “Panel returns”' } },
};

/** "This is an assignment; import it at …", in both languages. */
export function wrongPlace(type: PackageType): { zh: string; en: string } {
  const p = PACKAGE_PLACES[type];
  return { zh: `这是一份${p.name.zh}，不能在此处导入。请在${p.where.zh}导入。`, en: `This is ${p.name.en}, which is not imported here. Import it at ${p.where.en}.` };
}
