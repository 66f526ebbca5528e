/**
 * Hostile packages for the joints between people, each genuinely signed by a key the reader
 * trusts: the sender's own content and manifest, changed as that sender (or a colleague with
 * a key of the panel) could change them, then encrypted, listed and signed again by
 * `assemblePackage` — the format's mechanics without the writer's content rules.
 */
import type { Participant } from '../../cli/lib/demo-participant.js';
import { applyConsensusEdit, exclusionTarget, type ConsensusEdit } from '../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { recommend } from '../../shared/consensus/recommendation.js';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { itemsOf, validateCriteriaSet } from '../../shared/criteria/validate-criteria-set.js';
import { nextHistoryEntry, type HistoryEntry } from '../../shared/history/hash-chain.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import type { CountersignatureContent } from '../../shared/packages/content/countersignature.js';
import type { PanelReturnContent } from '../../shared/packages/content/panel-return.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { signReportPdf } from '../../shared/packages/countersign.js';
import type { Manifest, PackageType } from '../../shared/packages/manifest.js';
import { assemblePackage, type PackageRecipientKey } from '../../shared/packages/write-package.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { scoresheetPackage, type Panel, type WrittenScoresheet } from './packages-fixture.js';

export const REPORT_PDF = new TextEncoder().encode('%PDF-1.7\n% 现场评审报告 (stand-in bytes)\n%%EOF\n');
const AT = '2026-06-05T10:00:00.000Z';

/** A package of any type with exactly this content, subject and sender name, signed by `signer`. */
export async function signedAs(
  type: PackageType,
  signer: Participant,
  content: unknown,
  options: { panel: Panel; subject?: Manifest['subject']; senderName?: string; revision?: number; blobs?: readonly { entry: string; bytes: Uint8Array }[]; recipients?: readonly PackageRecipientKey[]; contentBytes?: Uint8Array },
): Promise<Uint8Array> {
  const { panel } = options;
  const r = await assemblePackage({
    type,
    subject: options.subject ?? panel.subject,
    revision: options.revision ?? 1,
    sender: { name: options.senderName ?? signer.facts.name, keys: signer.keys },
    recipients: options.recipients ?? [panel.members[0]!.card, panel.secretariat.card, signer.card],
    entries: [{ name: 'content.json', bytes: options.contentBytes ?? canonicalJsonBytes(content) }, ...(options.blobs ?? []).map((b) => ({ name: b.entry, bytes: b.bytes }))],
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.bytes;
}

/** A scoresheet's content as a new package, blobs carried over. */
export function scoresheetAs(panel: Panel, signer: Participant, sheet: WrittenScoresheet, content: ScoresheetContent, options: { subject?: Manifest['subject']; senderName?: string; revision?: number } = {}): Promise<Uint8Array> {
  return signedAs('scoresheet', signer, content, { panel, ...options, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })) });
}

/** The history rewritten from its first entry on, chain recomputed: every link holds, the past is changed. */
export async function rewrittenHistory(content: ScoresheetContent, firstTo: number): Promise<ScoresheetContent> {
  const history: HistoryEntry[] = [];
  for (const [i, e] of content.history.entries()) {
    history.push(await nextHistoryEntry(history.at(-1), { at: e.at, actor: e.actor, kind: e.kind, itemId: e.itemId, from: e.from, to: i === 0 ? firstTo : e.to }));
  }
  // The scores follow the rewritten history, so only the rewriting itself is wrong.
  const last = new Map(history.map((e) => [e.itemId, e.to]));
  return { ...content, history, items: content.items.map((i) => ({ ...i, percent: last.get(i.itemId) ?? i.percent })) };
}

/** The panel's consensus, finished: every item at 50 %, every exclusion cleared, the overall texts written. */
function validCriteriaSet(panel: Panel): CriteriaSet {
  const set = validateCriteriaSet(panel.assignment.criteriaSet);
  if (!set.ok) throw new Error('criteria set');
  return set.value;
}

export function finishedConsensus(panel: Panel): ConsensusRecord {
  const set = validCriteriaSet(panel);
  let record = newConsensusRecord(set);
  const apply = (edit: ConsensusEdit) => {
    const r = applyConsensusEdit(record, edit);
    if (!r.ok) throw new Error(r.error);
    record = r.value.record;
  };
  for (const item of itemsOf(set)) apply({ kind: 'consensus-percent', itemId: item.id, to: 50 });
  for (let n = 1; n <= 7; n++) apply({ kind: 'consensus-exclusion', itemId: exclusionTarget(n), to: { status: 'clear', note: '' } });
  apply({ kind: 'consensus-overall', itemId: 'overall', to: '评审组总体评价' });
  apply({ kind: 'consensus-key-strengths', itemId: 'overall', to: ['主要优势'] });
  apply({ kind: 'consensus-key-ofis', itemId: 'overall', to: ['主要改进机会'] });
  return record;
}

/** A member's countersignature package of `signedPdf`, agreeing or with reservations. */
export async function countersignaturePackage(panel: Panel, member: Participant, options: { agrees?: boolean; comment?: string; signedPdf?: Uint8Array; reportSha256?: string } = {}): Promise<Uint8Array> {
  const content: CountersignatureContent = {
    ...panel.subject,
    reportPackageId: 'a'.repeat(32),
    reportSha256: options.reportSha256 ?? (await sha256Hex(REPORT_PDF)),
    signerKeyId: member.card.keyId,
    signature: await signReportPdf(member.keys, options.signedPdf ?? REPORT_PDF),
    agrees: options.agrees ?? true,
    comment: options.comment ?? '',
    signedAt: AT,
  };
  return signedAs('countersignature', member, content, { panel });
}

export interface ReturnParts {
  scoresheets: readonly { member: Participant; bytes: Uint8Array }[];
  countersignatures: readonly { member: Participant; bytes: Uint8Array }[];
  absences?: readonly { member: Participant; reason: string }[];
  revision?: number;
  senderName?: string;
}

/** A panel return of exactly these parts, signed by the leader (members[0]). */
export async function panelReturnPackage(panel: Panel, parts: ReturnParts): Promise<Uint8Array> {
  const leader = panel.members[0]!;
  const files = await prepareBlobs([
    { fileName: '现场评审报告.pdf', mediaType: 'application/pdf', bytes: REPORT_PDF },
    ...parts.scoresheets.map((s, i) => ({ fileName: `scoresheet-${i + 1}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: s.bytes })),
    ...parts.countersignatures.map((c, i) => ({ fileName: `countersignature-${i + 1}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: c.bytes })),
  ]);
  const nested = (i: number) => ({ ...files[i]!.ref, mediaType: 'application/vnd.zqa.package' as const });
  const consensus = finishedConsensus(panel);
  // The recommendation that follows from the consensus under the assignment's rules, as the report signs it.
  const recommended = recommend(validCriteriaSet(panel), consensus, panel.assignment.rules);
  if (!recommended.ok) throw new Error('the consensus is not finished');
  const content: PanelReturnContent = {
    ...panel.subject,
    consensus,
    recommendation: recommended.value.recommendation,
    reportText: '现场评审报告',
    report: { ...files[0]!.ref, mediaType: 'application/pdf' },
    scoresheets: parts.scoresheets.map((s, i) => ({ expertKeyId: s.member.card.keyId, package: nested(1 + i) })),
    countersignatures: parts.countersignatures.map((c, i) => ({ signerKeyId: c.member.card.keyId, package: nested(1 + parts.scoresheets.length + i) })),
    absences: (parts.absences ?? []).map((a) => ({ memberKeyId: a.member.card.keyId, reason: a.reason, recordedAt: AT })),
    returnedAt: AT,
  };
  return signedAs('panel-return', leader, content, {
    panel,
    blobs: files.map((f) => ({ entry: f.ref.entry, bytes: f.bytes })),
    recipients: [panel.secretariat.card, leader.card],
    ...(parts.revision ? { revision: parts.revision } : {}),
    ...(parts.senderName ? { senderName: parts.senderName } : {}),
  });
}

export interface MemberPackages {
  /** Every member's scoresheet (the leader's first), as written and as its package. */
  sheets: { member: Participant; bytes: Uint8Array; written: WrittenScoresheet }[];
  /** Every member but the leader countersigning the report, agreeing. */
  agreed: { member: Participant; bytes: Uint8Array }[];
}

/** What a complete return of this panel nests: a scoresheet of each member, an agreeing countersignature of each but the leader. */
export async function memberPackages(panel: Panel, firstSeed: number): Promise<MemberPackages> {
  const sheets: MemberPackages['sheets'] = [];
  for (const [i, m] of panel.members.entries()) {
    const written = await scoresheetPackage(panel, m, { seed: firstSeed + i });
    sheets.push({ member: m, bytes: written.bytes, written });
  }
  const agreed: MemberPackages['agreed'] = [];
  for (const m of panel.members.slice(1)) agreed.push({ member: m, bytes: await countersignaturePackage(panel, m) });
  return { sheets, agreed };
}
