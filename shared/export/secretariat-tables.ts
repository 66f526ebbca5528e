import type { CriteriaSet } from '../criteria/criteria-set.js';
import { itemsOf } from '../criteria/validate-criteria-set.js';
import { itemScoreHundredths } from '../scoring/hundredths.js';
import { LIST_NAMES, type ApplicantResult } from '../ranking/applicant-result.js';
import { STAGE_NAMES } from '../applicant/stage.js';
import type { DecisionRecord } from '../ranking/committee-decision.js';
import { recommendationDisagreement } from '../ranking/recommendation-check.js';
import type { RecommendationRules } from '../cycle/cycle-rules.js';
import type { NotCandidate, Proposal, ProposalEntry } from '../ranking/proposal.js';
import type { Cell, Sheet } from './sheet-model.js';

/**
 * The two tables the secretariat exports: the comprehensive review overview, and
 * every item score of every member and the consensus. Both go to .xlsx and to CSV from the
 * same rows, so the two files never disagree. Headers are Chinese: the readers are the
 * committee and the city's staff.
 */
export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

const RECOMMENDATION_ZH: Record<string, string> = { award: '建议授予市长质量奖', nomination: '建议授予提名奖', 'not-recommended': '不予推荐' };

function proposalText(entry: ProposalEntry | undefined, other: NotCandidate | undefined): string {
  if (other) return `非候选单位（${STAGE_NAMES[other.stage].zh}：${other.why.zh}）`;
  if (!entry) return '';
  if (entry.place?.kind === 'repeat') return `${LIST_NAMES.award.zh}（再次获奖，不占名额，第二十七条）`;
  if (entry.tie) return `并列（第${entry.tie.group}组，可能：${entry.tie.possible.map((l) => LIST_NAMES[l].zh).join('或')}），待评委会决定`;
  return LIST_NAMES[entry.list].zh;
}

/**
 * `rules` are the cycle's rules now: a signed recommendation is flagged where the proposal
 * differs from it, or where the panel signed under other rules (as the overview shows it).
 */
export function overviewTable(set: CriteriaSet, results: readonly ApplicantResult[], proposal: Proposal, rules: RecommendationRules, decisions?: readonly DecisionRecord[]): Table {
  const entries = new Map([...proposal.award, ...proposal.nomination, ...proposal.notAwarded].map((e) => [e.applicantId, e]));
  const others = new Map(proposal.notCandidates.map((e) => [e.applicantId, e]));
  const decided = new Map((decisions ?? []).map((d) => [d.applicantId, d]));
  const header = [
    '申报单位',
    '行业',
    '总分',
    ...set.categories.map((c) => `${c.id} ${c.name}（${c.points}分）`),
    '评审组建议',
    '建议结果',
    '否决项（第十四条）',
    '评分分歧说明',
    '会签意见（有保留意见、未会签）',
    '签署推荐与建议结果',
    ...(decisions ? ['评委会决定', '赞成', '反对', '弃权', '决定理由', '奖金（元）'] : []),
  ];
  const ordered = [...results].sort((a, b) => b.totalHundredths - a.totalHundredths || a.name.localeCompare(b.name, 'zh-CN'));
  const rows = ordered.map((r): Cell[] => [
    r.name,
    r.industry,
    { hundredths: r.totalHundredths },
    ...set.categories.map((c): Cell => (r.categorySubtotals[c.id] === undefined ? null : { hundredths: r.categorySubtotals[c.id]! })),
    RECOMMENDATION_ZH[r.recommendation] ?? r.recommendation,
    proposalText(entries.get(r.applicantId), others.get(r.applicantId)),
    r.exclusions.length ? r.exclusions.map((n) => `第${n}项`).join('、') : '',
    r.divergenceNotes.join('\n'),
    signOffText(r),
    disagreementText(r, entries.get(r.applicantId), rules),
    ...(decisions ? decisionCells(decided.get(r.applicantId)) : []),
  ]);
  return { name: '综合评审汇总', header, rows };
}

/** Every reservation and absence with its reason, one a line; empty when all agreed (or not known). */
function signOffText(r: Partial<Pick<ApplicantResult, 'dissents' | 'absences'>>): string {
  return [...(r.dissents ?? []).map((d) => `有保留意见：${d.name}（${d.reason}）`), ...(r.absences ?? []).map((a) => `未会签：${a.name}（${a.reason}）`)].join('\n');
}

/** Empty where the signed recommendation and the proposal agree; else why they differ. */
function disagreementText(r: ApplicantResult, entry: ProposalEntry | undefined, rules: RecommendationRules): string {
  const differs = recommendationDisagreement(r, entry, rules);
  if (!differs) return '';
  return differs.rulesChanged ? '签署后本届规则已改' : '与建议结果不一致';
}

/** The committee's decision, its vote (Art. 17(7) 审议表决), its reason and the prize money. */
function decisionCells(d: DecisionRecord | undefined): Cell[] {
  if (!d) return ['', null, null, null, '', null];
  const outcome = d.repeatWinner ? `${LIST_NAMES[d.outcome].zh}（再次获奖）` : LIST_NAMES[d.outcome].zh;
  return [outcome, d.vote.for, d.vote.against, d.vote.abstaining, d.reason ?? '', d.prizeMoneyYuan];
}

/** One applicant's scores: each member's percentages and the panel's consensus. */
export interface ApplicantItemScores {
  applicantName: string;
  members: { name: string; leader?: boolean; percentByItem: Readonly<Record<string, number | undefined>> }[];
  consensusPercentByItem: Readonly<Record<string, number | undefined>>;
}

/** Long form: one row per applicant × item × scorer (each member, then the consensus). */
export function itemScoresTable(set: CriteriaSet, applicants: readonly ApplicantItemScores[]): Table {
  const header = ['申报单位', '评分条款', '条款名称', '分值', '评分人', '身份', '得分率（%）', '得分'];
  const rows: Cell[][] = [];
  for (const a of applicants) {
    for (const item of itemsOf(set)) {
      const scorers = [
        ...a.members.map((m) => ({ name: m.name, role: m.leader ? '组长' : '评审员', percent: m.percentByItem[item.id] })),
        { name: '评审组', role: '共识', percent: a.consensusPercentByItem[item.id] },
      ];
      for (const s of scorers) {
        rows.push([
          a.applicantName,
          item.id,
          item.name,
          item.points,
          s.name,
          s.role,
          s.percent ?? null,
          s.percent === undefined ? null : { hundredths: itemScoreHundredths(item.points, s.percent) },
        ]);
      }
    }
  }
  return { name: '评分明细', header, rows };
}

export function tableSheet(table: Table): Sheet {
  return { name: table.name, header: table.header, rows: table.rows };
}
