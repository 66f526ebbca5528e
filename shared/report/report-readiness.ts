import { recommend } from '../consensus/recommendation.js';
import type { ReportInput } from './report-input.js';
import { dateRangeZh, dateZh } from './format-zh.js';

/**
 * What stops a report from being signed, each with its reason in Chinese and English, all
 * at once so the leader's preview lists them together: a report date outside the review
 * dates (a report dated before the visit, signed by everyone, went back from the committee),
 * an item without a consensus or an exclusion undecided, a member's scoresheet missing.
 */
export interface ReportProblem {
  code: 'report-date' | 'consensus' | 'scoresheet-missing';
  zh: string;
  en: string;
}

export function reportProblems(input: ReportInput): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const { siteVisitFrom: from, siteVisitTo: to, reportDate } = input.schedule;
  if (/^\d{4}-\d{2}-\d{2}$/.test(reportDate) && (reportDate < from || reportDate > to)) {
    problems.push({
      code: 'report-date',
      zh: `报告日期${dateZh(reportDate)}不在本次现场评审日期（${dateRangeZh(from, to)}）之内：请改为评审期间的日期`,
      en: `the report date ${reportDate} lies outside the review dates (${from} to ${to}): date it within the visit`,
    });
  }
  const facts = recommend(input.criteriaSet, input.consensus, input.rules);
  if (!facts.ok) {
    const { itemsWithoutConsensus: items, openExclusions: open } = facts.error;
    const zh = [items.length > 0 ? `条款${items.join('、')}尚无共识评分` : '', open.length > 0 ? `否决项第${open.join('、')}项尚未确定` : ''].filter(Boolean).join('；');
    problems.push({ code: 'consensus', zh: `${zh}：请在共识页完成`, en: facts.error.message });
  }
  const sent = new Set(input.scoresheets.map((s) => s.memberId));
  const missing = input.roster.filter((m) => !sent.has(m.memberId));
  if (missing.length > 0) {
    problems.push({
      code: 'scoresheet-missing',
      zh: `尚未收到${missing.map((m) => m.name).join('、')}的评分表：请导入后再生成报告`,
      en: `no scoresheet yet from ${missing.map((m) => m.name).join(', ')}: import it before producing the report`,
    });
  }
  return problems;
}
