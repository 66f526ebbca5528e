import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAssignment, demoScoresheet } from '../../cli/lib/demo-content.js';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { importPackage, type ImportedPackage } from '../../shared/packages/import-package.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import type { StoredRevision } from '../../shared/packages/revision.js';
import { writePackage } from '../../shared/packages/write-package.js';

/**
 * One device: its keys, its trust, and a tiny stand-in for its database that applies an
 * imported package all at once (the renderer's Dexie apply step does this for real).
 */
class Device {
  trust: TrustStore = EMPTY_TRUST_STORE;
  readonly latest = new Map<string, StoredRevision & { imported: ImportedPackage }>();
  readonly superseded: StoredRevision[] = [];
  constructor(readonly person: Participant) {}

  async import(path: string, accept: readonly PackageType[]) {
    const r = await importPackage(new Uint8Array(readFileSync(path)), {
      keys: this.person.keys, trust: this.trust, accept,
      history: { latest: (series) => Promise.resolve(this.latest.get(series) ?? null) },
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
const sent = new Map<string, { content: ScoresheetContent; blobs: Map<string, Uint8Array>; file: string }>();

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
      const atSecretariat = await secretariat.import(drop(`card-${m.person.card.keyId}.zqa`, card.value.bytes), ['identity-card']);
      expect(atSecretariat.ok && atSecretariat.value.signer.kind).toBe('self-signed');
      expect(atSecretariat.ok && (atSecretariat.value.content as IdentityCard).fingerprint).toBe(m.person.card.fingerprint);
      const anchor = await m.import(secPath, ['identity-card']);
      if (!anchor.ok) throw new Error(anchor.error.message);
      expect((anchor.value.content as IdentityCard).fingerprint).toBe(secretariat.person.card.fingerprint);
      m.trust = trustStoreFromAnchorCard(anchor.value.content as IdentityCard);
    }
    secretariat.trust = trustStoreFromAnchorCard(secretariat.person.card);
  });

  it('sends the assignment out; every member reads the same content and trusts the roster', async () => {
    assignment = await demoAssignment({ random: seededRandom(3), secretariat: secretariat.person.card, secretariatKeys: secretariat.person.keys, members: members.map((m) => m.person.card), issuedAt: new Date(Date.UTC(2026, 5, 1)) });
    const subject = { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id };
    const written = await writePackage({
      type: 'assignment', content: assignment, subject, revision: 1, sender: { name: secretariat.person.facts.name, keys: secretariat.person.keys },
      recipients: [secretariat.person.card, ...members.map((m) => m.person.card)],
    });
    if (!written.ok) throw new Error(written.error.message);
    const path = drop('assignment.zqa', written.value.bytes);
    for (const m of members) {
      const r = await m.import(path, ['assignment']);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.content).toEqual(assignment);
      m.trust = trustAssignmentRoster(m.trust, r.value.content as AssignmentContent);
    }
    secretariat.trust = trustAssignmentRoster(secretariat.trust, assignment);
  });

  it('brings every scoresheet back to the leader and the secretariat, identical', async () => {
    const leader = members[0]!;
    for (const [i, m] of members.entries()) {
      const photo = new Uint8Array(50_000 + i).map((_, j) => (j * 31 + i) & 0xff);
      const sheet = await demoScoresheet({ random: seededRandom(100 + i), assignment, expert: m.person.card, startedAt: new Date(Date.UTC(2026, 5, 2, 1)), photos: [photo] });
      const written = await writePackage({
        type: 'scoresheet', content: sheet.content, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
        subject: { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id }, revision: 1,
        sender: { name: m.person.facts.name, keys: m.person.keys }, recipients: [leader.person.card, secretariat.person.card, m.person.card],
      });
      if (!written.ok) throw new Error(written.error.message);
      const file = drop(`scoresheet-${i + 1}.zqa`, written.value.bytes);
      sent.set(m.person.card.keyId, { content: sheet.content, blobs: new Map(sheet.blobs.map((b) => [b.ref.entry, b.bytes])), file });
    }
    for (const receiver of [leader, secretariat]) {
      for (const [keyId, original] of sent) {
        const r = await receiver.import(original.file, ['scoresheet']);
        if (!r.ok) throw new Error(`${receiver.person.facts.name}: ${r.error.message}`);
        expect(r.value.manifest.sender.keyId).toBe(keyId);
        // Every score, note, observation and attachment as it was sent.
        expect(r.value.content).toEqual(original.content);
        const got = r.value.content as ScoresheetContent;
        expect(got.items.map((it) => it.percent)).toEqual(original.content.items.map((it) => it.percent));
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
    const r = await other.import(first!.file, ['scoresheet']);
    expect(r.ok ? 'accepted' : r.error.code).toBe('not-a-recipient');
    expect(other.snapshot()).toBe(before);
  });

  it('says so when the same package comes twice, supersedes with a newer revision, refuses the older one after it', async () => {
    const leader = members[0]!;
    const expert = members[3]!;
    const original = sent.get(expert.person.card.keyId)!;
    const before = leader.snapshot();
    const again = await leader.import(original.file, ['scoresheet']);
    expect(again.ok ? 'accepted' : again.error.code).toBe('duplicate');
    expect(leader.snapshot()).toBe(before);

    const revised = { ...original.content, items: original.content.items.map((it, i) => (i === 0 ? { ...it, percent: it.percent === 100 ? 95 : (it.percent ?? 0) + 5 } : it)) };
    const written = await writePackage({
      type: 'scoresheet', content: revised, blobs: [...original.blobs].map(([entry, bytes]) => ({ entry, bytes })),
      subject: { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id }, revision: 2,
      sender: { name: expert.person.facts.name, keys: expert.person.keys }, recipients: [leader.person.card, secretariat.person.card],
    });
    if (!written.ok) throw new Error(written.error.message);
    const r2 = await leader.import(drop('scoresheet-4-r2.zqa', written.value.bytes), ['scoresheet']);
    expect(r2.ok && r2.value.disposition.kind).toBe('supersedes');
    expect(leader.superseded).toHaveLength(1);

    const after = leader.snapshot();
    const stale = await leader.import(original.file, ['scoresheet']);
    expect(stale.ok ? 'accepted' : stale.error.code).toBe('stale-revision');
    expect(leader.snapshot()).toBe(after);
  });
});
