import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWork, issueDemoAssignment } from '../../cli/lib/demo-content.js';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { nextHistoryEntry } from '../../shared/history/hash-chain.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import type { ImportedPackage } from '../../shared/packages/import-package.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import type { StoredRevision } from '../../shared/packages/revision.js';
import type { ExpertWork } from '../../shared/workflow/build-scoresheet.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { receivePackage } from '../../shared/workflow/received.js';

/**
 * One device: its keys, its trust, and a tiny stand-in for its database that applies an
 * imported package all at once (the renderer's Dexie apply step does this for real).
 */
class Device {
  trust: TrustStore = EMPTY_TRUST_STORE;
  /** The assignments this device imported: packages about a panel are bound to them. */
  readonly assignments: AssignmentContent[] = [];
  readonly latest = new Map<string, StoredRevision & { imported: ImportedPackage }>();
  readonly superseded: StoredRevision[] = [];
  constructor(readonly person: Participant) {}

  async import<T extends PackageType>(path: string, type: T) {
    const r = await receivePackage(new Uint8Array(readFileSync(path)), type, {
      keys: this.person.keys, trust: this.trust,
      history: { latest: (series) => Promise.resolve(this.latest.get(series) ?? null) },
      held: heldRecordsFrom({ assignments: this.assignments }),
    });
    if (r.ok) {
      const previous = this.latest.get(r.value.seriesId);
      if (previous) this.superseded.push({ packageId: previous.packageId, revision: previous.revision, manifestSha256: previous.manifestSha256 });
      this.latest.set(r.value.seriesId, { packageId: r.value.manifest.packageId, revision: r.value.manifest.revision, manifestSha256: r.value.manifestSha256, imported: r.value });
    }
    return r;
  }

  snapshot(): string {
    return JSON.stringify([[...this.latest].map(([k, v]) => [k, v.packageId, v.revision]), this.superseded]);
  }
}

let folder: string;
let secretariat: Device;
let members: Device[];
let assignment: AssignmentContent;
const sent = new Map<string, { work: ExpertWork; packageId: string; content: ScoresheetContent; blobs: Map<string, Uint8Array>; file: string }>();

const drop = (name: string, bytes: Uint8Array) => {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'zqa-flow-'));
  secretariat = new Device(await createParticipant({ name: '秘书处赵', organisation: '评委会秘书处', role: 'secretariat' }));
  members = [];
  for (let i = 0; i < 6; i++) members.push(new Device(await createParticipant({ name: `评审员${i + 1}`, organisation: '河南省质量协会', role: i === 0 ? 'leader' : 'expert' })));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a panel passes packages as files: secretariat, six members (one leader)', () => {
  it('enrols everyone by identity card, fingerprints compared by a person', async () => {
    const secCard = await writeCardPackage(secretariat.person, new Date());
    if (!secCard.ok) throw new Error(secCard.error.en);
    const secPath = drop('secretariat.zqa', secCard.value.bytes);
    for (const m of members) {
      const card = await writeCardPackage(m.person, new Date());
      if (!card.ok) throw new Error(card.error.en);
      const atSecretariat = await secretariat.import(drop(`card-${m.person.card.keyId}.zqa`, card.value.bytes), 'identity-card');
      expect(atSecretariat.ok && atSecretariat.value.signer.kind).toBe('self-signed');
      expect(atSecretariat.ok && atSecretariat.value.content.fingerprint).toBe(m.person.card.fingerprint);
      const anchor = await m.import(secPath, 'identity-card');
      if (!anchor.ok) throw new Error(anchor.error.message);
      expect(anchor.value.content.fingerprint).toBe(secretariat.person.card.fingerprint);
      m.trust = trustStoreFromAnchorCard(anchor.value.content);
    }
    secretariat.trust = trustStoreFromAnchorCard(secretariat.person.card);
  });

  it('sends the assignment out; every member reads the same content and trusts the roster', async () => {
    const issued = await issueDemoAssignment({ random: seededRandom(3), secretariat: secretariat.person.card, secretariatKeys: secretariat.person.keys, members: members.map((m) => m.person.card), issuedAt: new Date(Date.UTC(2026, 5, 1)) });
    assignment = issued.content;
    const path = drop('assignment.zqa', issued.written.bytes);
    for (const m of members) {
      const r = await m.import(path, 'assignment');
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.content).toEqual(assignment);
      m.trust = trustAssignmentRoster(m.trust, r.value.content);
      m.assignments.push(r.value.content);
    }
    secretariat.trust = trustAssignmentRoster(secretariat.trust, assignment);
    secretariat.assignments.push(assignment);
  });

  it('brings every scoresheet back to the leader and the secretariat, identical', async () => {
    const leader = members[0]!;
    for (const [i, m] of members.entries()) {
      const photo = new Uint8Array(50_000 + i).map((_, j) => (j * 31 + i) & 0xff);
      const work = await demoWork({ random: seededRandom(100 + i), assignment, expert: m.person.card, startedAt: new Date(Date.UTC(2026, 5, 2, 1)), photos: [photo] });
      const exported = await exportScoresheetBytes({ work, assignment, previous: null }, { keys: m.person.keys, clock: { now: () => new Date(Date.UTC(2026, 5, 2, 9)) }, myKeyId: m.person.card.keyId });
      if (!exported.ok) throw new Error(exported.error.en);
      const file = drop(`scoresheet-${i + 1}.zqa`, exported.value.written.bytes);
      const bytesOf = (id: string) => {
        const a = work.attachments.find((w) => w.id === id);
        if (!a || !('bytes' in a)) throw new Error(`attachment ${id} has no bytes in the demo's work`);
        return a.bytes;
      };
      const blobs = new Map(exported.value.content.attachments.map((a) => [a.entry, bytesOf(a.id)]));
      sent.set(m.person.card.keyId, { work, packageId: exported.value.written.manifest.packageId, content: exported.value.content, blobs, file });
    }
    for (const receiver of [leader, secretariat]) {
      for (const [keyId, original] of sent) {
        const r = await receiver.import(original.file, 'scoresheet');
        if (!r.ok) throw new Error(`${receiver.person.facts.name}: ${r.error.message}`);
        expect(r.value.manifest.sender.keyId).toBe(keyId);
        // Every score, note, observation and attachment as it was sent.
        expect(r.value.content).toEqual(original.content);
        expect(r.value.content.items.map((it) => it.percent)).toEqual(original.content.items.map((it) => it.percent));
        for (const [entry, bytes] of original.blobs) expect(Buffer.compare(Buffer.from(r.value.blobs.get(entry)!), Buffer.from(bytes))).toBe(0);
      }
      // Secretariat: six cards and six scoresheets; leader: the anchor card, the assignment, six scoresheets.
      expect(receiver.latest.size).toBe(receiver === secretariat ? 12 : 8);
    }
  });

  it('refuses a scoresheet at a member it was not sent to, and changes nothing', async () => {
    const other = members[2]!;
    const before = other.snapshot();
    const [, first] = [...sent.values()];
    const r = await other.import(first!.file, 'scoresheet');
    expect(r.ok ? 'accepted' : r.error.code).toBe('not-a-recipient');
    expect(other.snapshot()).toBe(before);
  });

  it('says so when the same package comes twice, supersedes with a newer revision, refuses the older one after it', async () => {
    const leader = members[0]!;
    const expert = members[3]!;
    const original = sent.get(expert.person.card.keyId)!;
    const before = leader.snapshot();
    const again = await leader.import(original.file, 'scoresheet');
    expect(again.ok ? 'accepted' : again.error.code).toBe('duplicate');
    expect(leader.snapshot()).toBe(before);

    // The expert changes a score (a new link in the history) and exports again.
    const [first] = original.work.scores;
    const to = first!.percent === 100 ? 95 : first!.percent + 5;
    const entry = await nextHistoryEntry(original.work.history.at(-1), { at: '2026-06-02T10:00:00.000Z', actor: expert.person.card.keyId, kind: 'score', itemId: first!.itemId, from: first!.percent, to });
    const work = { ...original.work, scores: [{ ...first!, percent: to }, ...original.work.scores.slice(1)], history: [...original.work.history, entry] };
    const revised = await exportScoresheetBytes({ work, assignment, previous: { packageId: original.packageId, revision: 1 } }, { keys: expert.person.keys, clock: { now: () => new Date(Date.UTC(2026, 5, 2, 10)) }, myKeyId: expert.person.card.keyId });
    if (!revised.ok) throw new Error(revised.error.en);
    const r2 = await leader.import(drop('scoresheet-4-r2.zqa', revised.value.written.bytes), 'scoresheet');
    expect(r2.ok && r2.value.disposition.kind).toBe('supersedes');
    expect(leader.superseded).toHaveLength(1);

    const after = leader.snapshot();
    const stale = await leader.import(original.file, 'scoresheet');
    expect(stale.ok ? 'accepted' : stale.error.code).toBe('stale-revision');
    expect(leader.snapshot()).toBe(after);
  });
});
