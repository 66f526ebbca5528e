import { formatTenths } from '../scoring/statistics.js';
import { itemScoreHundredths } from '../scoring/hundredths.js';
import { categoryPercentTenths } from '../scoring/totals.js';
import { numeralZh, pointsZh } from './format-zh.js';
import { GRID, num, sectionTitle, subTitle, td, th } from './layout.js';
import type { Content, TableCell } from './pdf-content.js';
import type { ReportModel } from './report-model.js';

const pct = (p: number | undefined | null): string => (p === undefined || p === null ? '—' : String(p));

/** 四、评分结果: per item the material-review score, each member's, the consensus and the points. */
export function scoreSection(model: ReportModel, n: number): Content[] {
  const { input, consolidation, facts } = model;
  const members = input.roster;
  const span2 = (text: string): TableCell => th(text, { rowSpan: 2 });
  const top: TableCell[] = [span2('条款'), span2('评分条款'), span2('分值'), span2('材料\n评审\n（%）'), th('评审员评分（%）', { colSpan: members.length }), ...blank(members.length - 1), span2('共识\n（%）'), span2('得分')];
  const names: TableCell[] = [...blank(4), ...members.map((m) => th(m.name, { fontSize: 6.5 })), ...blank(2)];
  const width = top.length;
  const body: TableCell[][] = [top, names];
  for (const category of input.criteriaSet.categories) {
    const subtotal = facts.totals.categories.find((c) => c.id === category.id)!;
    body.push([
      { text: `${category.id}  ${category.name}`, style: 'tdCategory', colSpan: width - 2 },
      ...blank(width - 3),
      { text: `小计`, style: 'tdCategory', alignment: 'right' },
      { text: pointsZh(subtotal.scoreHundredths), style: 'tdCategory', alignment: 'right' },
    ]);
    for (const item of category.items) {
      const row = consolidation.rows.find((r) => r.itemId === item.id)!;
      const consensus = model.consensusByItem.get(item.id)?.percent ?? null;
      const shade = row.divergent ? { fillColor: '#eeeeee' } : {};
      body.push([
        num(row.divergent ? `${item.id}※` : item.id, shade),
        td(item.name),
        num(String(item.points)),
        num(pct(row.materialReviewPercent)),
        ...row.cells.map((c) => num(pct(c.percent), shade)),
        num(pct(consensus), { bold: true }),
        num(consensus === null ? '—' : pointsZh(itemScoreHundredths(item.points, consensus)), { alignment: 'right' }),
      ]);
    }
  }
  body.push([
    { text: '总分（满分 1000 分）', style: 'tdTotal', colSpan: 4 },
    ...blank(3),
    { text: `获奖分数线${pointsZh(facts.thresholdHundredths)}分（含）：${facts.meetsThreshold ? '达到' : '未达到'}`, style: 'tdTotal', colSpan: width - 6, alignment: 'center', noWrap: true },
    ...blank(width - 7),
    // Never wrapped: a total broken over two lines ("达/到", "52/3.75") was misread.
    { text: pointsZh(facts.totalHundredths), style: 'tdTotal', colSpan: 2, alignment: 'right', noWrap: true },
    th(''),
  ]);
  const memberWidths = members.map(() => 23);
  return [
    sectionTitle(numeralZh(n), '评分结果'),
    subTitle('（一）各条款评分'),
    {
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: [32, '*', 20, 24, ...memberWidths, 24, 34], body },
      layout: GRID,
    },
    { text: `注：标※、灰底为评分极差超过${consolidation.divergenceLimit}个百分点、经共识讨论的条款（见第${numeralZh(n + 1)}部分）。“—”表示未评分。`, style: 'note' },
    subTitle('（二）各类目得分'),
    categoryTable(model),
    subTitle('（三）各类目得分率'),
    categoryChart(model),
  ];
}

/**
 * Each category's score as a share of its maximum, drawn as bars on one scale (0–100%),
 * so categories of 80 and 400 points compare at a glance; the figures are in the table above.
 */
function categoryChart(model: ReportModel): Content {
  const BAR = 260;
  const rows: TableCell[][] = model.input.criteriaSet.categories.map((category) => {
    const t = model.facts.totals.categories.find((c) => c.id === category.id)!;
    const tenths = categoryPercentTenths(t);
    return [
      td(`${category.id} ${category.name}`, { fontSize: 8.5 }),
      {
        canvas: [
          { type: 'rect', x: 0, y: 1, w: BAR, h: 9, color: '#eeeeee' },
          { type: 'rect', x: 0, y: 1, w: Math.round((BAR * tenths) / 1000), h: 9, color: '#555555' },
          { type: 'line', x1: BAR / 2, y1: 0, x2: BAR / 2, y2: 11, lineWidth: 0.5, lineColor: '#999999' },
        ],
      },
      td(`${formatTenths(tenths)}%（${pointsZh(t.scoreHundredths)}/${category.points}）`, { fontSize: 8.5, noWrap: true }),
    ];
  });
  return {
    unbreakable: true,
    stack: [
      { table: { widths: [120, BAR, '*'], body: rows }, layout: 'noBorders' },
      { text: '注：条形长度为类目得分占该类目满分的比例，竖线为50%。', style: 'note' },
    ],
  };
}

function categoryTable(model: ReportModel): Content {
  const { input, facts } = model;
  const body: TableCell[][] = [[th('类目'), th('名称'), th('满分'), th('得分'), th('得分率')]];
  for (const category of input.criteriaSet.categories) {
    const t = facts.totals.categories.find((c) => c.id === category.id)!;
    body.push([num(category.id), td(category.name), num(String(category.points)), num(pointsZh(t.scoreHundredths)), num(`${formatTenths(categoryPercentTenths(t))}%`)]);
  }
  body.push([
    { text: '合计', style: 'tdTotal', colSpan: 2 },
    th(''),
    num('1000', { bold: true }),
    num(pointsZh(facts.totalHundredths), { bold: true }),
    num(`${formatTenths(Math.floor((facts.totalHundredths * 20 + 1000) / 2000))}%`, { bold: true }),
  ]);
  return { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [40, '*', 50, 70, 60], body }, layout: GRID };
}

/** 五、评分分歧及共识情况 */
export function divergenceSection(model: ReportModel, n: number): Content[] {
  const { consolidation, input } = model;
  const title = sectionTitle(numeralZh(n), '评分分歧及共识情况');
  const divergent = consolidation.rows.filter((r) => r.divergent);
  if (divergent.length === 0) {
    return [title, { text: `各条款评审员评分的极差均未超过${consolidation.divergenceLimit}个百分点，共识评分经评审组讨论确定。`, style: 'body' }];
  }
  const name = new Map(input.roster.map((m) => [m.memberId, m.name]));
  const body: TableCell[][] = [[th('条款'), th('各评审员评分（%）'), th('均值／\n中位数'), th('极差'), th('共识'), th('共识理由')]];
  for (const row of divergent) {
    const c = model.consensusByItem.get(row.itemId);
    body.push([
      num(`${row.itemId}\n${row.name}`, { alignment: 'left' }),
      td(pairs(row.cells.map((cell) => `${name.get(cell.memberId) ?? cell.memberId} ${pct(cell.percent)}`)), { fontSize: 7.5 }),
      num(`${row.meanTenths === undefined ? '—' : formatTenths(row.meanTenths)}／${row.medianTenths === undefined ? '—' : formatTenths(row.medianTenths)}`),
      num(String(row.spread)),
      num(`${pct(c?.percent)}%`, { bold: true }),
      td(c?.rationale.trim() || '（未记录）'),
    ]);
  }
  return [
    title,
    { text: `以下${divergent.length}个条款的评审员评分极差超过${consolidation.divergenceLimit}个百分点，评审组逐条讨论形成共识：`, style: 'body' },
    { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [58, 92, 44, 22, 28, '*'], body }, layout: GRID },
  ];
}

/** Two members to a line keeps a 7-member row short. */
function pairs(entries: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 2) lines.push(entries.slice(i, i + 2).join('\u3000'));
  return lines.join('\n');
}

function blank(count: number): TableCell[] {
  return Array.from({ length: Math.max(0, count) }, () => ({ text: '' }));
}
