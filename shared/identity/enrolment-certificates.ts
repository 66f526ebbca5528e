import type { AssignmentCertificates } from '../packages/content/assignment-certificates.js';
import { createRootCertificate, issueCertificate } from '../pki/certificates.js';
import type { SignPort } from '../pki/signer-port.js';
import { fromBase64, toBase64 } from '../util/bytes.js';

/**
 * The secretariat as the certificate authority of its expert pool (docs/report.md): one root for
 * its own signing key, and one certificate per expert at enrolment, kept and reused for
 * every panel the expert sits on; assignments carry them (`assignmentCertificates`).
 */
export interface EnrolledPerson {
  keyId: string;
  name: string;
  organisation: string;
  /** base64 SPKI DER */
  signingKey: string;
}

export interface SecretariatAuthority {
  readonly root: Uint8Array;
  /** The person's certificate: issued on first call, the same bytes afterwards. */
  certificateFor(person: EnrolledPerson): Promise<Uint8Array>;
}

/** X.509 names need a non-empty organisation of at most 64 characters. */
const nameOf = (p: { name: string; organisation: string }, fallback: string) => ({
  name: p.name.slice(0, 64),
  organisation: (p.organisation.trim() || fallback).slice(0, 64),
});

export async function secretariatAuthority(
  secretariat: { name: string; organisation: string; signingKey: string; sign: SignPort },
  notBefore: Date,
): Promise<SecretariatAuthority> {
  const issuer = { sign: secretariat.sign, spki: fromBase64(secretariat.signingKey) };
  const root = await createRootCertificate({ issuer, subject: nameOf(secretariat, '郑州市市长质量奖评审委员会秘书处'), notBefore });
  const issued = new Map<string, Promise<Uint8Array>>();
  return {
    root,
    certificateFor(person) {
      const key = `${person.keyId}/${person.signingKey}`;
      let cert = issued.get(key);
      if (!cert) {
        cert = issueCertificate({ issuer, issuerCertificate: root, subject: nameOf(person, '评审员专家库'), subjectSpki: fromBase64(person.signingKey), notBefore });
        issued.set(key, cert);
      }
      return cert;
    },
  };
}

/** The `certificates` field of an assignment for this roster. */
export async function assignmentCertificates(authority: SecretariatAuthority, roster: readonly EnrolledPerson[]): Promise<AssignmentCertificates> {
  const members: AssignmentCertificates['members'] = [];
  for (const m of roster) members.push({ keyId: m.keyId, certificate: toBase64(await authority.certificateFor(m)) });
  return { root: toBase64(authority.root), members };
}
