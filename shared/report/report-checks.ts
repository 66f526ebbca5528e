import type { PanelMember } from '../consensus/member-scores.js';
import { describeCertificate, verifyCertificate } from '../pki/certificates.js';
import { verifyCountersignature } from '../pki/countersignature.js';
import { verifyPdfSignature } from '../pki/pades.js';
import { bytesEqual, sha256Hex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * What a member's app checks before it countersigns, and what the leader's app checks
 * before it finalises: the leader's embedded signature, under a certificate the
 * secretariat issued for the leader's own key, over exactly the PDF the package names.
 */
export interface LeaderSignatureExpectation {
  /** SHA-256 hex the report-for-signing package gives for the PDF. */
  sha256: string;
  /** The leader's signing key (SPKI DER) as the assignment roster has it. */
  leaderSpki: Uint8Array;
  /** The secretariat's root certificate, when the device has it. */
  rootCertificate?: Uint8Array | undefined;
}

export async function checkSignedReport(pdf: Uint8Array, expect: LeaderSignatureExpectation): Promise<Result<{ signingTime: Date | undefined; signer: string }, string>> {
  if ((await sha256Hex(pdf)) !== expect.sha256.toLowerCase()) return err('the report PDF is not the one the package names (SHA-256 differs)');
  const check = await verifyPdfSignature(pdf);
  if (!check.valid || !check.signerCertificate) return err(`the leader's signature does not verify: ${check.reason ?? 'unknown reason'}`);
  if (!check.coversWholeFile) return err('the leader’s signature does not cover the whole file (bytes were appended after signing)');
  const cert = describeCertificate(check.signerCertificate);
  if (!bytesEqual(cert.spki, expect.leaderSpki)) return err(`the report is signed by ${cert.subject.name}'s certificate, not for the leader's key`);
  if (expect.rootCertificate && !(await verifyCertificate(check.signerCertificate, expect.rootCertificate, check.signingTime ?? new Date()))) {
    return err('the leader’s certificate was not issued by the secretariat, or was not valid at signing time');
  }
  return ok({ signingTime: check.signingTime, signer: cert.subject.name });
}

export interface CountersignatureStatus {
  memberId: string;
  name: string;
  /** `reservation-not-printed`: the member countersigned with a reservation the report does not print as given (or withdrew one it prints): the report must be produced again with it. */
  status: 'countersigned' | 'excused' | 'missing' | 'invalid' | 'reservation-not-printed';
  reason?: string;
}

export interface Countersignatures {
  /** Member id → DER signature over the signed PDF. */
  signatures: ReadonlyMap<string, Uint8Array>;
  /** Member id → the recorded reason a member could not countersign. */
  excused: ReadonlyMap<string, string>;
  /** Member id → SPKI DER of the member's signing key. */
  keys: ReadonlyMap<string, Uint8Array>;
  /** Member id → the reservation the member gave with the countersignature (absent: agrees). */
  reservations?: ReadonlyMap<string, string>;
  /** Member id → the reservation this PDF prints for the member. */
  printed?: ReadonlyMap<string, string>;
}

/**
 * The leader finalises only when every other member has countersigned this exact PDF or a
 * reason is recorded for the one who could not. Returns each member's status either way.
 */
export async function checkFinalisation(pdf: Uint8Array, roster: readonly PanelMember[], cs: Countersignatures): Promise<Result<CountersignatureStatus[], CountersignatureStatus[]>> {
  const statuses: CountersignatureStatus[] = [];
  for (const m of roster.filter((r) => r.role !== 'leader')) {
    const signature = cs.signatures.get(m.memberId);
    const key = cs.keys.get(m.memberId);
    if (signature && key) {
      const good = await verifyCountersignature(pdf, signature, key);
      const given = cs.reservations?.get(m.memberId)?.trim() ?? '';
      const printed = cs.printed?.get(m.memberId)?.trim() ?? '';
      if (good && given !== printed) {
        statuses.push({ memberId: m.memberId, name: m.name, status: 'reservation-not-printed', reason: given || '（撤回保留意见）' });
        continue;
      }
      statuses.push(good ? { memberId: m.memberId, name: m.name, status: 'countersigned' } : { memberId: m.memberId, name: m.name, status: 'invalid', reason: 'the countersignature is not over this PDF or not by this member’s key' });
      continue;
    }
    const reason = cs.excused.get(m.memberId)?.trim();
    statuses.push(reason ? { memberId: m.memberId, name: m.name, status: 'excused', reason } : { memberId: m.memberId, name: m.name, status: 'missing' });
  }
  return statuses.every((s) => s.status === 'countersigned' || s.status === 'excused') ? ok(statuses) : err(statuses);
}
