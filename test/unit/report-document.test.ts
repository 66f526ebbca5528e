import { describe, expect, it } from 'vitest';
import { demoReportInput } from '../../cli/lib/report-demo-input.js';
import { dateRangeZh, dateZh, numeralZh } from '../../shared/report/format-zh.js';
import type { Content } from '../../shared/report/pdf-content.js';
import { buildReportDocument } from '../../shared/report/report-document.js';
import { reportProblems } from '../../shared/report/report-readiness.js';

function allText(content: Content): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(allText).join('');
  const parts: Content[] = [];
  for (const key of ['text', 'stack', 'columns', 'ul', 'ol'] as const) if (content[key] !== undefined) parts.push(content[key]);
  if (content.table) for (const row of content.table.body) for (const cell of row) parts.push(cell);
  return parts.map(allText).join('');
}

describe('report formatting', () => {
  it('writes dates as a Chinese reader expects', () => {
    expect(dateZh('2026-11-29')).toBe('2026年11月29日');
    expect(dateZh('2027-01-05')).toBe('2027年1月5日');
    expect(dateRangeZh('2026-11-25', '2026-11-27')).toBe('2026年11月25日至27日');
    expect(dateRangeZh('2026-11-30', '2026-12-02')).toBe('2026年11月30日至12月2日');
    expect(dateRangeZh('2026-12-31', '2027-01-02')).toBe('2026年12月31日至2027年1月2日');
    expect(() => dateZh('29.11.2026')).toThrow(/YYYY-MM-DD/);
    expect([1, 7, 8, 10, 12].map(numeralZh)).toEqual(['一', '七', '八', '十', '十二']);
  });
});

describe('report document definition', () => {
  it('has every section, the total with two decimals, and fixed dates', () => {
    const doc = buildReportDocument(demoReportInput());
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    const text = allText(doc.value.content);
    let at = -1;
    for (const heading of ['一、申报单位基本情况', '二、评审组组成', '三、评审过程与日程', '四、评分结果', '五、主要优势与改进机会', '六、现场核查情况', '七、否决项核查', '八、评分分歧及共识情况', '九、综合评价与推荐意见', '十、评审组成员保留意见', '附件　现场证据照片', '评审组签署页', '关于本报告数字签名的说明']) {
      expect(text.indexOf(heading, at + 1), heading).toBeGreaterThan(at);
      at = text.indexOf(heading, at + 1);
    }
    expect(text).toMatch(/评审组共识总分为\d+\.\d{2}分/);
    expect(doc.value.info.creationDate.toISOString()).toBe('2026-11-27T09:30:00.000Z');
    expect(Object.keys(doc.value.images ?? {})).toHaveLength(50);
  });

  it('refuses an unfinished consensus and a panel that breaks the rules, saying why', () => {
    const open = demoReportInput();
    open.consensus.items[0]!.percent = null;
    expect(buildReportDocument(open)).toMatchObject({ ok: false, error: expect.stringMatching(/no consensus yet on item\(s\) 4\.1\.2/) as unknown });
    const twoLeaders = demoReportInput();
    twoLeaders.roster = twoLeaders.roster.map((m) => ({ ...m, role: 'leader' as const }));
    expect(buildReportDocument(twoLeaders)).toMatchObject({ ok: false, error: expect.stringMatching(/exactly one leader/) as unknown });
    const small = demoReportInput({ members: 7 });
    small.roster = small.roster.slice(0, 4);
    small.scoresheets = small.scoresheets.slice(0, 4);
    expect(buildReportDocument(small)).toMatchObject({ ok: false, error: expect.stringMatching(/5 to 7 members/) as unknown });
    const badDate = demoReportInput();
    badDate.schedule = { ...badDate.schedule, reportDate: '2026/11/29' };
    expect(buildReportDocument(badDate)).toMatchObject({ ok: false, error: expect.stringMatching(/report date/) as unknown });
  });

  it('refuses a report dated outside the review dates, or with a member’s scoresheet missing, giving every reason in Chinese', () => {
    const early = demoReportInput({ photos: 0 });
    early.schedule = { ...early.schedule, reportDate: '2026-11-24' };
    expect(reportProblems(early).map((p) => p.code)).toEqual(['report-date']);
    expect(reportProblems(early)[0]!.zh).toContain('报告日期2026年11月24日不在本次现场评审日期（2026年11月25日至27日）之内');
    expect(buildReportDocument(early)).toMatchObject({ ok: false, error: expect.stringMatching(/outside the review dates/) as unknown });
    const late = demoReportInput({ photos: 0 });
    late.schedule = { ...late.schedule, reportDate: '2026-11-28' };
    late.scoresheets = late.scoresheets.slice(1);
    late.consensus.items[3]!.percent = null;
    const problems = reportProblems(late);
    expect(problems.map((p) => p.code)).toEqual(['report-date', 'consensus', 'scoresheet-missing']);
    expect(problems[2]!.zh).toContain(`尚未收到${late.roster[0]!.name}的评分表`);
    expect(reportProblems(demoReportInput({ photos: 0 }))).toEqual([]);
  });

  it('lists items without notes once instead of a line of 无 each, and prints nothing it has not got', () => {
    const input = demoReportInput({ photos: 0, reservation: false });
    input.consensus.items[0]!.strengths = [];
    input.consensus.items[0]!.ofis = [];
    const doc = buildReportDocument(input);
    if (!doc.ok) throw new Error(doc.error);
    const text = allText(doc.value.content);
    expect(text).not.toContain('优势：无');
    expect(text).toContain('未列出优势的条款：4.1.2。');
    expect(text).toContain('截至本报告签发，评审组成员未提出保留意见。');
    expect(text).not.toContain('附件　现场证据照片');
  });
});
