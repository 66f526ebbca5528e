import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import type { CycleRules } from '../../shared/cycle/cycle-rules.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { nextHistoryEntry, type HistoryEntry } from '../../shared/history/hash-chain.js';
import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import { assignmentCertificates, secretariatAuthority, type SecretariatAuthority } from '../../shared/identity/enrolment-certificates.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { prepareBlobs, type PreparedBlob } from '../../shared/packages/blobs.js';
import type { AssignmentContent, RosterMember } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { EXCLUSION_RULES } from '../../shared/regulation/exclusions.js';
import type { SeededRandom } from './seeded-random.js';

/** Deterministic, plausible review content for `zqa demo` and the package flow tests. */
const APPLICANTS = ['郑州宇通精密机械有限公司', '河南中原智慧物流股份有限公司', '郑州绿城食品集团有限公司', '郑州高新区华信电子科技有限公司'];
const INDUSTRIES = ['装备制造', '现代物流', '食品加工', '电子信息'];
const STRENGTHS = ['高层领导定期组织战略研讨，方向清晰', '建立了覆盖全流程的质量追溯系统', '顾客满意度测评方法系统，连续三年提升', '关键过程有明确的绩效指标并按月评审', '员工培训体系完善，人均学时高于行业'];
const OFIS = ['部分指标缺少与标杆的对比数据', '改进成果的横向推广不够系统', '供应商绩效评价尚未形成闭环', '创新项目的效果测量方法有待完善'];
const SITE_NOTES = ['查看生产现场，5S 管理到位', '访谈一线员工，了解质量改进小组活动', '抽查近三年财务报表，均为盈利', '查阅顾客投诉台账，处理及时'];

const percent = (r: SeededRandom, around: number) => Math.max(0, Math.min(100, Math.round((around + r.int(-3, 3) * 5) / 5) * 5));
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000).toISOString();

/**
 * The rules of a demo panel when the caller gives none: the 2021 draft, with the nomination
 * minimum stated as 0 (no floor), as a cycle set up on that draft might state it.
 */
export const DEMO_RULES: CycleRules = rulesFromPreset('draft-2021', 0);

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
  /** The secretariat's keys: it certifies the members (a fresh root unless `authority` is given). */
  secretariatKeys: KeyHolder;
  /** The secretariat's CA when one run issues several assignments (one root, one certificate per expert). */
  authority?: SecretariatAuthority;
  applicant?: DemoApplicant;
  /** Material-review percentages by item (default: around 50). */
  materialReview?: Readonly<Record<string, number>>;
  /** The cycle's rules the assignment carries (default: DEMO_RULES). */
  rules?: CycleRules;
}

export async function demoAssignment({ random, secretariat, members, issuedAt, secretariatKeys, authority, applicant, materialReview, rules = DEMO_RULES }: AssignmentInput): Promise<AssignmentContent> {
  const items = itemsOf(GBT19580_2012);
  const picked = random.int(0, APPLICANTS.length - 1);
  const a = applicant ? applicant.number - 1 : picked;
  const name = applicant?.name ?? APPLICANTS[picked]!;
  const roster: RosterMember[] = members.map((m, i) => ({
    name: m.name, organisation: m.organisation, keyId: m.keyId, signingKey: m.signingKey, encryptionKey: m.encryptionKey, fingerprint: m.fingerprint,
    role: i === 0 ? 'leader' : 'expert',
  }));
  const { role: _role, ...secretariatIdentity } = secretariat;
  const ca = authority ?? (await secretariatAuthority({ ...secretariat, sign: (d) => secretariatKeys.sign(d) }, issuedAt));
  const certificates = await assignmentCertificates(ca, roster);
  const day = issuedAt.toISOString().slice(0, 10);
  return {
    cycle: { id: 'zqa-2026', name: '2026年度郑州市市长质量奖', year: 2026 },
    applicant: {
      id: `applicant-${a + 1}`,
      name,
      creditCode: `91410100MA${String(random.int(1000000, 9999999))}X`,
      industry: applicant?.industry ?? INDUSTRIES[picked]!,
      address: '河南省郑州市',
      contact: '质量管理部',
      profile: `${name}成立于${random.int(1995, 2015)}年，推行卓越绩效模式${random.int(2, 8)}年。`,
    },
    panel: { id: `panel-${a + 1}`, name: `第${a + 1}评审组`, members: roster },
    rules,
    secretariat: secretariatIdentity,
    certificates,
    criteriaSet: GBT19580_2012,
    materialReview: {
      scores: items.map((i) => ({ itemId: i.id, percent: materialReview?.[i.id] ?? percent(random, 50) })),
      summary: '材料评审认为申报材料完整，部分结果数据需现场核实。',
    },
    siteIssues: [
      { id: 'issue-1', itemId: '4.7.4', text: '核实近三年财务报表，确认无亏损（否决项第五项）' },
      { id: 'issue-2', itemId: '4.3.3', text: '核实顾客满意度调查的样本与方法' },
      { id: 'issue-3', itemId: null, text: '核实近三年有无重大质量、安全、环境事故' },
    ],
    schedule: [
      { date: day, start: '09:00', end: '09:30', activity: '首次会议', location: '申报单位会议室' },
      { date: day, start: '09:30', end: '17:00', activity: '现场查看与访谈', location: '生产现场' },
    ],
    issuedAt: issuedAt.toISOString(),
  };
}

/** A tiny valid PNG (1×1, grey): a stand-in for a site photo. */
const PNG_1X1 = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

export interface ScoresheetInput {
  random: SeededRandom;
  assignment: AssignmentContent;
  expert: IdentityCard;
  startedAt: Date;
  /** Extra photos beyond the demo's one (benchmarks pass big ones). */
  photos?: readonly Uint8Array[];
  /** Art. 14 numbers this expert flags (found on site); the others are clear. */
  flagged?: readonly number[];
}

export async function demoScoresheet({ random, assignment, expert, startedAt, photos = [], flagged = [] }: ScoresheetInput): Promise<{ content: ScoresheetContent; blobs: PreparedBlob[] }> {
  const items = itemsOf(assignment.criteriaSet);
  const review = new Map(assignment.materialReview.scores.map((s) => [s.itemId, s.percent]));
  let minute = 0;
  let last: HistoryEntry | undefined;
  const history: HistoryEntry[] = [];
  const scored: ScoresheetContent['items'] = [];
  for (const item of items) {
    const p = percent(random, review.get(item.id) ?? 50);
    last = await nextHistoryEntry(last, { at: at(startedAt, ++minute), actor: expert.keyId, kind: 'score', itemId: item.id, from: null, to: p });
    history.push(last);
    scored.push({
      itemId: item.id,
      percent: p,
      strengths: [{ id: `s-${item.id}`, text: random.pick(STRENGTHS) }],
      ofis: [{ id: `o-${item.id}`, text: random.pick(OFIS) }],
    });
  }
  const note = new TextEncoder().encode(`${expert.name} 现场记录\n${random.pick(SITE_NOTES)}\n`);
  const files = [
    { fileName: '现场照片-1.png', mediaType: 'image/png', bytes: PNG_1X1 },
    { fileName: '访谈记录.txt', mediaType: 'text/plain', bytes: note },
    ...photos.map((bytes, i) => ({ fileName: `photo-${String(i + 1).padStart(3, '0')}.jpg`, mediaType: 'image/jpeg', bytes })),
  ];
  const blobs = await prepareBlobs(files);
  const attachments = blobs.map((b, i) => ({ ...b.ref, id: `att-${i + 1}` }));
  const content: ScoresheetContent = {
    cycleId: assignment.cycle.id,
    applicantId: assignment.applicant.id,
    panelId: assignment.panel.id,
    expertKeyId: expert.keyId,
    criteriaSetId: assignment.criteriaSet.id,
    items: scored,
    observations: [
      { id: 'obs-1', itemId: '4.5.3', at: at(startedAt, ++minute), text: random.pick(SITE_NOTES), evidence: '生产车间现场', attachmentIds: ['att-1'] },
      { id: 'obs-2', itemId: null, at: at(startedAt, ++minute), text: random.pick(SITE_NOTES), evidence: '质量部经理访谈', attachmentIds: ['att-2'] },
      // Extra photos, twenty to an observation, as an expert walking a site would file them.
      ...Array.from({ length: Math.ceil(photos.length / 20) }, (_, g) => ({
        id: `obs-photos-${g + 1}`,
        itemId: null,
        at: at(startedAt, ++minute),
        text: `现场照片第${g + 1}组`,
        evidence: '现场拍摄',
        attachmentIds: attachments.slice(2 + g * 20, 2 + (g + 1) * 20).map((a) => a.id),
      })),
    ],
    attachments,
    siteIssues: assignment.siteIssues.map((s) => ({ issueId: s.id, status: 'confirmed' as const, note: '已现场核实' })),
    exclusions: EXCLUSION_RULES.map((r) =>
      flagged.includes(r.number) ? { number: r.number, status: 'flagged' as const, note: '现场核查发现，提请评审组确认' } : { number: r.number, status: 'clear' as const, note: '' },
    ),
    declaration: { noConflict: true, statement: '本人与申报单位无利害关系，承诺公正评审并保守秘密。', conflicts: '', declaredAt: startedAt.toISOString() },
    history,
    submittedAt: at(startedAt, minute + 1),
  };
  return { content, blobs };
}
