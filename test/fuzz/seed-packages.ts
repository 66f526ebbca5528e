/**
 * Real packages of every one of the six types, written by the workflow's own steps with real
 * keys, each with what a receiving device needs to import it (its keys, trust and accepted
 * type) and what a sender needs to write it again from changed plaintext (for content fuzzing).
 */
import type { HeldRecords } from '../../shared/packages/held-records.js';
import type { Participant } from '../../cli/lib/demo-participant.js';
import { countersignInMemory } from '../../cli/lib/demo-countersign.js';
import { settleDemoConsensus } from '../../cli/lib/demo-leader.js';
import { loadReportFonts } from '../../cli/lib/report-fonts.js';
import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { Manifest, PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { assemblePackage, type PackageRecipientKey } from '../../shared/packages/write-package.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { assemblePanelReturn } from '../../shared/workflow/assemble-panel-return.js';
import { writeIdentityCard } from '../../shared/workflow/enrol-expert.js';
import { writeAssignmentPackage } from '../../shared/workflow/issue-assignment.js';
import { steppingClock } from '../../shared/workflow/ports/clock.js';
import { produceReport } from '../../shared/workflow/produce-report.js';
import { receivePackage } from '../../shared/workflow/received.js';
import { makePanel, panelHeld, scoresheetPackage, type Panel } from '../unit/packages-fixture.js';

export interface PlainEntry {
  name: string;
  bytes: Uint8Array;
}

export interface SeedPackage {
  type: PackageType;
  bytes: Uint8Array;
  /** The receiving device: whose keys open it, whom it trusts, what it accepts. */
  receiver: { keys: KeyHolder | null; trust: TrustStore; held: HeldRecords | null };
  /** The sender, able to sign manifests and wrap content keys as the real sender would. */
  sender: Participant;
  /** content.json (canonical JSON) and each blob, as plaintext, in entry order. */
  plain: PlainEntry[];
  /** Writes a package from these plaintext entries exactly as the sender would (no content checks). */
  reassemble(entries: readonly PlainEntry[], revision?: number): Promise<Uint8Array>;
  /** For a panel return: the members' packages nested in it, by the blob entry that holds each. */
  nested?: ReadonlyMap<string, SeedPackage>;
}

interface Spec {
  type: PackageType;
  bytes: Uint8Array;
  subject: Manifest['subject'];
  sender: Participant;
  recipients: readonly PackageRecipientKey[];
  receiver: SeedPackage['receiver'];
}

/** A package a step wrote, opened as its receiver would, with its plaintext for rewriting. */
async function seed(spec: Spec): Promise<SeedPackage> {
  const opened = await receivePackage(spec.bytes, spec.type, { keys: spec.receiver.keys, trust: spec.receiver.trust, held: spec.receiver.held, history: NO_HISTORY });
  if (!opened.ok) throw new Error(`seed ${spec.type}: ${opened.error.message}`);
  const plain = [{ name: 'content.json', bytes: canonicalJsonBytes(opened.value.content) }, ...[...opened.value.blobs].map(([name, bytes]) => ({ name, bytes }))];
  return {
    type: spec.type, bytes: spec.bytes, receiver: spec.receiver, sender: spec.sender, plain,
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

/** One seed per type, from one simulated panel of five, each written by its workflow step. */
export async function buildSeedPackages(): Promise<SeedSet> {
  const panel = await makePanel(5, 7);
  const [leader, expert] = [panel.members[0]!, panel.members[1]!];
  const others = panel.members.slice(1);
  const { secretariat, subject, memberTrust, assignment } = panel;
  const clock = steppingClock(new Date(Date.UTC(2026, 5, 3)));
  const seeds: SeedPackage[] = [];

  const card = await writeIdentityCard(expert.facts, 1, { keys: expert.keys, clock });
  if (!card.ok) throw new Error(card.error.en);
  seeds.push(await seed({ type: 'identity-card', bytes: card.value.written.bytes, subject: {}, sender: expert, recipients: [], receiver: { keys: null, trust: EMPTY_TRUST_STORE, held: null } }));

  const issued = await writeAssignmentPackage(assignment, null, { keys: secretariat.keys, clock, secretariat: secretariat.card });
  if (!issued.ok) throw new Error(issued.error.en);
  seeds.push(await seed({
    type: 'assignment', bytes: issued.value.written.bytes, subject, sender: secretariat,
    recipients: [secretariat.card, ...panel.members.map((m) => m.card)], receiver: { keys: expert.keys, trust: memberTrust, held: panelHeld(panel) },
  }));

  const photo = new Uint8Array(300).map((_, i) => (i * 31) & 0xff);
  const sheets = [];
  // Version 2 (the in-memory layout, manifest first): the mutators rebuild packages in that
  // layout. The chunked version 3 the app's export writes is attacked in packages-stream.test.ts.
  for (const m of panel.members) sheets.push(await scoresheetPackage(panel, m, { seed: 11, photos: m === expert ? [photo] : [], formatVersion: 2 }));
  const toLeader = [leader.card, secretariat.card];
  seeds.push(await seed({ type: 'scoresheet', bytes: sheets[1]!.bytes, subject, sender: expert, recipients: [...toLeader, expert.card], receiver: { keys: leader.keys, trust: memberTrust, held: panelHeld(panel) } }));

  const { consensus } = await settleDemoConsensus(assignment, sheets.map((s) => s.content), {}, { clock, actor: leader.card.keyId });
  const produced = await produceReport(
    { assignment, scoresheets: sheets.map((s) => s.content), consensus, reportDate: '2026-06-03', leaderKeyId: leader.card.keyId, previous: null },
    { keys: leader.keys, clock, render: (input) => renderReportPdf(input, loadReportFonts()) },
  );
  if (!produced.ok) throw new Error(produced.error.en);
  const report = produced.value;
  seeds.push(await seed({ type: 'report-for-signing', bytes: report.rfsPackage, subject, sender: leader, recipients: panel.members.map((m) => m.card), receiver: { keys: expert.keys, trust: memberTrust, held: panelHeld(panel) } }));

  const { packages: signed, received: countersignatures } = await countersignInMemory(report, assignment, others, leader, { trust: memberTrust, clock });
  const packages = await Promise.all(signed.map((bytes, i) => seed({ type: 'countersignature', bytes, subject, sender: others[i]!, recipients: [...toLeader, others[i]!.card], receiver: { keys: leader.keys, trust: memberTrust, held: panelHeld(panel) } })));
  seeds.push(packages[0]!);

  const held = sheets.map((s, i) => ({ memberKeyId: panel.members[i]!.card.keyId, memberName: panel.members[i]!.facts.name, packageBytes: s.bytes }));
  const returned = await assemblePanelReturn({ assignment, consensus, report, scoresheets: held, countersignatures, excused: {}, previous: null }, { keys: leader.keys, clock });
  if (!returned.ok) throw new Error(returned.error.en);
  const panelReturn = await seed({ type: 'panel-return', bytes: returned.value.written.bytes, subject, sender: leader, recipients: [secretariat.card, leader.card], receiver: { keys: secretariat.keys, trust: memberTrust, held: panelHeld(panel) } });
  // The members' packages nested in it, by the blob entry that holds each (the report is blobs/0001).
  const nestedSeeds = [...(await Promise.all(sheets.map((s, i) => seed({ type: 'scoresheet', bytes: s.bytes, subject, sender: panel.members[i]!, recipients: [...toLeader, panel.members[i]!.card], receiver: { keys: leader.keys, trust: memberTrust, held: panelHeld(panel) } })))), ...packages];
  seeds.push({ ...panelReturn, nested: new Map(nestedSeeds.map((m, i) => [`blobs/${String(2 + i).padStart(4, '0')}`, m])) });
  return { panel, seeds };
}
