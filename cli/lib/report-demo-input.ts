import { applyConsensusEdit, exclusionTarget, type ConsensusEdit } from '../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import type { MemberScores, PanelMember } from '../../shared/consensus/member-scores.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { chooseNote, mergeNotes } from '../../shared/consensus/panel-notes.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import type { ReportInput } from '../../shared/report/report-input.js';
import { CATEGORY_LINES, KEY_OFIS, KEY_STRENGTHS, OFI_TEMPLATES, OVERALL_EVALUATION, RATIONALE, STRENGTH_TEMPLATES } from './report-demo-text.js';
import { DEMO_RULES } from './demo-content.js';

/**
 * A complete, deterministic report input for a panel of 5–7 with full notes: the members'
 * scoresheets, a consensus built through the real edit functions, and the schedule. For
 * tests, the benchmark and `zqa demo`.
 */
const PEOPLE: [string, string][] = [
  ['王建国', '河南省质量协会'],
  ['张明华', '郑州大学管理学院'],
  ['李秀英', '郑州市标准化研究院'],
  ['赵志刚', '中原工学院质量研究所'],
  ['陈丽娟', '河南省计量科学研究院'],
  ['刘德胜', '郑州轻工业大学经济与管理学院'],
  ['孙晓燕', '河南省产品质量监督检验院'],
];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Four groups of five digits, the form shared/identity/fingerprint.ts gives. */
function fingerprint(next: () => number): string {
  return Array.from({ length: 4 }, () => String(Math.floor(next() * 100000)).padStart(5, '0')).join(' ');
}

export interface DemoReportOptions {
  members?: number;
  seed?: number;
  /** Art. 14 numbers the panel confirms. */
  flaggedExclusions?: readonly number[];
}

export function demoReportInput(options: DemoReportOptions = {}): ReportInput {
  const count = options.members ?? 7;
  const next = lcg(options.seed ?? 2026);
  const roster: PanelMember[] = PEOPLE.slice(0, count).map(([name, organisation], i) => ({
    memberId: `m${i + 1}`,
    name,
    organisation,
    role: i === 0 ? 'leader' : 'expert',
    fingerprint: fingerprint(next),
  }));
  const items = itemsOf(GBT19580_2012);
  const base = new Map(items.map((item) => [item.id, 45 + 5 * Math.floor(next() * 5)]));
  const scoresheets: MemberScores[] = roster.map((m, mi) => ({
    memberId: m.memberId,
    exclusions: [],
    items: Object.fromEntries(
      items.map((item, ii) => {
        // Every fourth item splits the panel by 25–30 points, so divergence shows.
        const swing = ii % 4 === 1 ? (mi % 2 === 0 ? 15 : -10) : 5 * (Math.floor(next() * 3) - 1);
        const percent = Math.max(0, Math.min(100, base.get(item.id)! + swing));
        const fill = (t: string): string => t.replace('{item}', item.name);
        return [
          item.id,
          {
            percent,
            strengths: [0, 1, 2].map((k) => ({ id: `${item.id}-s${k}`, text: fill(STRENGTH_TEMPLATES[(mi + ii + k) % STRENGTH_TEMPLATES.length]!) })),
            ofis: [0, 1, 2].map((k) => ({ id: `${item.id}-o${k}`, text: fill(OFI_TEMPLATES[(mi + ii + k) % OFI_TEMPLATES.length]!) })),
          },
        ];
      }),
    ),
  }));
  const consensus = buildConsensus(roster, scoresheets, base, options.flaggedExclusions ?? []);
  return {
    cycleName: '第三届（2026年）',
    applicant: {
      name: '郑州宇通精密机械有限公司',
      creditCode: '91410100MA3X5K2L8Q',
      industry: '通用设备制造业',
      address: '河南省郑州市高新技术产业开发区长椿路11号',
      legalRepresentative: '周建业',
      contact: '质量管理部 杨帆 0371-6788 1234',
      profile:
        '郑州宇通精密机械有限公司成立于2008年，注册资本2.6亿元，现有员工1860人，其中工程技术人员412人，主要从事精密传动部件和智能装备的研发、制造与服务，产品销往全国28个省区市及东南亚、中东等地区。\n' +
        '公司2019年导入卓越绩效管理模式，先后获得河南省省长质量奖提名奖、国家级专精特新“小巨人”企业等称号，建有省级企业技术中心和博士后创新实践基地，近三年营业收入分别为18.6亿元、20.9亿元和23.4亿元，均实现盈利。',
    },
    roster,
    schedule: {
      materialReviewDate: '2026-10-30',
      siteVisitFrom: '2026-11-25',
      siteVisitTo: '2026-11-27',
      reportDate: '2026-11-29',
      activities: [
        { date: '2026-11-25', time: '09:00–10:30', activity: '首次会议；听取申报单位卓越绩效管理工作汇报', place: '公司行政楼第一会议室' },
        { date: '2026-11-25', time: '10:30–17:30', activity: '高层领导访谈；领导、战略条款现场核查', place: '行政楼、战略发展部' },
        { date: '2026-11-26', time: '08:30–17:30', activity: '生产现场查看；顾客与市场、资源、过程管理条款核查；员工座谈', place: '一号、三号生产基地' },
        { date: '2026-11-27', time: '08:30–12:00', activity: '测量分析与改进、经营结果条款核查；查阅近三年财务报表', place: '财务部、质量管理部' },
        { date: '2026-11-27', time: '14:00–17:00', activity: '评审组内部讨论；末次会议，反馈主要优势和改进机会', place: '公司行政楼第一会议室' },
      ],
    },
    criteriaSet: GBT19580_2012,
    scoresheets,
    materialReview: Object.fromEntries(items.map((i) => [i.id, base.get(i.id)!])),
    consensus,
    rules: DEMO_RULES,
    issuedAt: '2026-11-29T02:00:00.000Z',
  };
}

function buildConsensus(roster: PanelMember[], sheets: MemberScores[], base: Map<string, number>, flagged: readonly number[]): ConsensusRecord {
  let record = newConsensusRecord(GBT19580_2012);
  const apply = (edit: ConsensusEdit): void => {
    const r = applyConsensusEdit(record, edit);
    if (!r.ok) throw new Error(r.error);
    record = r.value.record;
  };
  const [first, second] = [sheets[0]!, sheets[1]!];
  itemsOf(GBT19580_2012).forEach((item, ii) => {
    const category = CATEGORY_LINES[item.categoryId]!;
    apply({ kind: 'consensus-percent', itemId: item.id, to: base.get(item.id)! + (ii % 3 === 0 ? 5 : 0) });
    if (ii % 4 === 1) apply({ kind: 'consensus-rationale', itemId: item.id, to: RATIONALE });
    const s = (sheet: MemberScores, k: number) => sheet.items[item.id]!.strengths[k]!;
    const o = (sheet: MemberScores, k: number) => sheet.items[item.id]!.ofis[k]!;
    apply({
      kind: 'consensus-strengths',
      itemId: item.id,
      to: [
        chooseNote(`${item.id}-ps1`, first.memberId, s(first, 0)),
        chooseNote(`${item.id}-ps2`, second.memberId, s(second, 1)),
        mergeNotes(`${item.id}-ps3`, [{ memberId: first.memberId, noteId: s(first, 2).id }, { memberId: second.memberId, noteId: s(second, 2).id }], category.strength),
      ],
    });
    apply({
      kind: 'consensus-ofis',
      itemId: item.id,
      to: [chooseNote(`${item.id}-po1`, first.memberId, o(first, 0)), mergeNotes(`${item.id}-po2`, [{ memberId: first.memberId, noteId: o(first, 1).id }, { memberId: second.memberId, noteId: o(second, 1).id }], category.ofi)],
    });
  });
  for (let n = 1; n <= 7; n++) {
    const isFlagged = flagged.includes(n);
    apply({ kind: 'consensus-exclusion', itemId: exclusionTarget(n), to: { status: isFlagged ? 'flagged' : 'clear', note: isFlagged ? '经查阅财务报表确认' : n === 5 ? '查阅近三年审计报告，均为盈利' : '' } });
  }
  apply({ kind: 'consensus-overall', itemId: 'overall', to: OVERALL_EVALUATION.join('\n') });
  apply({ kind: 'consensus-key-strengths', itemId: 'overall', to: KEY_STRENGTHS });
  apply({ kind: 'consensus-key-ofis', itemId: 'overall', to: KEY_OFIS });
  void roster;
  return record;
}
