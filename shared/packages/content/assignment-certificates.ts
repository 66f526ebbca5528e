import { z } from 'zod';
import { describeCertificate, verifyCertificate, type CertificateSummary } from '../../pki/certificates.js';
import { decodeBase64 } from '../../crypto/spki.js';
import { bytesEqual } from '../../util/bytes.js';
import { keyIdSchema } from '../manifest.js';

/**
 * The certificates an assignment carries (docs/report.md, "How it is signed"): the secretariat's app is the small CA of
 * its expert pool, and certificates travel in assignments. `root` is the secretariat's
 * self-signed root, `members` one X.509 certificate per roster member, each DER, base64.
 * The leader signs the report PDF under its certificate; members check it against the root.
 */
const certificateBase64 = z.string().min(200).max(8000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 X.509 certificate DER');

export const assignmentCertificatesSchema = z.strictObject({
  root: certificateBase64,
  members: z.array(z.strictObject({ keyId: keyIdSchema, certificate: certificateBase64 })).min(1).max(7),
});
export type AssignmentCertificates = z.infer<typeof assignmentCertificatesSchema>;

interface Person {
  name: string;
  keyId: string;
  signingKey: string;
}

function parse(base64: string): CertificateSummary | null {
  const der = decodeBase64(base64);
  if (!der) return null;
  try {
    return describeCertificate(der);
  } catch {
    return null; // hostile or truncated DER: pkijs throws, we refuse with a message
  }
}

function sameKey(spki: Uint8Array, signingKey: string): boolean {
  const key = decodeBase64(signingKey);
  return key !== null && bytesEqual(spki, key);
}

/**
 * What can be checked without verifying signatures: every certificate parses, the root is
 * self-issued for the secretariat's signing key, each roster member has exactly one
 * certificate issued under the root's name for exactly that member's signing key.
 * Returns one message per problem, with the path it concerns.
 */
export function certificateProblems(certs: AssignmentCertificates, secretariat: Person, members: readonly Person[]): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const root = parse(certs.root);
  if (!root) problems.push({ path: ['certificates', 'root'], message: 'the root certificate is not X.509 DER' });
  else {
    if (!sameKey(root.spki, secretariat.signingKey)) problems.push({ path: ['certificates', 'root'], message: "the root certificate's public key is not the secretariat's signing key" });
    if (root.subject.name !== root.issuer.name || root.subject.organisation !== root.issuer.organisation) {
      problems.push({ path: ['certificates', 'root'], message: 'the root certificate is not self-issued' });
    }
  }
  const roster = new Map(members.map((m) => [m.keyId, m]));
  const seen = new Set<string>();
  certs.members.forEach((c, i) => {
    const path = ['certificates', 'members', i];
    const member = roster.get(c.keyId);
    if (!member) return problems.push({ path, message: `key ${c.keyId} is not on the panel's roster` });
    if (seen.has(c.keyId)) return problems.push({ path, message: `${member.name} has two certificates` });
    seen.add(c.keyId);
    const cert = parse(c.certificate);
    if (!cert) return problems.push({ path, message: `${member.name}'s certificate is not X.509 DER` });
    if (!sameKey(cert.spki, member.signingKey)) problems.push({ path, message: `${member.name}'s certificate is for another public key than the roster's signing key` });
    if (root && (cert.issuer.name !== root.subject.name || cert.issuer.organisation !== root.subject.organisation)) {
      problems.push({ path, message: `${member.name}'s certificate was not issued under the secretariat's root` });
    }
    return undefined;
  });
  for (const m of members) if (!seen.has(m.keyId)) problems.push({ path: ['certificates', 'members'], message: `${m.name} has no certificate` });
  return problems;
}

/**
 * The signatures: the root verifies under its own key and each member's certificate under
 * the root, both valid at `at` (the assignment's issue time). Call after the schema passed.
 */
export async function verifyAssignmentCertificates(certs: AssignmentCertificates, at: Date): Promise<string | null> {
  const root = decodeBase64(certs.root)!;
  try {
    if (!(await verifyCertificate(root, root, at))) return 'the root certificate does not verify under its own key, or was not valid when the assignment was issued';
    for (const c of certs.members) {
      if (!(await verifyCertificate(decodeBase64(c.certificate)!, root, at))) {
        return `the certificate for key ${c.keyId} was not signed by the secretariat's root, or was not valid when the assignment was issued`;
      }
    }
  } catch {
    return 'a certificate cannot be verified (malformed signature or algorithm)';
  }
  return null;
}

/** A member's certificate (DER) from the assignment, for signing the report under it. */
export function memberCertificate(certs: AssignmentCertificates, keyId: string): Uint8Array | null {
  const c = certs.members.find((m) => m.keyId === keyId);
  return c ? decodeBase64(c.certificate) : null;
}
