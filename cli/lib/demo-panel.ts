import type { CycleRules } from '../../shared/cycle/cycle-rules.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import type { IdentityRole } from '../../shared/identity/role.js';
import { trustAssignmentRoster } from '../../shared/identity/roster-trust.js';
import type { TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import type { ReportFonts } from '../../shared/report/render-pdf.js';
import type { CertificateStore } from '../../shared/workflow/certify-experts.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { memoryCertificateStore } from '../../shared/workflow/memory/certificate-store.js';
import { DEMO_RULES, demoWork, issueDemoAssignment, type DemoApplicant } from './demo-content.js';
import type { Participant } from './demo-participant.js';
import { startDemoWorld, type DemoIndex, type DemoWorld } from './demo-world.js';
import { REPORT_STAGES } from './report-demo-stages.js';
import { loadReportFonts } from './report-fonts.js';
import type { SeededRandom } from './seeded-random.js';

export type { DemoIndex } from './demo-world.js';

export interface DemoOptions {
  outDir: string;
  /** Panel members, leader included: 5 to 7 (Art. 11). */
  members: number;
  seed: number;
}

/** What the panel's consensus must be (`zqa demo --cycle`); absent: the members' medians. */
export interface GivenConsensus {
  percent: Readonly<Record<string, number>>;
  /** Art. 14 numbers the panel confirms. */
  exclusions: readonly number[];
}

/** What each stage sees: every device's state so far, and how to publish a package. */
export interface DemoContext {
  outDir: string;
  random: SeededRandom;
  clock: () => Date;
  secretariat: Participant;
  /** Leader first. */
  members: Participant[];
  /** Each device's trust store as set up so far, by key id. */
  trust: Map<string, TrustStore>;
  assignment: AssignmentContent;
  scoresheets: Map<string, ScoresheetContent>;
  /** Each member's scoresheet attachments (photos) as the leader's device opened them: key id → entry → bytes. */
  scoresheetBlobs: Map<string, ReadonlyMap<string, Uint8Array>>;
  /** Where each member's scoresheet package was published, by key id. */
  scoresheetFiles: Map<string, string>;
  /** This panel's folder in DIR: '' for the single panel of `zqa demo`, `panels/NN/` for a cycle. */
  panelDir: string;
  /** The report fonts, loaded once per run. */
  fonts: ReportFonts;
  given?: GivenConsensus | undefined;
  publish(file: string, bytes: Uint8Array, type: PackageType, from: Participant, to: readonly Participant[]): Promise<void>;
  /** The bytes of a published package, as a receiving device picks the file up. */
  read(file: string): Promise<Uint8Array>;
}

export type DemoStage = (ctx: DemoContext) => Promise<void>;

/** The leader's work after every scoresheet has reached the leader: engineer D's stages. */
export const LEADER_STAGES: readonly DemoStage[] = REPORT_STAGES;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '明', '伟', '芳', '海燕', '立新', '晓东'];
const ORGS = ['郑州大学', '河南省质量协会', '郑州市标准化研究院', '河南工业大学', '中原质量研究院'];

/** A person with a name not yet used in this run. */
export function demoPerson(world: DemoWorld, role: IdentityRole, used: Set<string>): { name: string; role: IdentityRole; organisation: string } {
  let name: string;
  do name = world.random.pick(SURNAMES) + world.random.pick(GIVEN);
  while (used.has(name));
  used.add(name);
  return { name, role, organisation: role === 'secretariat' ? '郑州市市长质量奖评审委员会秘书处' : world.random.pick(ORGS) };
}

export async function runDemo(options: DemoOptions, stages: readonly DemoStage[] = LEADER_STAGES): Promise<DemoIndex> {
  if (options.members < 5 || options.members > 7) throw new Error('a panel has 5 to 7 members (Art. 11)');
  const world = await startDemoWorld(options.outDir, options.seed);
  const used = new Set<string>();
  const secretariat = await world.enrol(demoPerson(world, 'secretariat', used));
  const members: Participant[] = [];
  for (let i = 0; i < options.members; i++) members.push(await world.enrol(demoPerson(world, i === 0 ? 'leader' : 'expert', used)));
  const cards = await world.setUpTrust(secretariat, members);
  await runPanel(world, { secretariat, members, cards, certificates: memoryCertificateStore(), panelDir: '', fonts: loadReportFonts() }, stages);
  // The rules the assignment carried, so `zqa rank DIR` ranks under the same ones.
  world.index.rules = DEMO_RULES;
  await world.writeIndex();
  return world.index;
}

export interface PanelSpec {
  secretariat: Participant;
  /** Leader first. */
  members: Participant[];
  /** The members' cards as the secretariat imported them. */
  cards: IdentityCard[];
  /** The secretariat's certificate authority's store, for the whole run. */
  certificates: CertificateStore;
  panelDir: string;
  fonts: ReportFonts;
  applicant?: DemoApplicant;
  given?: GivenConsensus;
  /** The cycle's rules the assignment carries (`zqa demo --cycle`); DEMO_RULES otherwise. */
  rules?: CycleRules;
}

/**
 * One panel through the real code: the secretariat issues the assignment (certificates
 * included); each member imports it, trusts its roster, scores and sends a scoresheet to the
 * leader and the secretariat; then the leader's stages run.
 */
export async function runPanel(world: DemoWorld, spec: PanelSpec, stages: readonly DemoStage[]): Promise<void> {
  const { secretariat, members, cards, panelDir } = spec;
  const { random, clock, trust } = world;
  const issued = await issueDemoAssignment({
    random, secretariat: secretariat.card, secretariatKeys: secretariat.keys, certificates: spec.certificates, members: cards, issuedAt: clock(),
    ...(spec.applicant ? { applicant: spec.applicant } : {}),
    ...(spec.given ? { materialReview: spec.given.percent } : {}),
    ...(spec.rules ? { rules: spec.rules } : {}),
  });
  const assignment = issued.content;
  const assignmentFile = `${panelDir}packages/assignment.zqa`;
  await world.publish(assignmentFile, issued.written.bytes, 'assignment', secretariat, [secretariat, ...members]);

  const leader = members[0]!;
  const scoresheets = new Map<string, ScoresheetContent>();
  const scoresheetBlobs = new Map<string, ReadonlyMap<string, Uint8Array>>();
  const scoresheetFiles = new Map<string, string>();
  for (const [i, m] of members.entries()) {
    // Each member's device opens the assignment, trusts its roster, and the expert goes to work.
    const mine = (await world.receive(assignmentFile, m, 'assignment')).content;
    trust.set(m.card.keyId, trustAssignmentRoster(trust.get(m.card.keyId)!, mine));
    const work = await demoWork({ random, assignment: mine, expert: m.card, startedAt: clock(), flagged: m === leader ? (spec.given?.exclusions ?? []) : [], sitePhotos: i + 1 });
    const exported = await exportScoresheetBytes({ work, assignment: mine, previous: null }, { keys: m.keys, clock: { now: clock }, myKeyId: m.card.keyId });
    if (!exported.ok) throw new Error(`${m.facts.name} cannot export a scoresheet: ${exported.error.en}`);
    const recipients = [...new Map([leader, secretariat, m].map((p) => [p.card.keyId, p])).values()];
    const file = `${panelDir}packages/scoresheet-${String(i + 1).padStart(2, '0')}-${i === 0 ? 'leader' : 'expert'}.zqa`;
    await world.publish(file, exported.value.written.bytes, 'scoresheet', m, recipients);
    scoresheetFiles.set(m.card.keyId, file);
    const received = await world.receive(file, leader, 'scoresheet');
    scoresheets.set(m.card.keyId, received.content);
    scoresheetBlobs.set(m.card.keyId, received.blobs);
  }
  // The secretariat's device keeps what it issued: the panel return will be bound to it.
  const kept = (await world.receive(assignmentFile, secretariat, 'assignment')).content;
  trust.set(secretariat.card.keyId, trustAssignmentRoster(trust.get(secretariat.card.keyId)!, kept));

  const ctx: DemoContext = {
    outDir: world.outDir, random, clock, secretariat, members, trust, assignment, scoresheets, scoresheetBlobs, scoresheetFiles, panelDir, fonts: spec.fonts, given: spec.given,
    publish: (...a) => world.publish(...a), read: (file) => world.read(file),
  };
  for (const stage of stages) await stage(ctx);
}
