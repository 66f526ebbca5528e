import { applyConsensusEdit, exclusionTarget, type ConsensusEdit } from '../../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../../shared/consensus/consensus-record.js';
import { consolidate } from '../../../shared/consensus/consolidate.js';
import { memberScoresFromScoresheet, panelMemberFromRoster } from '../../../shared/consensus/from-packages.js';
import { newConsensusRecord } from '../../../shared/consensus/new-consensus.js';
import { chooseNote } from '../../../shared/consensus/panel-notes.js';
import { recommend } from '../../../shared/consensus/recommendation.js';
import { generateIdentityKeyPairs } from '../../../shared/crypto/keys.js';
import { softwareKeyHolder, type KeyHolder } from '../../../shared/crypto/key-holder.js';
import { validateCriteriaSet } from '../../../shared/criteria/validate-criteria-set.js';
import { makeIdentityCard, type IdentityCard } from '../../../shared/identity/identity-card.js';
import type { IdentityFacts } from '../../../shared/identity/role.js';
import { trustAnchor } from '../../../shared/identity/trust-store.js';
import { prepareBlobs } from '../../../shared/packages/blobs.js';
import { memberCertificate } from '../../../shared/packages/content/assignment-certificates.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import type { CountersignatureContent } from '../../../shared/packages/content/countersignature.js';
import type { ReportForSigningContent } from '../../../shared/packages/content/report-for-signing.js';
import type { ScoresheetContent } from '../../../shared/packages/content/scoresheet.js';
import { importPackage } from '../../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../../shared/packages/revision.js';
import { verifyPackage } from '../../../shared/packages/verify-package.js';
import { writePackage, type WrittenPackage } from '../../../shared/packages/write-package.js';
import { countersign } from '../../../shared/pki/countersignature.js';
import { signPdf } from '../../../shared/pki/pades.js';
import { renderReportPdf } from '../../../shared/report/render-pdf.js';
import { reportInputFromPackages } from '../../../shared/report/report-input-from-packages.js';
import { fromBase64, toBase64 } from '../../../shared/util/bytes.js';
import type { Result } from '../../../shared/util/result.js';
import { demoScoresheet } from '../../../cli/lib/demo-content.js';
import { KEY_OFIS, KEY_STRENGTHS, OVERALL_EVALUATION } from '../../../cli/lib/report-demo-text.js';
import { loadReportFonts } from '../../../cli/lib/report-fonts.js';
import { seededRandom } from '../../../cli/lib/seeded-random.js';

/**
 * The other end of the secretariat's packages, for its tests: experts with real keys and
 * identity-card packages, and a panel that takes an assignment the secretariat issued
 * (decrypted with the members' own keys) through the real shared code to a signed panel
 * return: scoresheets with hash-chained histories, consensus, the report PDF rendered and
 * signed under the leader's certificate from the assignment, every countersignature.
 */
export interface Expert {
  keys: KeyHolder;
  card: IdentityCard;
  cardPackage: Uint8Array;
}

export async function makeExpert(facts: IdentityFacts): Promise<Expert> {
  const keys = await softwareKeyHolder(await generateIdentityKeyPairs(false));
  const card = await makeIdentityCard(facts, await keys.publicKeys());
  const pkg = await writePackage({ type: 'identity-card', content: card, subject: {}, revision: 1, sender: { name: facts.name, keys }, recipients: [] });
  return { keys, card, cardPackage: must(pkg).bytes };
}

function must(r: Result<WrittenPackage, { message: string }>): WrittenPackage {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** What the leader's device reads from the file: verified as signed by the secretariat, decrypted with its key. */
export async function openAssignment(bytes: Uint8Array, by: Expert): Promise<AssignmentContent> {
  const peek = await verifyPackage(bytes, { trust: null, accept: ['assignment'] });
  if (!peek.ok) throw new Error(peek.error.message);
  const s = peek.value.manifest.sender;
  // The test's stand-in for the anchor a member's device was set up with: the signer named in the file.
  const trust = trustAnchor({ keyId: s.keyId, signingKey: s.signingKey, encryptionKey: '', name: s.name, organisation: '', role: 'secretariat' });
  const r = await importPackage(bytes, { keys: by.keys, trust, accept: ['assignment'], history: NO_HISTORY });
  if (!r.ok) throw new Error(r.error.message);
  if (r.value.type !== 'assignment') throw new Error('not an assignment');
  return r.value.content;
}

export interface PanelReturnOptions {
  seed?: number;
  /** Art. 14 numbers the panel confirms. */
  exclusions?: readonly number[];
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
  const secretariat = { keyId: assignment.secretariat.keyId, encryptionKey: assignment.secretariat.encryptionKey };
  const subject = { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id };
  const random = seededRandom(options.seed ?? 7);
  let minute = 0;
  const clock = () => new Date(Date.UTC(2026, 5, 2, 1, 0, 0) + ++minute * 60_000);

  const sheets: ScoresheetContent[] = [];
  const nested: { kind: 'scoresheet' | 'countersignature'; keyId: string; fileName: string; bytes: Uint8Array }[] = [];
  for (const [i, { expert }] of roster.entries()) {
    const sheet = await demoScoresheet({ random, assignment, expert: expert.card, startedAt: clock() });
    const pkg = await writePackage({
      type: 'scoresheet', content: sheet.content, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject, revision: 1, createdAt: clock(),
      sender: { name: expert.card.name, keys: expert.keys }, recipients: [leader.card, secretariat, expert.card],
    });
    sheets.push(sheet.content);
    nested.push({ kind: 'scoresheet', keyId: expert.card.keyId, fileName: `scoresheet-${i + 1}.zqa`, bytes: must(pkg).bytes });
  }
  const set = validateCriteriaSet(assignment.criteriaSet);
  if (!set.ok) throw new Error('criteria set');
  const scores = sheets.map(memberScoresFromScoresheet);
  const matrix = consolidate({ criteriaSet: set.value, roster: assignment.panel.members.map(panelMemberFromRoster), scoresheets: scores, divergenceLimit: assignment.rules.divergenceLimitPoints });
  const consensus = settle(newConsensusRecord(set.value), matrix, scores, options.exclusions ?? []);
  const input = reportInputFromPackages({ assignment, scoresheets: sheets, consensus, reportDate: '2026-06-02', issuedAt: clock().toISOString() });
  if (!input.ok) throw new Error(input.error);
  const facts = recommend(set.value, consensus, assignment.rules);
  if (!facts.ok) throw new Error(facts.error.message);
  const root = fromBase64(assignment.certificates.root);
  const certificate = memberCertificate(assignment.certificates, leader.card.keyId);
  if (!certificate) throw new Error('no certificate for the leader');
  const pdf = await signPdf(await renderReportPdf(input.value, loadReportFonts()), { sign: (d) => leader.keys.sign(d), certificate, chain: [root] }, {
    name: leader.card.name, reason: '评审组组长签署现场评审报告', location: '郑州', signingTime: clock(),
  });
  const [reportBlob] = await prepareBlobs([{ fileName: '现场评审报告.pdf', mediaType: 'application/pdf', bytes: pdf }]);
  const forSigning: ReportForSigningContent = { ...subject, consensus, reportText: '现场评审报告', report: { ...reportBlob!.ref, mediaType: 'application/pdf' }, signers: others.map((m) => m.card.keyId), sentAt: clock().toISOString() };
  const rfs = must(await writePackage({ type: 'report-for-signing', content: forSigning, blobs: [{ entry: reportBlob!.ref.entry, bytes: pdf }], subject, revision: 1, createdAt: clock(), sender: { name: leader.card.name, keys: leader.keys }, recipients: [leader.card, ...others.map((m) => m.card)] }));
  for (const [i, m] of others.entries()) {
    const cs: CountersignatureContent = {
      ...subject, reportPackageId: rfs.manifest.packageId, reportSha256: reportBlob!.ref.sha256, signerKeyId: m.card.keyId,
      signature: toBase64(await countersign(pdf, (d) => m.keys.sign(d))), agrees: true, comment: '', signedAt: clock().toISOString(),
    };
    const pkg = await writePackage({ type: 'countersignature', content: cs, subject, revision: 1, createdAt: clock(), sender: { name: m.card.name, keys: m.keys }, recipients: [leader.card, secretariat, m.card] });
    nested.push({ kind: 'countersignature', keyId: m.card.keyId, fileName: `countersignature-${i + 1}.zqa`, bytes: must(pkg).bytes });
  }
  const blobs = await prepareBlobs([{ fileName: '现场评审报告.pdf', mediaType: 'application/pdf', bytes: pdf }, ...nested.map((n) => ({ fileName: n.fileName, mediaType: 'application/vnd.zqa.package', bytes: n.bytes }))]);
  const ref = (i: number) => ({ ...blobs[i + 1]!.ref, mediaType: 'application/vnd.zqa.package' as const });
  const pr = await writePackage({
    type: 'panel-return',
    content: {
      ...subject, consensus, recommendation: facts.value.recommendation, reportText: '现场评审报告', report: { ...blobs[0]!.ref, mediaType: 'application/pdf' },
      scoresheets: nested.flatMap((n, i) => (n.kind === 'scoresheet' ? [{ expertKeyId: n.keyId, package: ref(i) }] : [])),
      countersignatures: nested.flatMap((n, i) => (n.kind === 'countersignature' ? [{ signerKeyId: n.keyId, package: ref(i) }] : [])),
      returnedAt: clock().toISOString(),
    },
    blobs: blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject, revision: 1, createdAt: clock(),
    sender: { name: leader.card.name, keys: leader.keys }, recipients: [secretariat, leader.card],
  });
  return must(pr).bytes;
}

/** A plausible consensus: members' medians on the 5% grid, notes chosen with provenance, exclusions decided. */
function settle(start: ConsensusRecord, matrix: ReturnType<typeof consolidate>, scores: ReturnType<typeof memberScoresFromScoresheet>[], exclusions: readonly number[]): ConsensusRecord {
  let record = start;
  const apply = (edit: ConsensusEdit): void => {
    const r = applyConsensusEdit(record, edit);
    if (!r.ok) throw new Error(r.error);
    record = r.value.record;
  };
  for (const row of matrix.rows) {
    apply({ kind: 'consensus-percent', itemId: row.itemId, to: Math.min(100, Math.round((row.medianTenths ?? 500) / 50) * 5) });
    if (row.divergent) apply({ kind: 'consensus-rationale', itemId: row.itemId, to: `评分极差 ${row.spread} 个百分点；经讨论取中位数附近的共识评分。` });
    const s = scores.find((m) => (m.items[row.itemId]?.strengths.length ?? 0) > 0);
    if (s) apply({ kind: 'consensus-strengths', itemId: row.itemId, to: [chooseNote(`${row.itemId}-ps1`, s.memberId, s.items[row.itemId]!.strengths[0]!)] });
    const o = scores.find((m) => (m.items[row.itemId]?.ofis.length ?? 0) > 0);
    if (o) apply({ kind: 'consensus-ofis', itemId: row.itemId, to: [chooseNote(`${row.itemId}-po1`, o.memberId, o.items[row.itemId]!.ofis[0]!)] });
  }
  for (let n = 1; n <= 7; n++) {
    const flagged = exclusions.includes(n);
    apply({ kind: 'consensus-exclusion', itemId: exclusionTarget(n), to: { status: flagged ? 'flagged' : 'clear', note: flagged ? '评审组现场核查确认' : '' } });
  }
  apply({ kind: 'consensus-overall', itemId: 'overall', to: OVERALL_EVALUATION.join('\n') });
  apply({ kind: 'consensus-key-strengths', itemId: 'overall', to: KEY_STRENGTHS });
  apply({ kind: 'consensus-key-ofis', itemId: 'overall', to: KEY_OFIS });
  return record;
}
