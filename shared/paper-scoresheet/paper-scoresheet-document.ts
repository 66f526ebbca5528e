import type { CriteriaItem, ItemKind } from '../criteria/criteria-set.js';
import { SCORING_BANDS } from '../criteria/bands.js';
import { EXCLUSION_RULES } from '../regulation/exclusions.js';
import { formatHundredths, itemScoreHundredths } from '../scoring/hundredths.js';
import { scoreTotals } from '../scoring/totals.js';
import { beijingDateZh } from '../report/format-zh.js';
import { GRID, num, td, th } from '../report/layout.js';
import type { Content, DocumentDefinition, TableCell } from '../report/pdf-content.js';
import { HEADING_FONT, REPORT_FONT } from '../report/report-document.js';
import type { PaperScoresheetInput } from './paper-scoresheet-input.js';

/**
 * The paper scoresheet (纸质评分表) as a pdfmake document: A4 landscape, one row per item with
 * room to write, the scoring bands on the first page for reference, the Art. 14 checks, and the
 * expert's signature. The same faces as the report (Song body, 黑体 headings).
 */
const BLANK_LINE = '＿＿＿＿＿＿＿＿＿＿＿＿';
/** Row height left for handwriting when blank: about three lines of writing. */
const WRITING_ROW = 46;

function infoLine(input: PaperScoresheetInput): Content {
  const field = (label: string, value: string | undefined) => ({ text: [{ text: `${label}：`, style: 'label' }, value ?? BLANK_LINE] });
  return {
    columns: [field('申报单位', input.applicantName), field('评审员', input.expertName), field('评审日期', undefined)],
    margin: [0, 4, 0, 8],
  };
}

function bandTable(kind: ItemKind, title: string): Content {
  return {
    width: '*',
    stack: [
      { text: title, style: 'h3' },
      {
        table: { widths: [44, '*'], body: SCORING_BANDS[kind].map((b) => [num(`${b.min}%–${b.max}%`), td(b.zh)]) },
        layout: GRID,
      },
    ],
  };
}

function notesText(notes: readonly { text: string }[]): string {
  return notes.map((n, i) => (notes.length > 1 ? `${i + 1}. ${n.text}` : n.text)).join('\n');
}

function itemRow(item: CriteriaItem, input: PaperScoresheetInput): TableCell[] {
  const work = input.filled?.items.find((i) => i.itemId === item.id);
  const percent = work?.percent ?? undefined;
  const cells: TableCell[] = [
    num(item.id),
    td(item.name),
    num(String(item.points)),
    num(percent === undefined ? '' : `${percent}`),
    num(percent === undefined ? '' : formatHundredths(itemScoreHundredths(item.points, percent))),
    td(work ? notesText(work.strengths) : ''),
    td(work ? notesText(work.ofis) : ''),
  ];
  // An item not scored yet (every item of a blank form) leaves room to write by hand.
  return percent !== undefined ? cells : cells.map((c) => ({ ...c, margin: [0, 0, 0, WRITING_ROW] as [number, number, number, number] }));
}

const SCORE_WIDTHS = [30, 92, 28, 52, 40, '*', '*'];

/**
 * One table per category: the column titles and the category's line are its header rows, so a
 * page never ends on a category's line alone and every page shows what its columns are.
 */
function scoreTables(input: PaperScoresheetInput): Content[] {
  const header: TableCell[] = [th('条款'), th('名称'), th('分值'), th('得分率（%）'), th('得分'), th('优势'), th('改进机会')];
  const percents = Object.fromEntries((input.filled?.items ?? []).flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent]])));
  const totals = scoreTotals(input.set, percents);
  const tables: Content[] = input.set.categories.map((category) => {
    const subtotal = totals.categories.find((c) => c.id === category.id);
    const scored = input.filled && subtotal && subtotal.scoredItems > 0;
    const categoryLine: TableCell[] = [
      { ...td(`${category.id} ${category.name}`), style: 'tdCategory', colSpan: 2 },
      { text: '' },
      { ...num(String(category.points)), style: 'tdCategory' },
      { ...num('小计'), style: 'tdCategory' },
      { ...num(scored ? formatHundredths(subtotal.scoreHundredths) : ''), style: 'tdCategory', noWrap: true },
      { ...td(''), style: 'tdCategory', colSpan: 2 },
      { text: '' },
    ];
    return {
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: SCORE_WIDTHS, body: [header, categoryLine, ...category.items.map((item) => itemRow(item, input))] },
      layout: GRID,
      margin: [0, 0, 0, 6],
    };
  });
  const complete = input.filled && totals.categories.every((c) => c.scoredItems === c.itemCount);
  tables.push({
    table: {
      widths: SCORE_WIDTHS,
      body: [
        [
          { ...td('总分'), style: 'tdTotal', colSpan: 2 },
          { text: '' },
          { ...num(String(input.set.categories.reduce((s, c) => s + c.points, 0))), style: 'tdTotal' },
          { ...num(''), style: 'tdTotal' },
          { ...num(complete ? formatHundredths(totals.totalHundredths) : ''), style: 'tdTotal', noWrap: true },
          { ...td(input.filled && !complete ? '尚有条款未评分，总分待定' : ''), colSpan: 2 },
          { text: '' },
        ],
      ],
    },
    layout: GRID,
  });
  return tables;
}

const EXCLUSION_STATE_ZH = { unchecked: '', clear: '未发现', flagged: '发现' } as const;

function exclusionTable(input: PaperScoresheetInput): Content {
  const body: TableCell[][] = [[th('序号'), th('否决事项（第十四条）'), th('核查结果（未发现 / 发现）'), th('说明')]];
  for (const rule of EXCLUSION_RULES) {
    const check = input.filled?.exclusions.find((e) => e.number === rule.number);
    body.push([num(String(rule.number)), td(rule.zh), num(check ? EXCLUSION_STATE_ZH[check.status] : '□ 未发现\u3000□ 发现'), td(check?.note ?? '')]);
  }
  return { table: { headerRows: 1, dontBreakRows: true, widths: [30, '*', 110, 180], body }, layout: GRID };
}

export function buildPaperScoresheet(input: PaperScoresheetInput): DocumentDefinition {
  const printed = new Date(input.printedAt);
  const kind = input.filled ? '（已填）' : '（空白）';
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 44],
    info: {
      title: `现场评审评分表${kind}${input.applicantName ? `——${input.applicantName}` : ''}`,
      author: input.expertName ?? '',
      subject: `${input.cycleName ?? '市长质量奖'} 现场评审评分表`,
      keywords: '市长质量奖, 评分表, GB/T 19580',
      creator: '市长质量奖现场评审',
      producer: '市长质量奖现场评审 (pdfmake)',
      creationDate: printed,
      modDate: printed,
    },
    footer: (page, count) => ({
      text: `${input.filled ? `打印于 ${beijingDateZh(input.printedAt)}\u3000` : ''}第 ${page} 页\u3000共 ${count} 页\u3000内部资料 注意保密`,
      style: 'running',
      alignment: 'center',
      margin: [0, 16, 0, 0],
    }),
    content: [
      { text: `${input.cycleName ?? '郑州市市长质量奖'}\u3000现场评审评分表${kind}`, style: 'title' },
      infoLine(input),
      { text: '评分说明：每个条款先定评分档，再在档内按 5% 取得分率；得分 = 分值 × 得分率。', style: 'note' },
      { columns: [bandTable('process', '过程条款（方法、展开、学习、整合）'), bandTable('results', '结果条款（水平、趋势、对比、整合）')], columnGap: 12, margin: [0, 4, 0, 8] },
      ...scoreTables(input),
      { text: '否决项核查（第十四条）', style: 'h2', pageBreak: 'before' },
      exclusionTable(input),
      {
        columns: [{ text: [{ text: '评审员签字：', style: 'label' }, BLANK_LINE] }, { text: [{ text: '日期：', style: 'label' }, BLANK_LINE] }],
        margin: [0, 28, 0, 0],
      },
      { text: '纸质评分表录入系统后，请交评审组组长保存；系统中的评分以评审员签名的评分表为准。', style: 'note', margin: [0, 12, 0, 0] },
    ],
    defaultStyle: { font: REPORT_FONT, fontSize: 9, lineHeight: 1.25 },
    styles: {
      title: { font: HEADING_FONT, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      running: { fontSize: 8, color: '#666666' },
      h2: { font: HEADING_FONT, fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
      h3: { font: HEADING_FONT, fontSize: 9.5, bold: true, margin: [0, 0, 0, 3] },
      label: { font: HEADING_FONT, bold: true },
      note: { fontSize: 8, color: '#444444' },
      th: { font: HEADING_FONT, fontSize: 8, bold: true, alignment: 'center', fillColor: '#e8e8e8', lineHeight: 1.15 },
      td: { fontSize: 8, lineHeight: 1.2 },
      tdCategory: { font: HEADING_FONT, fontSize: 8, bold: true, fillColor: '#f2f2f2' },
      tdTotal: { font: HEADING_FONT, fontSize: 9, bold: true, alignment: 'center' },
    },
  };
}
