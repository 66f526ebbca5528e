/**
 * Real packages of every one of the six types, written with the real writer and real keys,
 * each with what a receiving device needs to import it (its keys, trust and accepted type)
 * and what a sender needs to write it again from changed plaintext (for content fuzzing).
 */
import type { Participant } from '../../cli/lib/demo-participant.js';
import { demoScoresheet } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import type { ContentByType } from '../../shared/packages/content/registry.js';
import { signReportPdf } from '../../shared/packages/countersign.js';
import type { Manifest, PackageType } from '../../shared/packages/manifest.js';
import { assemblePackage, writePackage, type PackageRecipientKey } from '../../shared/packages/write-package.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { makePanel, type Panel } from '../unit/packages-fixture.js';

export interface PlainEntry {
  name: string;
  bytes: Uint8Array;
}

export interface SeedPackage {
  type: PackageType;
  bytes: Uint8Array;
  /** The receiving device: whose keys open it, whom it trusts, what it accepts. */
  receiver: { keys: KeyHolder | null; trust: TrustStore };
  /** The sender, able to sign manifests and wrap content keys as the real sender would. */
  sender: Participant;
  /** content.json (canonical JSON) and each blob, as plaintext, in entry order. */
  plain: PlainEntry[];
  /** Writes a package from these plaintext entries exactly as the sender would (no content checks). */
  reassemble(entries: readonly PlainEntry[], revision?: number): Promise<Uint8Array>;
  /** For a panel return: the members' packages nested in it, by the blob entry that holds each. */
  nested?: ReadonlyMap<string, SeedPackage>;
}

const PDF = new TextEncoder().encode('%PDF-1.7\n% 现场评审报告 (fuzz stand-in)\n%%EOF\n');
const AT = '2026-06-05T10:00:00.000Z';

interface Spec<T extends PackageType> {
  type: T;
  content: ContentByType[T];
  blobs: PlainEntry[];
  subject: Manifest['subject'];
  sender: Participant;
  recipients: readonly PackageRecipientKey[];
  receiver: SeedPackage['receiver'];
}

async function seed<T extends PackageType>(spec: Spec<T>): Promise<SeedPackage> {
  const written = await writePackage({
    type: spec.type, content: spec.content, blobs: spec.blobs.map((b) => ({ entry: b.name, bytes: b.bytes })), subject: spec.subject, revision: 1,
    createdAt: new Date(Date.UTC(2026, 5, 3)), sender: { name: spec.sender.facts.name, keys: spec.sender.keys }, recipients: spec.recipients,
  });
  if (!written.ok) throw new Error(`seed ${spec.type}: ${written.error.message}`);
  const plain = [{ name: 'content.json', bytes: canonicalJsonBytes(spec.content) }, ...spec.blobs];
  return {
    type: spec.type, bytes: written.value.bytes, receiver: spec.receiver, sender: spec.sender, plain,
    async reassemble(entries, revision = 2) {
      const r = await assemblePackage({
        type: spec.type, entries, subject: spec.subject, revision, createdAt: new Date(Date.UTC(2026, 5, 4)),
        sender: { name: spec.sender.facts.name, keys: spec.sender.keys }, recipients: spec.recipients,
      });
      if (!r.ok) throw new Error(`reassemble ${spec.type}: ${r.error.message}`);
      return r.value.bytes;
    },
  };
}

export interface SeedSet {
  panel: Panel;
  seeds: SeedPackage[];
}

/** One seed per type, from one simulated panel of five. */
export async function buildSeedPackages(): Promise<SeedSet> {
  const panel = await makePanel(5, 7);
  const [leader, expert] = [panel.members[0]!, panel.members[1]!];
  const { secretariat, subject, memberTrust } = panel;
  const seeds: SeedPackage[] = [];

  seeds.push(await seed({ type: 'identity-card', content: expert.card, blobs: [], subject: {}, sender: expert, recipients: [], receiver: { keys: null, trust: EMPTY_TRUST_STORE } }));

  seeds.push(await seed({
    type: 'assignment', content: panel.assignment, blobs: [], subject, sender: secretariat,
    recipients: [secretariat.card, ...panel.members.map((m) => m.card)], receiver: { keys: expert.keys, trust: memberTrust },
  }));

  const photo = new Uint8Array(300).map((_, i) => (i * 31) & 0xff);
  const sheets = [];
  for (const m of panel.members) {
    const sheet = await demoScoresheet({ random: seededRandom(11), assignment: panel.assignment, expert: m.card, startedAt: new Date(Date.UTC(2026, 5, 2)), photos: m === expert ? [photo] : [] });
    const s = await seed({
      type: 'scoresheet', content: sheet.content, blobs: sheet.blobs.map((b) => ({ name: b.ref.entry, bytes: b.bytes })), subject, sender: m,
      recipients: [leader.card, secretariat.card, m.card], receiver: { keys: leader.keys, trust: memberTrust },
    });
    sheets.push(s);
  }
  seeds.push(sheets[1]!);

  const [report] = await prepareBlobs([{ fileName: '评审报告.pdf', mediaType: 'application/pdf', bytes: PDF }]);
  const consensus = newConsensusRecord(panel.assignment.criteriaSet);
  seeds.push(await seed({
    type: 'report-for-signing',
    content: { ...subject, consensus, reportText: '评审组意见', report: { ...report!.ref, mediaType: 'application/pdf' }, signers: panel.members.map((m) => m.card.keyId), sentAt: AT },
    blobs: [{ name: report!.ref.entry, bytes: PDF }], subject, sender: leader, recipients: panel.members.map((m) => m.card), receiver: { keys: expert.keys, trust: memberTrust },
  }));

  const countersignatures = [];
  for (const m of panel.members) {
    countersignatures.push(await seed({
      type: 'countersignature',
      content: { ...subject, reportPackageId: 'a'.repeat(32), reportSha256: await sha256Hex(PDF), signerKeyId: m.card.keyId, signature: await signReportPdf(m.keys, PDF), agrees: true, comment: '', signedAt: AT },
      blobs: [], subject, sender: m, recipients: [leader.card, secretariat.card], receiver: { keys: leader.keys, trust: memberTrust },
    }));
  }
  seeds.push(countersignatures[1]!);

  const files = await prepareBlobs([
    { fileName: '评审报告.pdf', mediaType: 'application/pdf', bytes: PDF },
    ...sheets.map((s, i) => ({ fileName: `scoresheet-${i + 1}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: s.bytes })),
    ...countersignatures.map((c, i) => ({ fileName: `countersignature-${i + 1}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: c.bytes })),
  ]);
  const nested = (i: number) => ({ ...files[i]!.ref, mediaType: 'application/vnd.zqa.package' as const });
  const panelReturn = await seed({
    type: 'panel-return',
    content: {
      // An unfinished consensus: the seed is about the container, so no recommendation follows.
      ...subject, consensus, recommendation: 'not-recommended', reportText: '评审组意见', report: { ...files[0]!.ref, mediaType: 'application/pdf' },
      scoresheets: panel.members.map((m, i) => ({ expertKeyId: m.card.keyId, package: nested(1 + i) })),
      countersignatures: panel.members.map((m, i) => ({ signerKeyId: m.card.keyId, package: nested(1 + sheets.length + i) })),
      returnedAt: AT,
    },
    blobs: files.map((f) => ({ name: f.ref.entry, bytes: f.bytes })), subject, sender: leader,
    recipients: [secretariat.card, leader.card], receiver: { keys: secretariat.keys, trust: memberTrust },
  });
  const members = [...sheets, ...countersignatures];
  seeds.push({ ...panelReturn, nested: new Map(members.map((m, i) => [files[1 + i]!.ref.entry, m])) });
  return { panel, seeds };
}
