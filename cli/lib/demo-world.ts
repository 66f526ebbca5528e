import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import type { IdentityFacts, IdentityRole } from '../../shared/identity/role.js';
import { trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import { importPackage, type ImportedPackage } from '../../shared/packages/import-package.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { writeFileAtomic } from './atomic-write.js';
import { createParticipant, writeCardPackage, type Participant } from './demo-participant.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** `DIR/index.json`, as issue 3 states it; paths relative to DIR, `to` lists names. */
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
  /** Reads a published package back as `by`'s device would import it. */
  receive(file: string, by: Participant, accept: readonly PackageType[]): Promise<ImportedPackage>;
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
  const cardFile = new Map<string, string>();

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
      if (!card.ok) throw new Error(card.error.message);
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
    async receive(file, by, accept) {
      const bytes = new Uint8Array(await readFile(join(outDir, file)));
      const r = await importPackage(bytes, { keys: by.keys, trust: trust.get(by.card.keyId) ?? EMPTY_TRUST_STORE, accept, history: NO_HISTORY });
      if (!r.ok) throw new Error(`${by.facts.name} cannot import ${file}: ${r.error.message}`);
      return r.value;
    },
    async setUpTrust(secretariat, members) {
      const cards: IdentityCard[] = [];
      const anchorFile = cardFile.get(secretariat.card.keyId)!;
      for (const m of members) {
        cards.push((await world.receive(cardFile.get(m.card.keyId)!, secretariat, ['identity-card'])).content as IdentityCard);
        trust.set(m.card.keyId, trustStoreFromAnchorCard((await world.receive(anchorFile, m, ['identity-card'])).content as IdentityCard));
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
