import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import type { IdentityFacts, IdentityRole } from '../../shared/identity/role.js';
import { trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import { enrolExpert, readSecretariatCard } from '../../shared/workflow/enrol-expert.js';
import { memoryExpertPool } from '../../shared/workflow/memory/expert-pool.js';
import { receivePackage, type Received } from '../../shared/workflow/received.js';
import { writeFileAtomic } from './atomic-write.js';
import { createParticipant, writeCardPackage, type Participant } from './demo-participant.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** `DIR/index.json`, as the demo world is laid out; paths relative to DIR, `to` lists names. */
export interface DemoIndex {
  passphrase: string;
  participants: { name: string; role: IdentityRole; identityCard: string; keyFile: string }[];
  packages: { file: string; type: PackageType; from: string; to: string[] }[];
  /** `zqa demo --cycle`: the scenario's rules, for `zqa rank DIR`. */
  rules?: unknown;
  /** `zqa demo --cycle`: each applicant's stage, category and earlier award, for `zqa rank DIR`. */
  applicants?: { applicantId: string; name: string; stage?: string; category?: string; previousAward?: { year: number; kind: string } }[];
}

/**
 * The simulated devices of one `zqa demo` run and the files between them: each participant
 * has its own keys and trust store; packages travel only as files in DIR, read back as the
 * receiving device would import them.
 */
export interface DemoWorld {
  outDir: string;
  random: SeededRandom;
  clock: () => Date;
  index: DemoIndex;
  /** Each device's trust store as set up so far, by key id. */
  trust: Map<string, TrustStore>;
  /** Makes a participant: keys, identity-card package and key file written to DIR. */
  enrol(facts: IdentityFacts): Promise<Participant>;
  publish(file: string, bytes: Uint8Array, type: PackageType, from: Participant, to: readonly Participant[]): Promise<void>;
  /** The bytes of a published package, as a receiving device picks the file up. */
  read(file: string): Promise<Uint8Array>;
  /** Reads a published package back as `by`'s device would import it, as the one type it must be. */
  receive<T extends PackageType>(file: string, by: Participant, type: T): Promise<Received<T>>;
  /** The secretariat imports the members' cards; each member's device anchors on the secretariat's card. */
  setUpTrust(secretariat: Participant, members: readonly Participant[]): Promise<IdentityCard[]>;
  writeIndex(): Promise<void>;
}

export async function startDemoWorld(outDir: string, seed: number): Promise<DemoWorld> {
  const random = seededRandom(seed);
  let tick = Date.UTC(2026, 5, 1, 8, 0, 0);
  const clock = () => new Date((tick += 60_000));
  const index: DemoIndex = { passphrase: `zqa-demo-${seed}`, participants: [], packages: [] };
  for (const dir of ['cards', 'keys', 'packages']) await mkdir(join(outDir, dir), { recursive: true });
  const trust = new Map<string, TrustStore>();
  const held = new Map<string, AssignmentContent[]>();
  const cardFile = new Map<string, string>();
  // The secretariat's expert pool, for the whole run.
  const pool = memoryExpertPool();

  const world: DemoWorld = {
    outDir,
    random,
    clock,
    index,
    trust,
    async enrol(facts) {
      const p = await createParticipant(facts);
      const slug = `${String(index.participants.length + 1).padStart(2, '0')}-${facts.role}`;
      const card = await writeCardPackage(p, clock());
      if (!card.ok) throw new Error(card.error.en);
      await writeFileAtomic(join(outDir, 'cards', `${slug}.zqa`), card.value.bytes);
      await writeFileAtomic(join(outDir, 'keys', `${slug}.zqakey`), await sealKeyBackup(p.material, index.passphrase));
      index.participants.push({ name: facts.name, role: facts.role, identityCard: `cards/${slug}.zqa`, keyFile: `keys/${slug}.zqakey` });
      cardFile.set(p.card.keyId, `cards/${slug}.zqa`);
      return p;
    },
    async publish(file, bytes, type, from, to) {
      await mkdir(join(outDir, file, '..'), { recursive: true });
      await writeFileAtomic(join(outDir, file), bytes);
      index.packages.push({ file, type, from: from.facts.name, to: to.map((p) => p.facts.name) });
    },
    async read(file) {
      return new Uint8Array(await readFile(join(outDir, file)));
    },
    async receive(file, by, type) {
      const bytes = new Uint8Array(await readFile(join(outDir, file)));
      const mine = held.get(by.card.keyId) ?? [];
      const r = await receivePackage(bytes, type, { keys: by.keys, trust: trust.get(by.card.keyId) ?? EMPTY_TRUST_STORE, history: NO_HISTORY, held: heldRecordsFrom({ assignments: mine }) });
      if (!r.ok) throw new Error(`${by.facts.name} cannot import ${file}: ${r.error.message}`);
      // Each device then holds the assignments it imported: later packages are bound to them.
      if (r.value.type === 'assignment') held.set(by.card.keyId, [...mine, r.value.content as AssignmentContent]);
      return r.value;
    },
    async setUpTrust(secretariat, members) {
      const cards: IdentityCard[] = [];
      const anchorFile = cardFile.get(secretariat.card.keyId)!;
      for (const m of members) {
        const enrolled = await enrolExpert(await world.read(cardFile.get(m.card.keyId)!), pool);
        if (!enrolled.ok) throw new Error(`the secretariat cannot enrol ${m.facts.name}: ${enrolled.error.en}`);
        cards.push(enrolled.value);
        const anchor = await readSecretariatCard(await world.read(anchorFile));
        if (!anchor.ok) throw new Error(`${m.facts.name} cannot read the secretariat's card: ${anchor.error.message}`);
        trust.set(m.card.keyId, trustStoreFromAnchorCard(anchor.value));
      }
      trust.set(secretariat.card.keyId, trustStoreFromAnchorCard(secretariat.card));
      return cards;
    },
    async writeIndex() {
      await writeFileAtomic(join(outDir, 'index.json'), new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`));
    },
  };
  return world;
}
