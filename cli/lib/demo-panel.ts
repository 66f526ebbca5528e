import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import type { IdentityRole } from '../../shared/identity/role.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { importPackage, type ImportedPackage } from '../../shared/packages/import-package.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { writePackage } from '../../shared/packages/write-package.js';
import { writeFileAtomic } from './atomic-write.js';
import { demoAssignment, demoScoresheet } from './demo-content.js';
import { createParticipant, writeCardPackage, type Participant } from './demo-participant.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** `DIR/index.json`, as issue 3 states it; paths relative to DIR, `to` lists names. */
export interface DemoIndex {
  passphrase: string;
  participants: { name: string; role: IdentityRole; identityCard: string; keyFile: string }[];
  packages: { file: string; type: PackageType; from: string; to: string[] }[];
}

export interface DemoOptions {
  outDir: string;
  /** Panel members, leader included: 5 to 7 (Art. 11). */
  members: number;
  seed: number;
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
  publish(file: string, bytes: Uint8Array, type: PackageType, from: Participant, to: readonly Participant[]): Promise<void>;
  /** Reads a published package back as `by`'s device would import it. */
  receive(file: string, by: Participant, accept: readonly PackageType[]): Promise<ImportedPackage>;
}

export type DemoStage = (ctx: DemoContext) => Promise<void>;

/**
 * Extension point: the leader's work (report for signing, countersignatures, panel return)
 * runs here after every scoresheet has reached the leader. Engineer D's stages go in this list.
 */
export const LEADER_STAGES: DemoStage[] = [];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '明', '伟', '芳', '海燕', '立新', '晓东'];
const ORGS = ['郑州大学', '河南省质量协会', '郑州市标准化研究院', '河南工业大学', '中原质量研究院'];

export async function runDemo(options: DemoOptions, stages: readonly DemoStage[] = LEADER_STAGES): Promise<DemoIndex> {
  if (options.members < 5 || options.members > 7) throw new Error('a panel has 5 to 7 members (Art. 11)');
  const random = seededRandom(options.seed);
  let tick = Date.UTC(2026, 5, 1, 8, 0, 0);
  const clock = () => new Date((tick += 60_000));
  const passphrase = `zqa-demo-${options.seed}`;
  const index: DemoIndex = { passphrase, participants: [], packages: [] };
  for (const dir of ['cards', 'keys', 'packages']) await mkdir(join(options.outDir, dir), { recursive: true });

  const names = new Set<string>();
  const person = (role: IdentityRole) => {
    let name: string;
    do name = random.pick(SURNAMES) + random.pick(GIVEN);
    while (names.has(name));
    names.add(name);
    return { name, role, organisation: role === 'secretariat' ? '郑州市市长质量奖评审委员会秘书处' : random.pick(ORGS) };
  };

  // Each device: its own keys, card and key file, one after the other.
  const everyone: Participant[] = [];
  for (let i = 0; i <= options.members; i++) {
    const p = await createParticipant(person(i === 0 ? 'secretariat' : i === 1 ? 'leader' : 'expert'));
    const slug = `${String(i + 1).padStart(2, '0')}-${p.facts.role}`;
    const card = await writeCardPackage(p, clock());
    if (!card.ok) throw new Error(card.error.message);
    await writeFileAtomic(join(options.outDir, 'cards', `${slug}.zqa`), card.value.bytes);
    await writeFileAtomic(join(options.outDir, 'keys', `${slug}.zqakey`), await sealKeyBackup(p.material, passphrase));
    index.participants.push({ name: p.facts.name, role: p.facts.role, identityCard: `cards/${slug}.zqa`, keyFile: `keys/${slug}.zqakey` });
    everyone.push(p);
  }
  const [secretariat, ...members] = everyone as [Participant, ...Participant[]];
  const trust = new Map<string, TrustStore>();

  const receive = async (file: string, by: Participant, accept: readonly PackageType[]) => {
    const bytes = new Uint8Array(await readFile(join(options.outDir, file)));
    const r = await importPackage(bytes, { keys: by.keys, trust: trust.get(by.card.keyId) ?? EMPTY_TRUST_STORE, accept, history: NO_HISTORY });
    if (!r.ok) throw new Error(`${by.facts.name} cannot import ${file}: ${r.error.message}`);
    return r.value;
  };
  const publish = async (file: string, bytes: Uint8Array, type: PackageType, from: Participant, to: readonly Participant[]) => {
    await writeFileAtomic(join(options.outDir, file), bytes);
    index.packages.push({ file, type, from: from.facts.name, to: to.map((p) => p.facts.name) });
  };

  // The secretariat enrols the members from their cards; each member's device is set up
  // with the secretariat's card as its trust anchor.
  const cards: IdentityCard[] = [];
  for (const [i, m] of members.entries()) {
    const card = await receive(index.participants[i + 1]!.identityCard, secretariat, ['identity-card']);
    cards.push(card.content as IdentityCard);
    trust.set(m.card.keyId, trustStoreFromAnchorCard((await receive(index.participants[0]!.identityCard, m, ['identity-card'])).content as IdentityCard));
  }
  trust.set(secretariat.card.keyId, trustStoreFromAnchorCard(secretariat.card));

  const assignment = demoAssignment({ random, secretariat: secretariat.card, members: cards, issuedAt: clock() });
  const subject = { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id };
  const written = await writePackage({
    type: 'assignment', content: assignment, subject, revision: 1, createdAt: clock(),
    sender: { name: secretariat.facts.name, keys: secretariat.keys }, recipients: [secretariat.card, ...cards],
  });
  if (!written.ok) throw new Error(written.error.message);
  await publish('packages/assignment.zqa', written.value.bytes, 'assignment', secretariat, [secretariat, ...members]);

  // Each member imports the assignment, trusts its roster, scores, and sends a scoresheet
  // to the leader and the secretariat (and to itself, to reread its own export).
  const leader = members[0]!;
  const scoresheets = new Map<string, ScoresheetContent>();
  for (const [i, m] of members.entries()) {
    const got = await receive('packages/assignment.zqa', m, ['assignment']);
    const mine = got.content as AssignmentContent;
    trust.set(m.card.keyId, trustAssignmentRoster(trust.get(m.card.keyId)!, mine));
    const sheet = await demoScoresheet({ random, assignment: mine, expert: m.card, startedAt: clock() });
    const recipients = [...new Map([leader, secretariat, m].map((p) => [p.card.keyId, p])).values()];
    const pkg = await writePackage({
      type: 'scoresheet', content: sheet.content, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject, revision: 1,
      createdAt: clock(), sender: { name: m.facts.name, keys: m.keys }, recipients: recipients.map((p) => p.card),
    });
    if (!pkg.ok) throw new Error(pkg.error.message);
    const file = `packages/scoresheet-${String(i + 2).padStart(2, '0')}-${m.facts.role}.zqa`;
    await publish(file, pkg.value.bytes, 'scoresheet', m, recipients);
    scoresheets.set(m.card.keyId, (await receive(file, leader, ['scoresheet'])).content as ScoresheetContent);
  }
  trust.set(secretariat.card.keyId, trustAssignmentRoster(trust.get(secretariat.card.keyId)!, assignment));

  const ctx: DemoContext = { outDir: options.outDir, random, clock, secretariat, members, trust, assignment, scoresheets, publish, receive };
  for (const stage of stages) await stage(ctx);
  await writeFileAtomic(join(options.outDir, 'index.json'), new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`));
  return index;
}
