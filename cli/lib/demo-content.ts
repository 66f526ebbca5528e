import { creditCodeCheckCharacter } from '../../shared/applicant/credit-code.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import type { CycleRules } from '../../shared/cycle/cycle-rules.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import { nextHistoryEntry, type HistoryEntry } from '../../shared/history/hash-chain.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import { EXCLUSION_RULES } from '../../shared/regulation/exclusions.js';
import { buildScoresheet, type BuiltScoresheet, type ExpertWork } from '../../shared/workflow/build-scoresheet.js';
import type { CertificateStore } from '../../shared/workflow/certify-experts.js';
import { issueAssignment, type IssuedAssignment } from '../../shared/workflow/issue-assignment.js';
import { memoryCertificateStore } from '../../shared/workflow/memory/certificate-store.js';
import { DEMO_PHOTO_CAPTIONS, demoPhoto } from './demo-photos.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Deterministic, plausible input for the workflow's steps in `zqa demo` and the tests: what a
 * secretariat records about an applicant, and what an expert does on site. The steps
 * themselves (issue the assignment, build the scoresheet) are the app's, from shared/workflow.
 */
const APPLICANTS = ['郑州宇通精密机械有限公司', '河南中原智慧物流股份有限公司', '郑州绿城食品集团有限公司', '郑州高新区华信电子科技有限公司'];
const INDUSTRIES = ['装备制造', '现代物流', '食品加工', '电子信息'];
const STRENGTHS = ['高层领导定期组织战略研讨，方向清晰', '建立了覆盖全流程的质量追溯系统', '顾客满意度测评方法系统，连续三年提升', '关键过程有明确的绩效指标并按月评审', '员工培训体系完善，人均学时高于行业'];
const OFIS = ['部分指标缺少与标杆的对比数据', '改进成果的横向推广不够系统', '供应商绩效评价尚未形成闭环', '创新项目的效果测量方法有待完善'];
const SITE_NOTES = ['查看生产现场，5S 管理到位', '访谈一线员工，了解质量改进小组活动', '抽查近三年财务报表，均为盈利', '查阅顾客投诉台账，处理及时'];
const SITE_PHOTO_ITEMS = ['4.5.3', '4.4.4', '4.6.2', '4.3.3', '4.4.6', '4.4.2'];
const SITE_ISSUES = [
  { itemId: '4.7.4', text: '核实近三年财务报表，确认无亏损（否决项第五项）' },
  { itemId: '4.3.3', text: '核实顾客满意度调查的样本与方法' },
  { text: '核实近三年有无重大质量、安全、环境事故' },
];

const percent = (r: SeededRandom, around: number) => Math.max(0, Math.min(100, Math.round((around + r.int(-3, 3) * 5) / 5) * 5));
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000).toISOString();

/**
 * The rules of a demo panel when the caller gives none: the 2021 draft, with the nomination
 * minimum stated as 0 (no floor), as a cycle set up on that draft might state it.
 */
export const DEMO_RULES: CycleRules = rulesFromPreset('draft-2021', 0);

/** A valid unified social credit code (check character included), as the secretariat records one. */
function creditCode(r: SeededRandom): string {
  const first17 = `91410100MA${String(r.int(1000000, 9999999))}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The applicant a panel reviews (`zqa demo --cycle` names them; otherwise one is picked). */
export interface DemoApplicant {
  /** Its number in the cycle, from 1: the applicant's and the panel's id. */
  number: number;
  name: string;
  industry: string;
}

export interface AssignmentInput {
  random: SeededRandom;
  secretariat: IdentityCard;
  /** Panel members' cards; the first is the leader. */
  members: readonly IdentityCard[];
  issuedAt: Date;
  /** The secretariat's keys: it certifies the members and signs. */
  secretariatKeys: KeyHolder;
  /** The secretariat's certificate store when one run issues several assignments (one root, one certificate per expert). */
  certificates?: CertificateStore;
  applicant?: DemoApplicant;
  /** Material-review percentages by item (default: around 50). */
  materialReview?: Readonly<Record<string, number>>;
  /** The cycle's rules the assignment carries (default: DEMO_RULES). */
  rules?: CycleRules;
  /** The assignment issued for this panel before. */
  previous?: { packageId: string; revision: number } | null;
}

/** The secretariat issues the assignment for a demo applicant: the app's own step. */
export async function issueDemoAssignment(input: AssignmentInput): Promise<IssuedAssignment> {
  const { random, applicant } = input;
  const picked = random.int(0, APPLICANTS.length - 1);
  const n = applicant ? applicant.number : picked + 1;
  const name = applicant?.name ?? APPLICANTS[picked]!;
  const issued = await issueAssignment(
    {
      cycle: { id: 'zqa-2026', name: '2026年度郑州市市长质量奖', year: 2026, rules: input.rules ?? DEMO_RULES, reviewDate: undefined },
      applicant: {
        profile: { id: `applicant-${n}`, name, creditCode: creditCode(random), industry: applicant?.industry ?? INDUSTRIES[picked]!, address: '河南省郑州市', contact: { name: '质量管理部', phone: '0371-6000 0000' } },
        materialReview: {
          percentByItem: Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, input.materialReview?.[i.id] ?? percent(random, 50)])),
          siteVisitIssues: SITE_ISSUES,
          summary: '材料评审认为申报材料完整，部分结果数据需现场核实。',
        },
      },
      panel: { id: `panel-${n}`, name: `第${n}评审组`, leaderKeyId: input.members[0]!.keyId },
      members: input.members.map((card) => ({ card, fingerprintConfirmed: true })),
      criteriaSet: GBT19580_2012,
      previous: input.previous ?? null,
    },
    { keys: input.secretariatKeys, clock: { now: () => input.issuedAt }, secretariat: input.secretariat, certificates: input.certificates ?? memoryCertificateStore() },
  );
  if (!issued.ok) throw new Error(issued.error.map((e) => e.en).join('; '));
  return issued.value;
}

/** The content of a demo assignment, for tests that only read it. */
export async function demoAssignment(input: AssignmentInput): Promise<AssignmentContent> {
  return (await issueDemoAssignment(input)).content;
}

/** A tiny valid PNG (1×1, grey): a stand-in for a site photo. */
const PNG_1X1 = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

export interface WorkInput {
  random: SeededRandom;
  assignment: AssignmentContent;
  expert: IdentityCard;
  startedAt: Date;
  /** Extra photos beyond the demo's one (benchmarks pass big ones). */
  photos?: readonly Uint8Array[];
  /** Art. 14 numbers this expert flags (found on site); the others are clear. */
  flagged?: readonly number[];
  /** Captioned site photos (print-size JPEGs) this expert takes, numbered from here; none when absent. */
  sitePhotos?: number;
}

/**
 * An expert's day on site, as the review screens would have stored it: the declaration, a
 * score per item (each change in the hash-chained history), a strength and an opportunity per
 * item, two observations with a photo and an interview note, every site issue checked.
 */
export async function demoWork({ random, assignment, expert, startedAt, photos = [], flagged = [], sitePhotos }: WorkInput): Promise<ExpertWork> {
  const review = new Map(assignment.materialReview.scores.map((s) => [s.itemId, s.percent]));
  let minute = 0;
  let last: HistoryEntry | undefined;
  const history: HistoryEntry[] = [];
  const scores: ExpertWork['scores'][number][] = [];
  const notes: ExpertWork['notes'][number][] = [];
  for (const item of itemsOf(assignment.criteriaSet)) {
    const p = percent(random, review.get(item.id) ?? 50);
    const when = at(startedAt, ++minute);
    last = await nextHistoryEntry(last, { at: when, actor: expert.keyId, kind: 'score', itemId: item.id, from: null, to: p });
    history.push(last);
    scores.push({ itemId: item.id, percent: p });
    notes.push({ id: `s-${item.id}`, itemId: item.id, kind: 'strength', text: random.pick(STRENGTHS), evidence: null, createdAt: when });
    notes.push({ id: `o-${item.id}`, itemId: item.id, kind: 'ofi', text: random.pick(OFIS), evidence: null, createdAt: when });
  }
  const attachments = [
    { id: 'att-1', name: '现场照片-1.png', type: 'image/png', bytes: PNG_1X1 },
    { id: 'att-2', name: '访谈记录.txt', type: 'text/plain', bytes: new TextEncoder().encode(`${expert.name} 现场记录\n${random.pick(SITE_NOTES)}\n`) },
    ...photos.map((bytes, i) => ({ id: `att-${i + 3}`, name: `photo-${String(i + 1).padStart(3, '0')}.jpg`, type: 'image/jpeg', bytes })),
  ];
  // Two captioned photos, each filed under an item and with an observation that cites it.
  const captioned = sitePhotos === undefined ? [] : [0, 1].map((k) => {
    const n = (sitePhotos - 1) * 2 + k + 1;
    const c = (n - 1) % DEMO_PHOTO_CAPTIONS.length;
    return { id: `site-photo-${k + 1}`, name: `现场照片-${n}.jpg`, type: 'image/jpeg', bytes: demoPhoto(n), caption: DEMO_PHOTO_CAPTIONS[c]!, itemId: SITE_PHOTO_ITEMS[c]! };
  });
  attachments.push(...captioned);
  const evidence = (document: string) => ({ document, intervieweeRole: '', place: '' });
  notes.push({ id: 'obs-1', itemId: '4.5.3', kind: 'observation', text: random.pick(SITE_NOTES), evidence: evidence('生产车间现场'), createdAt: at(startedAt, ++minute), attachmentIds: ['att-1'] });
  notes.push({ id: 'obs-2', itemId: null, kind: 'observation', text: random.pick(SITE_NOTES), evidence: evidence('质量部经理访谈'), createdAt: at(startedAt, ++minute), attachmentIds: ['att-2'] });
  for (const [k, p] of captioned.entries()) {
    notes.push({ id: `obs-site-${k + 1}`, itemId: p.itemId, kind: 'observation', text: `${p.caption}，现场抽查记录完整`, evidence: { document: '现场记录', intervieweeRole: k === 0 ? '班组长' : '质量工程师', place: k === 0 ? '一号生产基地装配车间' : '计量室' }, createdAt: at(startedAt, ++minute), attachmentIds: [p.id] });
  }
  // Extra photos, twenty to an observation, as an expert walking a site would file them.
  for (let g = 0; g < Math.ceil(photos.length / 20); g++) {
    const ids = attachments.slice(2 + g * 20, 2 + (g + 1) * 20).map((a) => a.id);
    notes.push({ id: `obs-photos-${g + 1}`, itemId: null, kind: 'observation', text: `现场照片第${g + 1}组`, evidence: evidence('现场拍摄'), createdAt: at(startedAt, ++minute), attachmentIds: ids });
  }
  return {
    declaration: { conflict: false, signedAt: startedAt.toISOString() },
    scores,
    notes,
    attachments,
    siteIssues: assignment.siteIssues.map((s, i) => ({ issueId: s.id, status: 'confirmed' as const, note: '已现场核实', evidence: ['查阅近三年审计报告', '抽查顾客满意度调查问卷30份；销售经理访谈', '安全生产台账；应急管理部门证明'][i % 3]! })),
    exclusions: EXCLUSION_RULES.map((r) => (flagged.includes(r.number) ? { number: r.number, status: 'flagged' as const, note: '现场核查发现，提请评审组确认' } : { number: r.number, status: 'clear' as const, note: '' })),
    history,
  };
}

/** The demo expert's scoresheet content, built by the app's own step, for tests that only read it. */
export async function demoScoresheet(input: WorkInput): Promise<BuiltScoresheet> {
  const work = await demoWork(input);
  const built = await buildScoresheet(work, input.assignment, input.expert.keyId, new Date(input.startedAt.getTime() + (work.notes.length + 1) * 60_000));
  if (!built.ok) throw new Error(built.error.en);
  return built.value;
}
