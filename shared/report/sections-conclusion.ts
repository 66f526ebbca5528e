import { EXCLUSION_RULES } from '../regulation/exclusions.js';
import { RECOMMENDATION_ZH, numeralZh, pointsZh } from './format-zh.js';
import { gridTable, num, numberedList, paragraphs, sectionTitle, subTitle, td, th } from './layout.js';
import type { Content, TableCell } from './pdf-content.js';
import type { ReportModel } from './report-model.js';

const EXCLUSION_STATUS_ZH = { clear: '未发现', flagged: '确认存在', open: '未核查' } as const;

/** 七、否决项核查 (Art. 14) */
export function exclusionSection(model: ReportModel, n: number): Content[] {
  const body: TableCell[][] = [[th('序号'), th('否决情形（第十四条）'), th('核查结论'), th('说明')]];
  for (const e of model.input.consensus.exclusions) {
    const rule = EXCLUSION_RULES.find((r) => r.number === e.number)!;
    body.push([
      num(`（${numeralZh(e.number)}）`),
      td(rule.zh),
      num(EXCLUSION_STATUS_ZH[e.status], e.status === 'flagged' ? { bold: true } : {}),
      td(e.note.trim() || '—'),
    ]);
  }
  return [
    sectionTitle(numeralZh(n), '否决项核查'),
    { text: '评审组对照《郑州市市长质量奖管理办法》第十四条逐项核查，结论如下：', style: 'body' },
    gridTable([34, '*', 48, 120], body),
  ];
}

/** 八、综合评价与推荐意见 */
export function conclusionSection(model: ReportModel, n: number): Content[] {
  const { facts, input } = model;
  const record = input.consensus;
  const total = pointsZh(facts.totalHundredths);
  const line = pointsZh(facts.thresholdHundredths);
  const exclusions =
    facts.flaggedExclusions.length === 0
      ? '经核查，未发现第十四条所列否决情形'
      : `经核查，确认存在第十四条第${facts.flaggedExclusions.map((x) => `（${numeralZh(x)}）`).join('、')}项否决情形，依规不予推荐`;
  // The cycle's own lines (carried in the assignment): the Award's, and the nomination minimum it stated.
  const nominationLine =
    facts.nominationMinimumHundredths === 0
      ? '本届提名奖未设最低分'
      : `${facts.totalHundredths >= facts.nominationMinimumHundredths ? '达到' : '低于'}本届提名奖最低分${pointsZh(facts.nominationMinimumHundredths)}分${facts.totalHundredths >= facts.nominationMinimumHundredths ? '（含）' : ''}`;
  const score = facts.meetsThreshold ? `达到本届获奖分数线${line}分（含）` : `低于本届获奖分数线${line}分，${nominationLine}`;
  const list = (items: readonly string[]): Content => numberedList(items, 1, [14, 0, 0, 4]);
  return [
    // The conclusion starts its own page, so the recommendation is read with its reasons.
    { ...sectionTitle(numeralZh(n), '综合评价与推荐意见'), pageBreak: 'before' },
    subTitle('（一）综合评价'),
    ...paragraphs(record.overallEvaluation || '（未填写）'),
    ...(record.keyStrengths.length > 0 ? [subTitle('（二）主要优势'), list(record.keyStrengths)] : []),
    ...(record.keyOfis.length > 0 ? [subTitle(`（${record.keyStrengths.length > 0 ? '三' : '二'}）主要改进机会`), list(record.keyOfis)] : []),
    {
      unbreakable: true,
      stack: [
        subTitle(`（${numeralZh(2 + (record.keyStrengths.length > 0 ? 1 : 0) + (record.keyOfis.length > 0 ? 1 : 0))}）推荐意见`),
        { text: `评审组共识总分为${total}分，${score}；${exclusions}。`, style: 'body' },
        { text: `评审组意见：${RECOMMENDATION_ZH[facts.recommendation]}。`, style: 'recommendation' },
      ],
    },
  ];
}
