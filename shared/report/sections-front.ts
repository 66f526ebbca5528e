import { ROLE_ZH, dateRangeZh, dateZh, numeralZh } from './format-zh.js';
import { daysBetween } from '../consensus/visit-record.js';
import { GRID, gridTable, NO_LINES, num, paragraphs, sectionTitle, subTitle, td, th } from './layout.js';
import type { Content, TableCell } from './pdf-content.js';
import type { ReportModel } from './report-model.js';

export function cover(model: ReportModel): Content[] {
  const { input } = model;
  const line = (label: string, value: Content): TableCell[] => [
    { text: label, style: 'coverLabel' },
    { text: value, style: 'coverValue' },
  ];
  // Names never break inside: 孙晓燕 stays on one line.
  const others = input.roster.filter((m) => m.role !== 'leader').flatMap((m, i): Content[] => [...(i > 0 ? ['、'] : []), { text: m.name, noWrap: true }]);
  return [
    { text: '内部资料　注意保密', style: 'secret' },
    { text: '郑州市市长质量奖', style: 'coverAward', margin: [0, 80, 0, 0] },
    { text: '现场评审报告', style: 'coverTitle' },
    { text: input.cycleName, style: 'coverCycle' },
    {
      table: {
        widths: [110, '*'],
        body: [
          line('申报单位：', input.applicant.name),
          line('评审组组长：', model.leaderName),
          line('评审组成员：', others),
          line('现场评审日期：', dateRangeZh(input.schedule.siteVisitFrom, input.schedule.siteVisitTo)),
          line('报告日期：', dateZh(input.schedule.reportDate)),
        ],
      },
      layout: NO_LINES,
      margin: [30, 60, 10, 0],
    },
    { text: '郑州市市长质量奖评定委员会秘书处　制', style: 'coverIssuer', margin: [0, 80, 0, 0] },
    { text: dateZh(input.schedule.reportDate), style: 'coverIssuer', pageBreak: 'after' },
  ];
}

export function applicantSection(model: ReportModel, n: number): Content[] {
  const a = model.input.applicant;
  const rows: [string, string][] = [
    ['单位名称', a.name],
    ['统一社会信用代码', a.creditCode],
    ['所属行业', a.industry],
    ['单位地址', a.address],
  ];
  if (a.legalRepresentative) rows.push(['法定代表人', a.legalRepresentative]);
  if (a.contact) rows.push(['联系人', a.contact]);
  return [
    sectionTitle(numeralZh(n), '申报单位基本情况'),
    { table: { widths: [110, '*'], body: rows.map(([k, v]) => [th(k, { alignment: 'left' }), td(v)]) }, layout: GRID, margin: [0, 0, 0, 8] },
    ...paragraphs(a.profile),
  ];
}

export function panelSection(model: ReportModel, n: number): Content[] {
  const body = [
    [th('序号'), th('姓名'), th('评审组职务'), th('工作单位'), th('签名密钥指纹')],
    ...model.input.roster.map((m, i) => [num(String(i + 1)), td(m.name), num(ROLE_ZH[m.role]), td(m.organisation), td(m.fingerprint, { style: 'mono', noWrap: true })]),
  ];
  return [
    sectionTitle(numeralZh(n), '评审组组成'),
    {
      text: `根据《郑州市市长质量奖管理办法》第十一条，评审组由${model.input.roster.length}名评审员组成，实行组长负责制。各成员均已签署无利益冲突及保密声明（第十八条、第二十五条）。`,
      style: 'body',
    },
    { ...gridTable([26, 52, 52, '*', 130], body), margin: [0, 4, 0, 0] },
  ];
}

/** 评审过程与日程: the process, every day of the visit with its activities, who was interviewed, which sites were seen. */
export function processSection(model: ReportModel, n: number): Content[] {
  const s = model.input.schedule;
  const material = s.materialReviewDate ? `评审组于${dateZh(s.materialReviewDate)}完成材料评审，形成材料评审报告；` : '';
  const text =
    `依据《郑州市市长质量奖管理办法》第十七条，${material}于${dateRangeZh(s.siteVisitFrom, s.siteVisitTo)}对申报单位进行现场评审。` +
    '现场评审采取听取汇报、查阅文件和记录、现场查看、人员访谈等方式，对照《卓越绩效评价准则》（GB/T 19580）逐条核实材料评审中提出的现场核查要点。' +
    `各评审员独立评分并提交经签名的评分表后，由组长组织共识讨论；评分极差超过${model.consolidation.divergenceLimit}个百分点的条款逐一讨论，形成评审组共识评分。`;
  const days = daysBetween(s.siteVisitFrom, s.siteVisitTo);
  const body: TableCell[][] = [[th('日期'), th('时间'), th('内容'), th('地点'), th('参加或访谈人员')]];
  days.forEach((day, i) => {
    const of = s.activities.filter((a) => a.date === day);
    const label = `${dateZh(day)}\n（第${numeralZh(i + 1)}天）`;
    if (of.length === 0) {
      body.push([num(label), num('—'), td('（未记录）'), td(''), td('')]);
      return;
    }
    of.forEach((a, k) => body.push([k === 0 ? num(label, { rowSpan: of.length }) : td(''), num(a.time, { noWrap: true }), td(a.activity), td(a.place), td(a.people ?? '')]));
  });
  const outside = s.activities.filter((a) => !days.includes(a.date));
  for (const a of outside) body.push([num(dateZh(a.date)), num(a.time, { noWrap: true }), td(a.activity), td(a.place), td(a.people ?? '')]);
  const list = (label: string, values: readonly string[]): Content => ({
    text: [{ text: `${label}：`, bold: true }, values.length > 0 ? `${values.join('、')}。` : '（未记录）'],
    style: 'body',
    unbreakable: true,
  });
  return [
    sectionTitle(numeralZh(n), '评审过程与日程'),
    { text, style: 'body' },
    subTitle('（一）现场评审日程'),
    gridTable([74, 58, '*', 84, 84], body),
    subTitle('（二）访谈人员与查看现场'),
    list('访谈人员（按岗位）', model.interviewees),
    list('查看现场', model.sitesVisited),
  ];
}
