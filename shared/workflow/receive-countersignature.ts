import type { TrustStore } from '../identity/trust-store.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import { packageError, type PackageError } from '../packages/errors.js';
import type { HeldRecords } from '../packages/held-records.js';
import type { PackageHistory } from '../packages/revision.js';
import { verifyCountersignature } from '../pki/countersignature.js';
import { fromBase64 } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import type { KeyHolder } from './ports/keys.js';
import { receivePackage } from './received.js';

/**
 * The leader receives a member's countersignature: the package verified and opened, then the
 * checks only the leader can make: it is for this panel and for the report the leader sent
 * last, by the member who signed the package, and the signature holds over this exact PDF.
 * The caller stores what it returns; on a refusal nothing is stored.
 */
export interface ReceivedCountersignature {
  signerKeyId: string;
  reportPackageId: string;
  reportSha256: string;
  /** base64 DER over the signed PDF. */
  signature: string;
  agrees: boolean;
  comment: string;
  signedAt: string;
  packageId: string;
  revision: number;
  manifestSha256: string;
  /** The package as it arrived: the panel return nests it unchanged. */
  package: Uint8Array;
}

export interface ReceiveCountersignatureInput {
  assignment: AssignmentContent;
  /** The report the leader sent last: what the member must have signed. */
  report: { pdf: Uint8Array; sha256: string; rfsPackageId: string };
}

export interface ReceiveCountersignaturePorts {
  keys: KeyHolder;
  trust: TrustStore;
  /** The countersignatures already held for this review, by series (panel and member). */
  history: PackageHistory;
  /** What the device holds: the countersignature is bound to one of its assignments (held-records.ts). */
  held: HeldRecords;
}

export async function receiveCountersignature(bytes: Uint8Array, input: ReceiveCountersignatureInput, ports: ReceiveCountersignaturePorts): Promise<Result<ReceivedCountersignature, PackageError>> {
  const received = await receivePackage(bytes, 'countersignature', { keys: ports.keys, trust: ports.trust, history: ports.history, held: ports.held });
  if (!received.ok) return received;
  const { manifest, manifestSha256, content } = received.value;
  const a = input.assignment;
  const refuse = (detail: string) => err(packageError('content-invalid', detail));
  if (content.cycleId !== a.cycle.id || content.applicantId !== a.applicant.id || content.panelId !== a.panel.id) return refuse('this countersignature is for another panel or applicant');
  const member = a.panel.members.find((m) => m.keyId === content.signerKeyId);
  if (!member || member.role === 'leader') return refuse('the signer is not a member of this panel');
  if (manifest.sender.keyId !== content.signerKeyId) return refuse('the package was sent by someone other than the member who countersigned');
  if (content.reportSha256 !== input.report.sha256 || content.reportPackageId !== input.report.rfsPackageId) {
    return refuse(`${member.name} countersigned another version of the report (SHA-256 ${content.reportSha256.slice(0, 12)}…); send the current report again`);
  }
  if (!(await verifyCountersignature(input.report.pdf, fromBase64(content.signature), fromBase64(member.signingKey)))) {
    return refuse(`${member.name}'s countersignature does not verify over this report PDF`);
  }
  return ok({
    signerKeyId: content.signerKeyId,
    reportPackageId: content.reportPackageId,
    reportSha256: content.reportSha256,
    signature: content.signature,
    agrees: content.agrees,
    comment: content.comment,
    signedAt: content.signedAt,
    packageId: manifest.packageId,
    revision: manifest.revision,
    manifestSha256,
    package: bytes,
  });
}
