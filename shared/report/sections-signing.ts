import { ROLE_ZH, beijingDateZh, dateZh, numeralZh } from './format-zh.js';
import { gridTable, num, paragraphs, sectionTitle, td, th } from './layout.js';
import type { Content, TableCell } from './pdf-content.js';
import type { ReportModel } from './report-model.js';

/**
 * 评审组成员保留意见: every reservation a member gave, verbatim, with the member's name and the
 * date. A member gives one when countersigning; the leader's next version of the report
 * prints it, and the leader's app finishes only when each member's countersignature of the
 * final version says the same as what the report prints for that member.
 */
export function reservationsSection(model: ReportModel, n: number): Content[] {
  const reservations = model.input.reservations ?? [];
  const title = sectionTitle(numeralZh(n), '评审组成员保留意见');
  if (reservations.length === 0) return [title, { text: '截至本报告签发，评审组成员未提出保留意见。', style: 'body' }];
  return [
    title,
    { text: '以下为评审组成员在会签时提出的保留意见，按原文照录：', style: 'body' },
    ...reservations.flatMap((r, i): Content[] => [
      { text: `${i + 1}. ${model.nameOf(r.memberId)}（${beijingDateZh(r.givenAt)}）：`, style: 'label', margin: [0, 6, 0, 2] },
      ...paragraphs(r.text).map((p) => ({ ...p, margin: [14, 0, 0, 2] as [number, number, number, number] })),
    ]),
  ];
}

/**
 * 评审组签署页, as a Chinese official report has it: each member's name, role, organisation,
 * key fingerprint and countersignature state, a box for a handwritten signature on the
 * printed copy, and a place for the secretariat's seal. How the digital signatures are
 * checked is on the technical page after it, in plain words.
 */
export function signaturePage(model: ReportModel): Content[] {
  const { input } = model;
  const version = input.version ?? 1;
  const earlier = new Map((input.earlierCountersignatures ?? []).map((c) => [c.memberId, c]));
  const stateOf = (memberId: string, role: 'leader' | 'expert'): string => {
    if (role === 'leader') return `组长签发本报告（第${version}版）\n${beijingDateZh(input.issuedAt)}`;
    const e = earlier.get(memberId);
    // The date on its own line: wrapped inside its brackets it read as two half-dates.
    const before = e ? `第${e.version}版已会签：${e.agrees ? '同意' : '有保留意见'}\n${beijingDateZh(e.signedAt)}\n` : '';
    return `${before}本版待会签`;
  };
  const body: TableCell[][] = [[th('姓名'), th('职务'), th('工作单位'), th('签名密钥指纹'), th('电子会签情况'), th('签字')]];
  for (const m of input.roster) {
    body.push([
      num(m.name, { noWrap: true }),
      num(ROLE_ZH[m.role], { noWrap: true }),
      td(m.organisation),
      td(m.fingerprint.replace(/ (?=\d{5} \d{5}$)/, '\n'), { style: 'mono' }),
      td(stateOf(m.memberId, m.role), { fontSize: 7.5 }),
      td('', { margin: [0, 20, 0, 20] }),
    ]);
  }
  return [
    { text: '评审组签署页', style: 'h1', alignment: 'center', pageBreak: 'before', margin: [0, 0, 0, 12] },
    {
      text: `本报告（第${version}版）由评审组组长签发，经评审组成员审阅会签。成员对本报告有保留意见的，其意见原文载于本报告“评审组成员保留意见”部分。纸质文本由评审组成员本人在“签字”栏内签名。`,
      style: 'body',
    },
    { ...gridTable([40, 30, '*', 66, 104, 62], body), margin: [0, 8, 0, 0] },
    {
      margin: [0, 26, 0, 0],
      columns: [
        { width: '*', stack: [{ text: `评审组组长（签字）：`, style: 'body' }, { text: `报告日期：${dateZh(input.schedule.reportDate)}`, style: 'body', margin: [0, 18, 0, 0] }] },
        {
          width: 190,
          table: { widths: ['*'], body: [[{ text: '郑州市市长质量奖评定委员会秘书处\n（盖章）', style: 'seal', margin: [0, 46, 0, 46] }]] },
          layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => '#999999', vLineColor: () => '#999999' },
        },
      ],
    },
  ];
}

/** The last page: what was signed and how anyone can check it, in plain words (no tool names). */
export function technicalPage(model: ReportModel): Content[] {
  const { input } = model;
  const lines = [
    '一、本报告是一个PDF文件。评审组组长在签发时，用秘书处为其签发的数字证书对整个文件加盖了数字签名。签名之后文件中任何一个字节被改动，用支持数字签名的PDF阅读器打开时，都会显示签名无效。',
    '二、评审组其他成员在审阅后，用各自的签名密钥对组长已签名的这一文件整体进行会签，每位成员形成一份独立的会签文件，载明同意或保留意见及会签时间。会签文件与本报告、各成员的评分表一并装入评审结果包报送秘书处，秘书处接收时逐一核验。',
    '三、秘书处核验时确认：组长的数字证书由秘书处签发；每份会签文件由名单中该成员的签名密钥签出，签的正是本文件；评审结果包内各成员评分表的签名和评分修改记录完整。',
    '四、下表所列签名密钥指纹与评审任务中名单一致，可当面或电话向本人核对。',
  ];
  const body: TableCell[][] = [[th('姓名'), th('职务'), th('签名密钥指纹')], ...input.roster.map((m) => [num(m.name), num(ROLE_ZH[m.role]), td(m.fingerprint, { style: 'mono', noWrap: true })])];
  return [
    { text: '关于本报告数字签名的说明', style: 'h1', alignment: 'center', pageBreak: 'before', margin: [0, 0, 0, 12] },
    ...lines.map((t) => ({ text: t, style: 'body', unbreakable: true })),
    { ...gridTable([60, 50, '*'], body), margin: [60, 8, 60, 0] },
  ];
}
