import type { PresetId } from './presets.js';

/**
 * The eligibility conditions of Art. 13 (申报条件), all required, with the article's full text.
 * The secretariat checks them with evidence notes before material review. Paragraph (一)
 * bundles several facts; they are split so each can be ticked against its own evidence, and
 * the year counts are computed from dates (eligibility-check.ts), never ticked.
 *
 * Two texts: the 2021 draft (the seed), and the rules adopted in 2022, of which only Art. 1–6
 * are checked; what they change in Art. 13 (5 years of operation, 3 for 专精特新 "little
 * giants"; "legal persons or other organisations") is from secondary sources, and the year
 * counts themselves are cycle rules (cycle-rules.ts `eligibility`).
 */
export interface EligibilityCondition {
  id: string;
  /** The article's paragraph, 1 … 5. */
  paragraph: 1 | 2 | 3 | 4 | 5;
  zh: string;
  en: string;
  /** Computed from the applicant's dates instead of ticked. */
  computed?: 'operating-years' | 'excellence-model-years';
}

/** Art. 13's paragraphs in full, as the 2021 draft words them. */
const ARTICLE_13_DRAFT_2021: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: '在郑州市行政区域内注册登记，具备法人资格，取得国家规定应取得的相关证照或资质，合法运营3年以上；',
  2: '积极推行和采用先进的质量管理方法和工具，质量管理体系完善，质量管理模式、方法具有示范效应和推广价值，实施卓越绩效模式管理1年以上并取得良好经营绩效和作出突出社会贡献（提供包含3年相关数据和信息的自评报告）；',
  3: '从事生产、经营活动的，其质量水平、创新能力、经营收入、利税总额或总资产贡献率等指标在上年度位居国内、省内同行业前列；从事非盈利性业务的，其社会贡献位于行业前列；',
  4: '质量基础（标准、计量、检验检测、认证认可等）稳固，品牌优势突出，具有良好的诚信记录和社会声誉，荣获商标、品牌、创新等荣誉和高新技术企业、工程质量奖、县（市、区）质量奖等称号的单位可优先推荐申报；',
  5: '获得县（市、区）、市级有关主管部门推荐。',
};

/** The 2022 rules' Art. 13 as secondary sources report it (not checked against the official text). */
const ARTICLE_13_ADOPTED_2022: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  ...ARTICLE_13_DRAFT_2021,
  1: '在郑州市行政区域内注册登记，具有法人资格或者为其他组织，取得国家规定应取得的相关证照或资质，合法运营5年以上（专精特新“小巨人”企业3年以上）；',
};

const DRAFT_CONDITIONS: readonly EligibilityCondition[] = [
  { id: 'registered-zhengzhou', paragraph: 1, zh: '在郑州市行政区域内注册登记', en: 'Registered within Zhengzhou' },
  { id: 'legal-person', paragraph: 1, zh: '具备法人资格', en: 'A legal person' },
  { id: 'licensed', paragraph: 1, zh: '取得国家规定应取得的相关证照或资质', en: 'Holds the licences and qualifications the state requires' },
  { id: 'operating-years', paragraph: 1, zh: '合法运营满规定年限（按成立日期计算）', en: 'Operating lawfully for the required years (from the founding date)', computed: 'operating-years' },
  {
    id: 'excellence-model-years',
    paragraph: 2,
    zh: '实施卓越绩效模式管理满规定年限（按起始日期计算）',
    en: 'Performance-excellence model in use for the required years (from its start date)',
    computed: 'excellence-model-years',
  },
  { id: 'self-assessment', paragraph: 2, zh: '先进质量管理方法，体系完善，经营绩效良好，提供包含3年相关数据和信息的自评报告', en: 'Advanced quality methods, a complete system, good results; a self-assessment report with 3 years of data' },
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

const ADOPTED_CONDITIONS: readonly EligibilityCondition[] = DRAFT_CONDITIONS.map((c) =>
  c.id === 'legal-person' ? { ...c, zh: '具有法人资格或者为其他组织', en: 'A legal person or another organisation' } : c,
);

export const ELIGIBILITY_CONDITIONS_BY_PRESET: Readonly<Record<PresetId, readonly EligibilityCondition[]>> = {
  'draft-2021': DRAFT_CONDITIONS,
  'adopted-2022': ADOPTED_CONDITIONS,
};

export const ARTICLE_13_BY_PRESET: Readonly<Record<PresetId, Readonly<Record<1 | 2 | 3 | 4 | 5, string>>>> = {
  'draft-2021': ARTICLE_13_DRAFT_2021,
  'adopted-2022': ARTICLE_13_ADOPTED_2022,
};

/** Every condition id of either text (a checklist holds an entry for each). */
export const ELIGIBILITY_CONDITION_IDS: readonly string[] = [...new Set([...DRAFT_CONDITIONS, ...ADOPTED_CONDITIONS].map((c) => c.id))];
