import type { TrustStore } from '../identity/trust-store.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import type { CountersignatureContent } from '../packages/content/countersignature.js';
import type { ReportForSigningContent } from '../packages/content/report-for-signing.js';
import { packageError, type PackageError } from '../packages/errors.js';
import type { HeldRecords } from '../packages/held-records.js';
import type { PackageHistory } from '../packages/revision.js';
import { writePackage, type WrittenPackage } from '../packages/write-package.js';
import { countersign } from '../pki/countersignature.js';
import { checkSignedReport } from '../report/report-checks.js';
import { fromBase64, toBase64 } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import type { Clock } from './ports/clock.js';
import { signPortOf, type KeyHolder } from './ports/keys.js';
import { receivePackage } from './received.js';
import { fromPackageError, refuse, type WorkflowError } from './workflow-error.js';

/**
 * Countersign (a panel member): receive the leader's report for signing, check it, and sign
 * it. Receiving checks that the package comes from the leader of a panel this device holds
 * the assignment of, that this member is asked to sign, and then the leader's PDF signature,
 * its certificate (under the secretariat's root the assignment carries) and the hash; the
 * outcome is kept with the report, so the member sees why one cannot be countersigned.
 */
export interface ReportToSign {
  packageId: string;
  revision: number;
  manifestSha256: string;
  content: ReportForSigningContent;
  pdf: Uint8Array;
  leaderName: string;
  leaderKeyId: string;
  /** What checkSignedReport found wrong, or null when the leader's signature held. */
  leaderCheckError: string | null;
  leaderSigner: string | null;
}

/** The assignments this member's device holds (the storage this step reads). */
export interface HeldAssignments {
  /** The assignment for this cycle, applicant and panel, with the review it opened; null when none. */
  forPanel(ids: { cycleId: string; applicantId: string; panelId: string }): Promise<{ reviewId: string; content: AssignmentContent } | null>;
}

export interface ReceiveReportPorts {
  keys: KeyHolder;
  trust: TrustStore;
  /** The reports for signing already held, by series (panel and leader). */
  history: PackageHistory;
  assignments: HeldAssignments;
  /** What the device holds: the report is bound to one of its assignments (held-records.ts). */
  held: HeldRecords;
  /** This device's key id: it must be among the signers. */
  myKeyId: string;
}

export async function receiveReportForSigning(bytes: Uint8Array, ports: ReceiveReportPorts): Promise<Result<{ reviewId: string; report: ReportToSign }, PackageError>> {
  const received = await receivePackage(bytes, 'report-for-signing', { keys: ports.keys, trust: ports.trust, history: ports.history, held: ports.held });
  if (!received.ok) return received;
  const { content, manifest } = received.value;
  const held = await ports.assignments.forPanel(content);
  if (!held) return err(packageError('content-invalid', 'this device holds no assignment for the panel this report belongs to'));
  const leader = held.content.panel.members.find((m) => m.role === 'leader');
  if (!leader || leader.keyId !== manifest.sender.keyId) return err(packageError('content-invalid', 'the report was not sent by this panel’s leader'));
  if (!content.signers.includes(ports.myKeyId)) return err(packageError('content-invalid', 'this device is not among the members asked to countersign this report'));
  const pdf = received.value.blobs.get(content.report.entry);
  if (!pdf) return err(packageError('content-invalid', 'the package does not carry the report PDF'));
  const check = await checkSignedReport(pdf, { sha256: content.report.sha256, leaderSpki: fromBase64(leader.signingKey), rootCertificate: fromBase64(held.content.certificates.root) });
  return ok({
    reviewId: held.reviewId,
    report: {
      packageId: manifest.packageId,
      revision: manifest.revision,
      manifestSha256: received.value.manifestSha256,
      content,
      pdf,
      leaderName: leader.name,
      leaderKeyId: leader.keyId,
      leaderCheckError: check.ok ? null : check.error,
      leaderSigner: check.ok ? check.value.signer : null,
    },
  });
}

export interface CountersignInput {
  report: ReportToSign;
  /** The assignment the report belongs to: who the leader and the secretariat are. */
  assignment: AssignmentContent;
  agrees: boolean;
  comment: string;
  /** The highest countersignature revision this member has sent for the panel (0 for none). */
  lastRevision: number;
}

export interface CountersignPorts {
  keys: KeyHolder;
  clock: Clock;
  /** This device's key id; the package names the signer as the roster does. */
  myKeyId: string;
}

export interface Countersigned {
  content: CountersignatureContent;
  written: WrittenPackage;
  revision: number;
}

/**
 * A detached signature over the signed PDF's bytes, in a countersignature package for the
 * leader, the secretariat and this device (to read it again). Refused when the leader's
 * signature did not check, or a dissent gives no reason.
 */
export async function countersignReport(input: CountersignInput, ports: CountersignPorts): Promise<Result<Countersigned, WorkflowError>> {
  const { report, assignment } = input;
  if (report.leaderCheckError) return refuse('signature', `该报告不能会签：${report.leaderCheckError}`, `this report cannot be countersigned: ${report.leaderCheckError}`);
  const comment = input.comment.trim();
  if (!input.agrees && !comment) return refuse('not-ready', '有保留意见时须写明理由', 'a dissent needs its reason');
  const { content: rfs } = report;
  if (rfs.cycleId !== assignment.cycle.id || rfs.applicantId !== assignment.applicant.id || rfs.panelId !== assignment.panel.id) {
    return refuse('mismatch', '报告与本评审任务不属于同一评审组', 'the report belongs to another panel than this assignment');
  }
  const me = assignment.panel.members.find((m) => m.keyId === ports.myKeyId);
  const leader = assignment.panel.members.find((m) => m.role === 'leader');
  if (!me || !leader) return refuse('not-allowed', '本设备不在该评审组名单中', 'this device is not on the panel’s roster');
  const subject = { cycleId: rfs.cycleId, applicantId: rfs.applicantId, panelId: rfs.panelId };
  const revision = input.lastRevision + 1;
  const now = ports.clock.now();
  const content: CountersignatureContent = {
    ...subject,
    reportPackageId: report.packageId,
    reportSha256: rfs.report.sha256,
    signerKeyId: me.keyId,
    signature: toBase64(await countersign(report.pdf, signPortOf(ports.keys))),
    agrees: input.agrees,
    comment,
    signedAt: now.toISOString(),
  };
  const written = await writePackage({
    type: 'countersignature',
    content,
    subject,
    revision,
    createdAt: now,
    sender: { name: me.name, keys: ports.keys },
    recipients: [leader, assignment.secretariat, me],
  });
  if (!written.ok) return err(fromPackageError(written.error));
  return ok({ content, written: written.value, revision });
}
