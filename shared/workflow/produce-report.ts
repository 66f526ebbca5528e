import type { ConsensusRecord } from '../consensus/consensus-record.js';
import { recommend, type Recommendation } from '../consensus/recommendation.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import { memberCertificate } from '../packages/content/assignment-certificates.js';
import type { ReportForSigningContent } from '../packages/content/report-for-signing.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { prepareBlobs } from '../packages/blobs.js';
import { writePackage } from '../packages/write-package.js';
import { signPdf } from '../pki/pades.js';
import { RECOMMENDATION_ZH } from '../report/format-zh.js';
import { collectEvidencePhotos, type AttachmentBytes, type DownscalePhoto } from '../report/evidence-photos.js';
import { checkSignedReport } from '../report/report-checks.js';
import type { EarlierCountersignature, MemberReservation } from '../report/report-input.js';
import { reportInputFromPackages } from '../report/report-input-from-packages.js';
import { reportProblems, type ReportProblem } from '../report/report-readiness.js';
import { formatHundredths } from '../scoring/hundredths.js';
import { fromBase64, sha256Hex } from '../util/bytes.js';
import { canonicalJson } from '../util/canonical-json.js';
import { ok, type Result } from '../util/result.js';
import { fileNames } from './file-names.js';
import type { Clock } from './ports/clock.js';
import { signPortOf, type KeyHolder } from './ports/keys.js';
import type { RenderReport } from './ports/report-renderer.js';
import { fromPackageError, refuse, type WorkflowError } from './workflow-error.js';

/**
 * Produce and sign the report (the leader): render the PDF from the consensus, sign it
 * (PAdES) under the certificate the secretariat issued for the leader's key (the assignment
 * carries it), check the signature as a member's app will, and wrap it in a
 * report-for-signing package for every member. Nothing is stored: the caller keeps the
 * signed report it returns.
 */
export interface ProduceReportInput {
  assignment: AssignmentContent;
  /** The members' latest verified scoresheets. */
  scoresheets: readonly ScoresheetContent[];
  consensus: ConsensusRecord;
  /** YYYY-MM-DD the leader dates the report. */
  reportDate: string;
  /** This device's key id: only the panel's leader signs. */
  leaderKeyId: string;
  /** The previous report for signing, so the new one supersedes it. */
  previous: { rfsPackageId: string; rfsRevision: number } | null;
  /**
   * The countersignatures received for the previous version: their reservations are printed
   * verbatim in this one, and the signature page says how each member signed before.
   */
  earlier?: readonly { signerKeyId: string; agrees: boolean; comment: string; signedAt: string }[];
}

export interface ProduceReportPorts {
  keys: KeyHolder;
  clock: Clock;
  render: RenderReport;
  /** Where the members' photos are (the leader's store, or the packages' blobs); without it the appendix is empty. */
  attachments?: AttachmentBytes;
  /** The host's downscaler for photos too large to print as they are. */
  downscale?: DownscalePhoto | null;
}

/** Reservations and earlier signatures carried from the countersignatures of the previous version. */
function carriedFromEarlier(earlier: ProduceReportInput['earlier'], previousVersion: number): { reservations: MemberReservation[]; earlierCountersignatures: EarlierCountersignature[] } {
  const list = earlier ?? [];
  return {
    reservations: list.filter((c) => !c.agrees && c.comment.trim()).map((c) => ({ memberId: c.signerKeyId, text: c.comment.trim(), givenAt: c.signedAt })),
    earlierCountersignatures: list.map((c) => ({ memberId: c.signerKeyId, agrees: c.agrees, signedAt: c.signedAt, version: previousVersion })),
  };
}

/**
 * The report as it would be signed now, unsigned, with everything that would stop it: for
 * the leader's preview before signing. Nothing is signed, written or stored.
 */
export async function previewReport(input: ProduceReportInput, ports: Omit<ProduceReportPorts, 'keys'>): Promise<Result<{ pdf: Uint8Array | null; problems: ReportProblem[] }, WorkflowError>> {
  const built = await reportInputOf(input, ports, ports.clock.now());
  if (!built.ok) return built;
  const problems = reportProblems(built.value);
  return ok({ pdf: problems.length === 0 ? await ports.render(built.value) : null, problems });
}

async function reportInputOf(input: ProduceReportInput, ports: Pick<ProduceReportPorts, 'attachments' | 'downscale'>, now: Date) {
  const version = (input.previous?.rfsRevision ?? 0) + 1;
  const photos = ports.attachments ? await collectEvidencePhotos(input.scoresheets, ports.attachments, ports.downscale ?? null) : [];
  const built = reportInputFromPackages({
    assignment: input.assignment,
    scoresheets: input.scoresheets,
    consensus: input.consensus,
    reportDate: input.reportDate,
    issuedAt: now.toISOString(),
    photos,
    version,
    ...carriedFromEarlier(input.earlier, version - 1),
  });
  return built.ok ? built : refuse('not-ready', `报告内容不完整：${built.error}`, `the report cannot be made: ${built.error}`);
}

/** The leader's signed report and the report-for-signing package made from it. */
export interface SignedReport {
  /** The PAdES-signed PDF. */
  pdf: Uint8Array;
  sha256: string;
  /** Canonical JSON of the consensus the PDF was made from: an edit after it makes the report stale. */
  consensusJson: string;
  reportText: string;
  totalHundredths: number;
  recommendation: Recommendation;
  /** The leader's certificate the secretariat issued (from the assignment), and its chain. */
  certificate: Uint8Array;
  chain: Uint8Array[];
  rfsPackageId: string;
  rfsPackage: Uint8Array;
  rfsRevision: number;
  createdAt: string;
  createdBy: string;
  /** The reservations this version prints, by member: what each member's countersignature must say. */
  reservations: { signerKeyId: string; text: string }[];
}

export async function produceReport(input: ProduceReportInput, ports: ProduceReportPorts): Promise<Result<SignedReport, WorkflowError>> {
  const { assignment } = input;
  const leader = assignment.panel.members.find((m) => m.role === 'leader');
  if (!leader || leader.keyId !== input.leaderKeyId) return refuse('not-allowed', '本设备不是该评审组的组长：只有组长签署报告', 'this device is not the leader of this panel: only the leader signs the report');
  const now = ports.clock.now();
  const reportInput = await reportInputOf(input, ports, now);
  if (!reportInput.ok) return reportInput;
  const problems = reportProblems(reportInput.value);
  if (problems.length > 0) return refuse('not-ready', problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));
  const facts = recommend(reportInput.value.criteriaSet, input.consensus, reportInput.value.rules);
  if (!facts.ok) return refuse('not-ready', `共识尚未完成：${facts.error.message}`, `the consensus is not finished: ${facts.error.message}`);
  const certificate = memberCertificate(assignment.certificates, leader.keyId);
  if (!certificate) return refuse('not-ready', '评审任务中没有组长密钥的证书：请秘书处重新下发评审任务', 'the assignment carries no certificate for the leader’s key: ask the secretariat for a new assignment');

  const root = fromBase64(assignment.certificates.root);
  const unsigned = await ports.render(reportInput.value);
  const pdf = await signPdf(unsigned, { sign: signPortOf(ports.keys), certificate, chain: [root] }, { name: leader.name, reason: '评审组组长签署现场评审报告', location: '郑州', signingTime: now });
  const sha256 = await sha256Hex(pdf);
  // The same check every member's app makes before countersigning: catch a bad signature here.
  const self = await checkSignedReport(pdf, { sha256, leaderSpki: fromBase64(leader.signingKey), rootCertificate: root });
  if (!self.ok) return refuse('signature', `签署后的报告未通过校验：${self.error}`, `the signed report does not check: ${self.error}`);

  const subject = { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id };
  const reservations = (reportInput.value.reservations ?? []).map((r) => ({ signerKeyId: r.memberId, text: r.text }));
  const reportText = `${assignment.applicant.name} 现场评审报告：共识总分 ${formatHundredths(facts.value.totalHundredths)} 分；${RECOMMENDATION_ZH[facts.value.recommendation]}。`;
  const [blob] = await prepareBlobs([{ fileName: fileNames.reportEntry, mediaType: 'application/pdf', bytes: pdf }]);
  const content: ReportForSigningContent = {
    ...subject,
    consensus: input.consensus,
    reportText,
    report: { ...blob!.ref, mediaType: 'application/pdf' },
    signers: assignment.panel.members.filter((m) => m.role !== 'leader').map((m) => m.keyId),
    sentAt: now.toISOString(),
    ...(reservations.length > 0 ? { reservations } : {}),
  };
  const revision = (input.previous?.rfsRevision ?? 0) + 1;
  const written = await writePackage({
    type: 'report-for-signing',
    content,
    blobs: [{ entry: blob!.ref.entry, bytes: pdf }],
    subject,
    revision,
    supersedes: input.previous?.rfsPackageId ?? null,
    createdAt: now,
    sender: { name: leader.name, keys: ports.keys },
    recipients: assignment.panel.members,
  });
  if (!written.ok) return { ok: false, error: fromPackageError(written.error) };
  return ok({
    pdf,
    sha256,
    consensusJson: canonicalJson(input.consensus),
    reportText,
    totalHundredths: facts.value.totalHundredths,
    recommendation: facts.value.recommendation,
    certificate,
    chain: [root],
    rfsPackageId: written.value.manifest.packageId,
    rfsPackage: written.value.bytes,
    rfsRevision: revision,
    createdAt: now.toISOString(),
    createdBy: input.leaderKeyId,
    reservations,
  });
}
