import { EXCLUSION_RULES } from '../regulation/exclusions.js';
import { RECOMMENDATION_ZH, ROLE_ZH, dateZh, numeralZh, pointsZh } from './format-zh.js';
import { GRID, num, paragraphs, sectionTitle, subTitle, td, th } from './layout.js';
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
    { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [34, '*', 48, 120], body }, layout: GRID },
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
  const list = (items: readonly string[]): Content => ({ ol: items.map((t) => ({ text: t, style: 'listItem' })), margin: [14, 0, 0, 4] });
  return [
    // The conclusion starts its own page, so the recommendation is read with its reasons.
    { ...sectionTitle(numeralZh(n), '综合评价与推荐意见'), pageBreak: 'before' },
    subTitle('（一）综合评价'),
    ...paragraphs(record.overallEvaluation || '（未填写）'),
    subTitle('（二）主要优势'),
    record.keyStrengths.length > 0 ? list(record.keyStrengths) : { text: '无。', style: 'body' },
    subTitle('（三）主要改进机会'),
    record.keyOfis.length > 0 ? list(record.keyOfis) : { text: '无。', style: 'body' },
    {
      unbreakable: true,
      stack: [
        subTitle('（四）推荐意见'),
        { text: `评审组共识总分为${total}分，${score}；${exclusions}。`, style: 'body' },
        { text: `评审组意见：${RECOMMENDATION_ZH[facts.recommendation]}。`, style: 'recommendation' },
      ],
    },
  ];
}

/** The signature page: who signs, in what role, with which key. */
export function signaturePage(model: ReportModel): Content[] {
  const { input } = model;
  const body: TableCell[][] = [[th('姓名'), th('职务'), th('工作单位'), th('签名密钥指纹'), th('签署方式'), th('签字')]];
  for (const m of input.roster) {
    body.push([
      num(m.name),
      num(ROLE_ZH[m.role]),
      td(m.organisation),
      td(m.fingerprint, { style: 'mono' }),
      td(m.role === 'leader' ? 'PDF 内嵌数字签名' : '独立会签文件'),
      td('', { margin: [0, 14, 0, 14] }),
    ]);
  }
  return [
    { text: '评审组签署页', style: 'h1', alignment: 'center', pageBreak: 'before', margin: [0, 0, 0, 12] },
    {
      text:
        '本报告由评审组组长以郑州市市长质量奖评定委员会秘书处签发的数字证书签署（PDF 内嵌签名，可用 PDF 阅读器或 pdfsig 查验）；' +
        '评审组其他成员以各自签名密钥对已签署的本报告文件进行会签，会签文件随评审结果包一并报送秘书处（可用 openssl 查验）。' +
        '签名密钥指纹供当面或电话核对身份使用。',
      style: 'body',
    },
    { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [44, 34, '*', 110, 72, 48], body }, layout: GRID, margin: [0, 8, 0, 0] },
    { text: `评审组组长：${model.leaderName}`, style: 'body', alignment: 'right', margin: [0, 24, 0, 0] },
    { text: dateZh(input.schedule.reportDate), style: 'body', alignment: 'right' },
  ];
}
