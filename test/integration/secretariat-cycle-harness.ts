/**
 * A whole cycle over files, each device its own keys and trust, every step the app's own
 * (shared/workflow): the secretariat enrols the experts from their card files, forms the
 * panels, certifies the members and issues the assignments; every member opens the
 * assignment, exports a scoresheet; each leader takes the scoresheets in, settles the
 * consensus the scenario gives, produces and signs the report; the members check and
 * countersign it; the leader assembles the panel return. Written to DIR with index.json as
 * `zqa demo` lays it out, so `zqa rank DIR` reads it as the secretariat.
 */
import { heldRecordsFrom, type HeldRecords } from '../../shared/packages/held-records.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { demoWork } from '../../cli/lib/demo-content.js';
import { settleDemoConsensus } from '../../cli/lib/demo-leader.js';
import { loadReportFonts } from '../../cli/lib/report-fonts.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import type { ApplicantProfile } from '../../shared/applicant/applicant-profile.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import type { Cycle } from '../../shared/cycle/cycle.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import type { TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import type { PoolExpert } from '../../shared/panel/expert.js';
import type { Panel } from '../../shared/panel/panel-rules.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';
import { assemblePanelReturn, type HeldScoresheet } from '../../shared/workflow/assemble-panel-return.js';
import type { CertificateStore } from '../../shared/workflow/certify-experts.js';
import { countersignReport, receiveReportForSigning } from '../../shared/workflow/countersign-report.js';
import { enrolExpert, readSecretariatCard } from '../../shared/workflow/enrol-expert.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { issueAssignment } from '../../shared/workflow/issue-assignment.js';
import { memoryCertificateStore } from '../../shared/workflow/memory/certificate-store.js';
import { memoryExpertPool } from '../../shared/workflow/memory/expert-pool.js';
import { steppingClock, type Clock } from '../../shared/workflow/ports/clock.js';
import { produceReport, type SignedReport } from '../../shared/workflow/produce-report.js';
import { receiveCountersignature, type ReceivedCountersignature } from '../../shared/workflow/receive-countersignature.js';
import { receivePackage } from '../../shared/workflow/received.js';
import { forgeCountersignature } from './forged-returns.js';

export interface ScenarioApplicant {
  profile: ApplicantProfile;
  consensus: Record<string, number>;
  /** Art. 14 numbers the panel confirms. */
  exclusions: number[];
}

export interface Devices {
  secretariat: Participant;
  experts: Participant[];
}

export const PASSPHRASE = 'zqa-secretariat-test';

export async function createDevices(expertCount: number): Promise<Devices> {
  const secretariat = await createParticipant({ name: '秘书处', organisation: '郑州市市长质量奖评定委员会秘书处', role: 'secretariat' });
  const names = ['王建国', '李丽华', '张志强', '刘秀英', '陈明', '杨伟', '赵芳', '黄海燕', '周立新'];
  const experts: Participant[] = [];
  for (let i = 0; i < expertCount; i++) experts.push(await createParticipant({ name: names[i]!, organisation: '河南省质量协会', role: 'expert' }));
  return { secretariat, experts };
}

/** Every person writes their card to a file; the secretariat enrols the experts' cards from the files. */
export async function enrolExperts(dir: string, devices: Devices): Promise<IdentityCard[]> {
  await mkdir(join(dir, 'cards'), { recursive: true });
  const pool = memoryExpertPool();
  for (const [i, e] of [devices.secretariat, ...devices.experts].entries()) {
    const card = await writeCardPackage(e, new Date(Date.UTC(2026, 5, 1)));
    if (!card.ok) throw new Error(card.error.en);
    const file = join(dir, 'cards', `${String(i + 1).padStart(2, '0')}.zqa`);
    await writeFile(file, card.value.bytes);
    if (e === devices.secretariat) continue;
    const enrolled = await enrolExpert(new Uint8Array(await readFile(file)), pool);
    if (!enrolled.ok) throw new Error(enrolled.error.en);
  }
  return pool.cards();
}

/** The pool as the secretariat keeps it: fingerprints confirmed by a person, interests declared. */
export function poolFrom(cards: readonly IdentityCard[], interests: Record<string, PoolExpert['interests']>): PoolExpert[] {
  return cards.map((c) => ({ id: c.keyId, name: c.name, organisation: c.organisation, fingerprint: c.fingerprint, fingerprintConfirmed: true, employer: { name: c.organisation }, interests: interests[c.name] ?? [] }));
}

interface IndexEntry {
  file: string;
  type: string;
  from: string;
  to: string[];
}

export interface PanelRunOptions {
  /** In this panel a member's countersignature is replaced by one over other bytes, and the return re-signed by its leader. */
  forgeCountersignatureInPanel?: number;
  /** This panel's leader sends another return at `revision` with this consensus (revision 1: a conflicting second one). */
  reviseConsensus?: { panel: number; consensus: Record<string, number>; revision: number };
}

/** One person's device: its keys, and whom it trusts (the secretariat's card, then each roster). */
interface Device {
  person: Participant;
  trust: TrustStore;
}

/** The panel, from the leader's consensus to the return, through the app's steps; every package a file. */
class PanelRun {
  readonly files: IndexEntry[] = [];
  constructor(
    private readonly dir: string,
    private readonly assignment: AssignmentContent,
    private readonly devices: Map<string, Device>,
    private readonly secretariat: Participant,
    private readonly clock: Clock,
    private readonly n: number,
  ) {}

  /** What each member's device holds once it imported the assignment: packages about the panel are bound to it. */
  private get held(): HeldRecords {
    return heldRecordsFrom({ assignments: [this.assignment] });
  }

  private get leader(): Device {
    return this.devices.get(this.assignment.panel.members.find((m) => m.role === 'leader')!.keyId)!;
  }

  private get others(): Device[] {
    return this.assignment.panel.members.filter((m) => m.role !== 'leader').map((m) => this.devices.get(m.keyId)!);
  }

  async write(name: string, type: string, bytes: Uint8Array, from: Participant, to: readonly Participant[]): Promise<string> {
    const file = `packages/${name}`;
    await writeFile(join(this.dir, file), bytes);
    this.files.push({ file, type, from: from.facts.name, to: to.map((p) => p.facts.name) });
    return file;
  }

  async read(file: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(join(this.dir, file)));
  }

  /** Every member exports a scoresheet; the leader takes each in from its file. */
  async scoresheets(assignmentFile: string): Promise<HeldScoresheet[]> {
    const random = seededRandom(7 + this.n);
    const held: HeldScoresheet[] = [];
    for (const m of this.assignment.panel.members) {
      const device = this.devices.get(m.keyId)!;
      const opened = await receivePackage(await this.read(assignmentFile), 'assignment', { keys: device.person.keys, trust: device.trust, history: NO_HISTORY, held: null });
      if (!opened.ok) throw new Error(`${m.name} cannot open the assignment: ${opened.error.message}`);
      device.trust = trustAssignmentRoster(device.trust, opened.value.content);
      const work = await demoWork({ random, assignment: opened.value.content, expert: device.person.card, startedAt: this.clock.now() });
      const exported = await exportScoresheetBytes({ work, assignment: opened.value.content, previous: null }, { keys: device.person.keys, clock: this.clock, myKeyId: m.keyId });
      if (!exported.ok) throw new Error(exported.error.en);
      const file = await this.write(`scoresheet-${this.n + 1}-${m.keyId.slice(0, 8)}.zqa`, 'scoresheet', exported.value.written.bytes, device.person, [this.leader.person, this.secretariat, device.person]);
      held.push({ memberKeyId: m.keyId, memberName: m.name, packageBytes: await this.read(file) });
    }
    for (const h of held) {
      const got = await receivePackage(h.packageBytes, 'scoresheet', { keys: this.leader.person.keys, trust: this.leader.trust, history: NO_HISTORY, held: this.held });
      if (!got.ok) throw new Error(`the leader refuses ${h.memberName}'s scoresheet: ${got.error.message}`);
    }
    return held;
  }

  /** The leader settles, signs and sends the report; every member checks it and countersigns. */
  async report(sheets: readonly HeldScoresheet[], consensusPercent: Record<string, number>, exclusions: number[], previous: SignedReport | null) {
    const leader = this.leader;
    const contents = [];
    for (const h of sheets) {
      const got = await receivePackage(h.packageBytes, 'scoresheet', { keys: leader.person.keys, trust: leader.trust, history: NO_HISTORY, held: this.held });
      if (!got.ok) throw new Error(got.error.message);
      contents.push(got.value.content);
    }
    const { consensus } = await settleDemoConsensus(this.assignment, contents, { percent: consensusPercent, exclusions }, { clock: this.clock, actor: leader.person.card.keyId });
    const produced = await produceReport(
      { assignment: this.assignment, scoresheets: contents, consensus, reportDate: this.clock.now().toISOString().slice(0, 10), leaderKeyId: leader.person.card.keyId, previous },
      { keys: leader.person.keys, clock: this.clock, render: (input) => renderReportPdf(input, loadReportFonts()) },
    );
    if (!produced.ok) throw new Error(produced.error.en);
    const rfsFile = await this.write(`report-for-signing-${this.n + 1}-r${produced.value.rfsRevision}.zqa`, 'report-for-signing', produced.value.rfsPackage, leader.person, this.others.map((o) => o.person));
    const countersignatures: ReceivedCountersignature[] = [];
    for (const member of this.others) {
      const held = { forPanel: () => Promise.resolve({ reviewId: this.assignment.panel.id, content: this.assignment }) };
      const got = await receiveReportForSigning(await this.read(rfsFile), { keys: member.person.keys, trust: member.trust, history: NO_HISTORY, assignments: held, held: this.held, myKeyId: member.person.card.keyId });
      if (!got.ok) throw new Error(`${member.person.facts.name} refuses the report: ${got.error.message}`);
      const signed = await countersignReport(
        { report: got.value.report, assignment: this.assignment, agrees: true, comment: '', lastRevision: previous ? 1 : 0 },
        { keys: member.person.keys, clock: this.clock, myKeyId: member.person.card.keyId },
      );
      if (!signed.ok) throw new Error(signed.error.en);
      const file = await this.write(`countersignature-${this.n + 1}-${member.person.card.keyId.slice(0, 8)}-r${signed.value.revision}.zqa`, 'countersignature', signed.value.written.bytes, member.person, [leader.person, this.secretariat]);
      const taken = await receiveCountersignature(await this.read(file), { assignment: this.assignment, report: produced.value }, { keys: leader.person.keys, trust: leader.trust, history: NO_HISTORY, held: this.held });
      if (!taken.ok) throw new Error(`the leader refuses ${member.person.facts.name}'s countersignature: ${taken.error.message}`);
      countersignatures.push(taken.value);
    }
    return { consensus, report: produced.value, countersignatures };
  }

  async panelReturn(sheets: readonly HeldScoresheet[], settled: Awaited<ReturnType<PanelRun['report']>>, previous: { packageId: string; revision: number } | null, name: string) {
    const returned = await assemblePanelReturn(
      { assignment: this.assignment, consensus: settled.consensus, report: settled.report, scoresheets: sheets, countersignatures: settled.countersignatures, excused: {}, previous },
      { keys: this.leader.person.keys, clock: this.clock },
    );
    if (!returned.ok) throw new Error(returned.error.en);
    await this.write(name, 'panel-return', returned.value.written.bytes, this.leader.person, [this.secretariat]);
    return returned.value;
  }
}

/**
 * Issues one assignment per panel, has every member score and send a scoresheet, and each
 * leader send the panel return; writes the secretariat's key file and index.json.
 */
export async function runPanels(
  dir: string,
  cycle: Cycle,
  devices: Devices,
  panels: { applicant: ScenarioApplicant; panel: Panel }[],
  rules: unknown,
  options: PanelRunOptions = {},
): Promise<void> {
  await mkdir(join(dir, 'packages'), { recursive: true });
  await mkdir(join(dir, 'keys'), { recursive: true });
  const sec = devices.secretariat;
  const clock = steppingClock(new Date(Date.UTC(2026, 5, 10, 8)));
  const certificates: CertificateStore = memoryCertificateStore();
  // Each expert's device trusts the secretariat's card, read from its file (a person checked the fingerprint).
  await mkdir(join(dir, 'cards'), { recursive: true });
  const secCard = await writeCardPackage(sec, clock.now());
  if (!secCard.ok) throw new Error(secCard.error.en);
  await writeFile(join(dir, 'cards', '01.zqa'), secCard.value.bytes);
  const anchor = await readSecretariatCard(new Uint8Array(await readFile(join(dir, 'cards', '01.zqa'))));
  if (!anchor.ok) throw new Error(anchor.error.message);
  const experts = new Map(devices.experts.map((e) => [e.card.keyId, { person: e, trust: trustStoreFromAnchorCard(anchor.value) }]));
  const files: IndexEntry[] = [];
  for (const [n, { applicant, panel }] of panels.entries()) {
    const issued = await issueAssignment(
      {
        cycle,
        applicant: { profile: applicant.profile, materialReview: { percentByItem: Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, 50])), siteVisitIssues: [] } },
        panel: { id: `panel-${n + 1}`, name: `第${n + 1}评审组`, leaderKeyId: panel.leaderId },
        members: panel.memberIds.map((id) => ({ card: experts.get(id)!.person.card, fingerprintConfirmed: true })),
        criteriaSet: GBT19580_2012,
        previous: null,
      },
      { keys: sec.keys, clock, secretariat: sec.card, certificates },
    );
    if (!issued.ok) throw new Error(issued.error.map((e) => e.en).join('; '));
    const run = new PanelRun(dir, issued.value.content, experts, sec, clock, n);
    const members = issued.value.content.panel.members.map((m) => experts.get(m.keyId)!.person);
    const assignmentFile = await run.write(`assignment-${n + 1}.zqa`, 'assignment', issued.value.written.bytes, sec, [sec, ...members]);
    const sheets = await run.scoresheets(assignmentFile);
    const settled = await run.report(sheets, applicant.consensus, applicant.exclusions, null);
    const first = await run.panelReturn(sheets, settled, null, `panel-return-${n + 1}.zqa`);
    if (options.forgeCountersignatureInPanel === n) {
      const member = members.find((m) => m.card.keyId !== panel.leaderId)!;
      const file = run.files.find((f) => f.type === 'countersignature' && f.from === member.facts.name)!;
      await forgeCountersignature(join(dir, 'packages', `panel-return-${n + 1}.zqa`), file, { dir, assignment: issued.value.content, leader: experts.get(panel.leaderId)!.person, member });
    }
    const revise = options.reviseConsensus;
    if (revise?.panel === n) {
      const again = await run.report(sheets, revise.consensus, applicant.exclusions, settled.report);
      const previous = revise.revision > 1 ? { packageId: first.written.manifest.packageId, revision: revise.revision - 1 } : null;
      await run.panelReturn(sheets, again, previous, `panel-return-${n + 1}-2.zqa`);
    }
    // The index lists what the secretariat holds: its assignments and the returns.
    files.push(...run.files.filter((f) => f.type === 'assignment' || f.type === 'panel-return'));
  }
  await writeFile(join(dir, 'keys', '01-secretariat.zqakey'), await sealKeyBackup(sec.material, PASSPHRASE));
  const index = {
    passphrase: PASSPHRASE,
    rules,
    participants: [{ name: sec.facts.name, role: 'secretariat', identityCard: 'cards/01.zqa', keyFile: 'keys/01-secretariat.zqakey' }],
    packages: files,
  };
  await writeFile(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
}
