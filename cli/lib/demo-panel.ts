import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import type { CycleRules } from '../../shared/cycle/cycle-rules.js';
import { secretariatAuthority, type SecretariatAuthority } from '../../shared/identity/enrolment-certificates.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import type { IdentityRole } from '../../shared/identity/role.js';
import { trustAssignmentRoster } from '../../shared/identity/roster-trust.js';
import type { TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import type { ImportedPackage } from '../../shared/packages/import-package.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { writePackage } from '../../shared/packages/write-package.js';
import type { ReportFonts } from '../../shared/report/render-pdf.js';
import { DEMO_RULES, demoAssignment, demoScoresheet, type DemoApplicant } from './demo-content.js';
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
  /** Where each member's scoresheet package was published, by key id. */
  scoresheetFiles: Map<string, string>;
  /** This panel's folder in DIR: '' for the single panel of `zqa demo`, `panels/NN/` for a cycle. */
  panelDir: string;
  /** The report fonts, loaded once per run. */
  fonts: ReportFonts;
  given?: GivenConsensus | undefined;
  publish(file: string, bytes: Uint8Array, type: PackageType, from: Participant, to: readonly Participant[]): Promise<void>;
  /** Reads a published package back as `by`'s device would import it. */
  receive(file: string, by: Participant, accept: readonly PackageType[]): Promise<ImportedPackage>;
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

export function secretariatCa(secretariat: Participant, at: Date): Promise<SecretariatAuthority> {
  const keys: KeyHolder = secretariat.keys;
  return secretariatAuthority({ ...secretariat.card, sign: (d) => keys.sign(d) }, at);
}

export async function runDemo(options: DemoOptions, stages: readonly DemoStage[] = LEADER_STAGES): Promise<DemoIndex> {
  if (options.members < 5 || options.members > 7) throw new Error('a panel has 5 to 7 members (Art. 11)');
  const world = await startDemoWorld(options.outDir, options.seed);
  const used = new Set<string>();
  const secretariat = await world.enrol(demoPerson(world, 'secretariat', used));
  const members: Participant[] = [];
  for (let i = 0; i < options.members; i++) members.push(await world.enrol(demoPerson(world, i === 0 ? 'leader' : 'expert', used)));
  const cards = await world.setUpTrust(secretariat, members);
  const authority = await secretariatCa(secretariat, world.clock());
  await runPanel(world, { secretariat, members, cards, authority, panelDir: '', fonts: loadReportFonts() }, stages);
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
  authority: SecretariatAuthority;
  panelDir: string;
  fonts: ReportFonts;
  applicant?: DemoApplicant;
  given?: GivenConsensus;
  /** The cycle's rules the assignment carries (default: the demo's, see demo-content.ts). */
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
  const assignment = await demoAssignment({
    random, secretariat: secretariat.card, secretariatKeys: secretariat.keys, authority: spec.authority, members: cards, issuedAt: clock(),
    ...(spec.applicant ? { applicant: spec.applicant } : {}),
    ...(spec.given ? { materialReview: spec.given.percent } : {}),
    ...(spec.rules ? { rules: spec.rules } : {}),
  });
  const subject = { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id };
  const written = await writePackage({
    type: 'assignment', content: assignment, subject, revision: 1, createdAt: clock(),
    sender: { name: secretariat.facts.name, keys: secretariat.keys }, recipients: [secretariat.card, ...cards],
  });
  if (!written.ok) throw new Error(written.error.message);
  const assignmentFile = `${panelDir}packages/assignment.zqa`;
  await world.publish(assignmentFile, written.value.bytes, 'assignment', secretariat, [secretariat, ...members]);

  const leader = members[0]!;
  const scoresheets = new Map<string, ScoresheetContent>();
  const scoresheetFiles = new Map<string, string>();
  for (const [i, m] of members.entries()) {
    const mine = (await world.receive(assignmentFile, m, ['assignment'])).content as AssignmentContent;
    trust.set(m.card.keyId, trustAssignmentRoster(trust.get(m.card.keyId)!, mine));
    const sheet = await demoScoresheet({ random, assignment: mine, expert: m.card, startedAt: clock(), flagged: m === leader ? (spec.given?.exclusions ?? []) : [] });
    const recipients = [...new Map([leader, secretariat, m].map((p) => [p.card.keyId, p])).values()];
    const pkg = await writePackage({
      type: 'scoresheet', content: sheet.content, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject, revision: 1,
      createdAt: clock(), sender: { name: m.facts.name, keys: m.keys }, recipients: recipients.map((p) => p.card),
    });
    if (!pkg.ok) throw new Error(pkg.error.message);
    const file = `${panelDir}packages/scoresheet-${String(i + 1).padStart(2, '0')}-${i === 0 ? 'leader' : 'expert'}.zqa`;
    await world.publish(file, pkg.value.bytes, 'scoresheet', m, recipients);
    scoresheetFiles.set(m.card.keyId, file);
    scoresheets.set(m.card.keyId, (await world.receive(file, leader, ['scoresheet'])).content as ScoresheetContent);
  }
  trust.set(secretariat.card.keyId, trustAssignmentRoster(trust.get(secretariat.card.keyId)!, assignment));

  const ctx: DemoContext = {
    outDir: world.outDir, random, clock, secretariat, members, trust, assignment, scoresheets, scoresheetFiles, panelDir, fonts: spec.fonts, given: spec.given,
    publish: (...a) => world.publish(...a), receive: (...a) => world.receive(...a),
  };
  for (const stage of stages) await stage(ctx);
}
