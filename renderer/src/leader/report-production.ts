import type { ConsensusRecord } from '../../../shared/consensus/consensus-record.js';
import { recommend } from '../../../shared/consensus/recommendation.js';
import type { KeyHolder } from '../../../shared/crypto/key-holder.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import { memberCertificate } from '../../../shared/packages/content/assignment-certificates.js';
import type { ReportForSigningContent } from '../../../shared/packages/content/report-for-signing.js';
import type { ScoresheetContent } from '../../../shared/packages/content/scoresheet.js';
import { prepareBlobs } from '../../../shared/packages/blobs.js';
import { writePackage } from '../../../shared/packages/write-package.js';
import { signPdf } from '../../../shared/pki/pades.js';
import type { SignPort } from '../../../shared/pki/signer-port.js';
import { RECOMMENDATION_ZH } from '../../../shared/report/format-zh.js';
import { checkSignedReport } from '../../../shared/report/report-checks.js';
import { reportInputFromPackages } from '../../../shared/report/report-input-from-packages.js';
import type { ReportInput } from '../../../shared/report/report-input.js';
import { formatHundredths } from '../../../shared/scoring/hundredths.js';
import { fromBase64, sha256Hex } from '../../../shared/util/bytes.js';
import { canonicalJson } from '../../../shared/util/canonical-json.js';
import type { ReportArtefactRecord } from './leader-records.js';

export class ReportProductionError extends Error {
  override name = 'ReportProductionError';
}

export const REPORT_FILE_NAME = '现场评审报告.pdf';

export interface ReportRequest {
  reviewId: string;
  assignment: AssignmentContent;
  /** The members' latest verified scoresheets. */
  scoresheets: readonly ScoresheetContent[];
  consensus: ConsensusRecord;
  reportDate: string;
  now: Date;
  leaderKeyId: string;
  /** The device's keys: `sign` for the PDF, the whole holder for the package. */
  keys: KeyHolder;
  sign: SignPort;
  render: (input: ReportInput) => Promise<Uint8Array>;
  /** The previous report for signing, so the new one supersedes it. */
  previous: Pick<ReportArtefactRecord, 'rfsPackageId' | 'rfsRevision'> | null;
}

/**
 * The leader's report, in the order issue 4 gives: render the PDF from the consensus, sign it
 * (PAdES) under the certificate the secretariat issued for the leader's key (carried by the
 * assignment), check the signature as a member will, then wrap it in a report-for-signing
 * package for every member. Nothing is stored here; the caller stores the artefact.
 */
export async function produceReport(req: ReportRequest): Promise<ReportArtefactRecord> {
  const { assignment } = req;
  const leader = assignment.panel.members.find((m) => m.role === 'leader');
  if (!leader || leader.keyId !== req.leaderKeyId) throw new ReportProductionError('this device is not the leader of this panel: only the leader signs the report');
  const input = reportInputFromPackages({ assignment, scoresheets: req.scoresheets, consensus: req.consensus, reportDate: req.reportDate, issuedAt: req.now.toISOString() });
  if (!input.ok) throw new ReportProductionError(input.error);
  const facts = recommend(input.value.criteriaSet, req.consensus, input.value.rules);
  if (!facts.ok) throw new ReportProductionError(`the consensus is not finished: ${facts.error.message}`);

  const certificate = memberCertificate(assignment.certificates, leader.keyId);
  if (!certificate) throw new ReportProductionError('the assignment carries no certificate for the leader’s key: ask the secretariat for a new assignment');
  const root = fromBase64(assignment.certificates.root);
  const unsigned = await req.render(input.value);
  const pdf = await signPdf(unsigned, { sign: req.sign, certificate, chain: [root] }, { name: leader.name, reason: '评审组组长签署现场评审报告', location: '郑州', signingTime: req.now });
  const sha256 = await sha256Hex(pdf);
  // The same check every member's app makes before countersigning: catch a bad signature here.
  const self = await checkSignedReport(pdf, { sha256, leaderSpki: fromBase64(leader.signingKey), rootCertificate: root });
  if (!self.ok) throw new ReportProductionError(`the signed report does not check: ${self.error}`);

  const subject = { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id };
  const reportText = `${assignment.applicant.name} 现场评审报告：共识总分 ${formatHundredths(facts.value.totalHundredths)} 分；${RECOMMENDATION_ZH[facts.value.recommendation]}。`;
  const [blob] = await prepareBlobs([{ fileName: REPORT_FILE_NAME, mediaType: 'application/pdf', bytes: pdf }]);
  const others = assignment.panel.members.filter((m) => m.role !== 'leader');
  const content: ReportForSigningContent = {
    ...subject,
    consensus: req.consensus,
    reportText,
    report: { ...blob!.ref, mediaType: 'application/pdf' },
    signers: others.map((m) => m.keyId),
    sentAt: req.now.toISOString(),
  };
  const revision = (req.previous?.rfsRevision ?? 0) + 1;
  const written = await writePackage({
    type: 'report-for-signing',
    content,
    blobs: [{ entry: blob!.ref.entry, bytes: pdf }],
    subject,
    revision,
    supersedes: req.previous?.rfsPackageId ?? null,
    createdAt: req.now,
    sender: { name: leader.name, keys: req.keys },
    recipients: assignment.panel.members,
  });
  if (!written.ok) throw new ReportProductionError(`the report for signing could not be written: ${written.error.message}`);
  return {
    id: written.value.manifest.packageId,
    reviewId: req.reviewId,
    pdf,
    sha256,
    consensusJson: canonicalJson(req.consensus),
    reportText,
    totalHundredths: facts.value.totalHundredths,
    recommendation: facts.value.recommendation,
    certificate,
    chain: [root],
    rfsPackageId: written.value.manifest.packageId,
    rfsPackage: written.value.bytes,
    rfsRevision: revision,
    createdAt: req.now.toISOString(),
    createdBy: req.leaderKeyId,
  };
}
