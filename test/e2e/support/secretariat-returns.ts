import { generateIdentityKeyPairs } from '../../../shared/crypto/keys.js';
import { softwareKeyHolder, type KeyHolder } from '../../../shared/crypto/key-holder.js';
import type { IdentityCard } from '../../../shared/identity/identity-card.js';
import type { IdentityFacts } from '../../../shared/identity/role.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../../shared/identity/roster-trust.js';
import { trustAnchor } from '../../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../../shared/packages/content/scoresheet.js';
import { NO_HISTORY } from '../../../shared/packages/revision.js';
import { verifyPackage } from '../../../shared/packages/verify-package.js';
import { renderReportPdf } from '../../../shared/report/render-pdf.js';
import { assemblePanelReturn, type HeldScoresheet } from '../../../shared/workflow/assemble-panel-return.js';
import { writeIdentityCard } from '../../../shared/workflow/enrol-expert.js';
import { exportScoresheetBytes } from '../../../shared/workflow/export-scoresheet.js';
import { steppingClock, systemClock } from '../../../shared/workflow/ports/clock.js';
import { produceReport } from '../../../shared/workflow/produce-report.js';
import { receivePackage } from '../../../shared/workflow/received.js';
import { demoWork } from '../../../cli/lib/demo-content.js';
import { countersignInMemory } from '../../../cli/lib/demo-countersign.js';
import { settleDemoConsensus } from '../../../cli/lib/demo-leader.js';
import { loadReportFonts } from '../../../cli/lib/report-fonts.js';
import { seededRandom } from '../../../cli/lib/seeded-random.js';

/**
 * The other end of the secretariat's packages, for its tests: experts with real keys and
 * identity-card packages, and a panel that takes an assignment the secretariat issued
 * (decrypted with the members' own keys) through the workflow's own steps to a signed panel
 * return: scoresheets with hash-chained histories, the consensus settled edit by edit, the
 * report PDF rendered and signed under the leader's certificate, every countersignature.
 */
export interface Expert {
  keys: KeyHolder;
  card: IdentityCard;
  cardPackage: Uint8Array;
}

export async function makeExpert(facts: IdentityFacts): Promise<Expert> {
  const keys = await softwareKeyHolder(await generateIdentityKeyPairs(false));
  const written = await writeIdentityCard(facts, 1, { keys, clock: systemClock });
  if (!written.ok) throw new Error(written.error.en);
  return { keys, card: written.value.card, cardPackage: written.value.written.bytes };
}

/** What the leader's device reads from the file: verified as signed by the secretariat, decrypted with its key. */
export async function openAssignment(bytes: Uint8Array, by: Expert): Promise<AssignmentContent> {
  const peek = await verifyPackage(bytes, { trust: null, accept: ['assignment'] });
  if (!peek.ok) throw new Error(peek.error.message);
  const s = peek.value.manifest.sender;
  // The test's stand-in for the anchor a member's device was set up with: the signer named in the file.
  const trust = trustAnchor({ keyId: s.keyId, signingKey: s.signingKey, encryptionKey: '', name: s.name, organisation: '', role: 'secretariat' });
  const r = await receivePackage(bytes, 'assignment', { keys: by.keys, trust, history: NO_HISTORY, held: null });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.content;
}

export interface PanelReturnOptions {
  seed?: number;
  /** Art. 14 numbers the panel confirms. */
  exclusions?: readonly number[];
  /** A member (by key id) who countersigns with reservations (有保留意见), and why. */
  reservation?: { keyId: string; reason: string };
  /** A member (by key id) who could not countersign, and the reason the leader records. */
  absence?: { keyId: string; reason: string };
}

export async function makePanelReturn(assignmentBytes: Uint8Array, experts: readonly Expert[], options: PanelReturnOptions = {}): Promise<Uint8Array> {
  const byKey = new Map(experts.map((e) => [e.card.keyId, e]));
  const first = experts.find((e) => byKey.has(e.card.keyId));
  if (!first) throw new Error('no expert');
  const assignment = await openAssignment(assignmentBytes, first);
  const roster = assignment.panel.members.map((m) => {
    const e = byKey.get(m.keyId);
    if (!e) throw new Error(`the test holds no keys for ${m.name}`);
    return { member: m, expert: e };
  });
  const leader = roster.find((r) => r.member.role === 'leader')!.expert;
  const others = roster.filter((r) => r.member.role !== 'leader').map((r) => r.expert);
  const random = seededRandom(options.seed ?? 7);
  // The panel works after the assignment was issued (the leader's certificate is valid from then).
  const clock = steppingClock(new Date(Date.parse(assignment.issuedAt) + 60_000));
  const tick = () => clock.now();
  const memberTrust = trustAssignmentRoster(trustStoreFromAnchorCard({ ...assignment.secretariat, role: 'secretariat' }), assignment);

  const sheets: ScoresheetContent[] = [];
  const nested: HeldScoresheet[] = [];
  for (const { expert } of roster) {
    const work = await demoWork({ random, assignment, expert: expert.card, startedAt: tick() });
    const exported = await exportScoresheetBytes({ work, assignment, previous: null }, { keys: expert.keys, clock, myKeyId: expert.card.keyId });
    if (!exported.ok) throw new Error(exported.error.en);
    sheets.push(exported.value.content);
    nested.push({ memberKeyId: expert.card.keyId, memberName: expert.card.name, packageBytes: exported.value.written.bytes });
  }
  const meeting = tick();
  const { consensus } = await settleDemoConsensus(assignment, sheets, options.exclusions ? { exclusions: options.exclusions } : {}, { clock: { now: () => meeting }, actor: leader.card.keyId });
  // Dated on the visit's last planned day: a report dated outside the review dates is refused.
  const reportDate = assignment.schedule.map((s) => s.date).sort().at(-1)!;
  const ports = { keys: leader.keys, clock, render: (input: Parameters<typeof renderReportPdf>[0]) => renderReportPdf(input, loadReportFonts()) };
  const produced = await produceReport({ assignment, scoresheets: sheets, consensus, reportDate, leaderKeyId: leader.card.keyId, previous: null }, ports);
  if (!produced.ok) throw new Error(produced.error.en);
  let report = produced.value;
  const opinions = { ...(options.reservation ? { reservation: options.reservation } : {}), ...(options.absence ? { absentKeyId: options.absence.keyId } : {}) };
  let { received } = await countersignInMemory(report, assignment, others, leader, { trust: memberTrust, clock }, opinions);
  if (options.reservation) {
    // A reservation is printed in the next version, which every member countersigns again.
    const earlier = received.map((c) => ({ signerKeyId: c.signerKeyId, agrees: c.agrees, comment: c.comment, signedAt: c.signedAt }));
    const again = await produceReport({ assignment, scoresheets: sheets, consensus, reportDate, leaderKeyId: leader.card.keyId, previous: { rfsPackageId: report.rfsPackageId, rfsRevision: report.rfsRevision }, earlier }, ports);
    if (!again.ok) throw new Error(again.error.en);
    report = again.value;
    ({ received } = await countersignInMemory(report, assignment, others, leader, { trust: memberTrust, clock }, { ...opinions, lastRevision: 1 }));
  }
  const excused = options.absence ? { [options.absence.keyId]: options.absence.reason } : {};
  const returned = await assemblePanelReturn({ assignment, consensus, report, scoresheets: nested, countersignatures: received, excused, previous: null }, { keys: leader.keys, clock });
  if (!returned.ok) throw new Error(returned.error.en);
  return returned.value.written.bytes;
}
