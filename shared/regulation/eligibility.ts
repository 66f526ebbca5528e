/**
 * The eligibility conditions of Art. 13 (申报条件), all required. The secretariat checks
 * them with evidence notes before material review. Condition (一) bundles several facts;
 * they are split so each can be ticked against its own evidence.
 */
export interface EligibilityCondition {
  id: string;
  /** The article's paragraph, 1 … 5. */
  paragraph: 1 | 2 | 3 | 4 | 5;
  zh: string;
  en: string;
}

export const ELIGIBILITY_CONDITIONS: readonly EligibilityCondition[] = [
  { id: 'registered-zhengzhou', paragraph: 1, zh: '在郑州市行政区域内注册登记', en: 'Registered within Zhengzhou' },
  { id: 'legal-person', paragraph: 1, zh: '具备法人资格', en: 'A legal person' },
  { id: 'licensed', paragraph: 1, zh: '取得国家规定应取得的相关证照或资质', en: 'Holds the licences and qualifications the state requires' },
  { id: 'operating-3-years', paragraph: 1, zh: '合法运营3年以上', en: 'Operating lawfully for 3 years or more' },
  {
    id: 'excellence-model-1-year',
    paragraph: 2,
    zh: '实施卓越绩效模式管理1年以上，提供包含3年相关数据和信息的自评报告',
    en: 'Performance-excellence model for 1 year or more; self-assessment report with 3 years of data',
  },
  {
    id: 'industry-leading',
    paragraph: 3,
    zh: '质量水平、创新能力、经营收入、利税总额或总资产贡献率等指标位居同行业前列（非盈利性单位：社会贡献位于行业前列）',
    en: 'Leading indicators in its industry (non-profits: leading social contribution)',
  },
  {
    id: 'quality-infrastructure',
    paragraph: 4,
    zh: '质量基础（标准、计量、检验检测、认证认可等）稳固，具有良好的诚信记录和社会声誉',
    en: 'Solid quality infrastructure (standards, metrology, testing, certification) and a good integrity record',
  },
  { id: 'recommended', paragraph: 5, zh: '获得县（市、区）、市级有关主管部门推荐', en: 'Recommended by the county/district or city authority' },
];
