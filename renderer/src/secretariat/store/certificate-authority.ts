import type { SignRequest } from '../../../../shared/crypto/sign-request.js';
import type { AssignmentCertificates } from '../../../../shared/packages/content/assignment-certificates.js';
import { createRootCertificate, issueCertificate } from '../../../../shared/pki/certificates.js';
import { fromBase64, toBase64 } from '../../../../shared/util/bytes.js';
import type { ZqaDatabase } from '../../db/database.js';
import type { ExpertRow } from '../records.js';
import { nowIso } from './messages.js';
import type { SecretariatSelf } from './secretariat-identity.js';

/**
 * The secretariat's app is the small certificate authority of its expert pool (issue 4): one
 * root for its signing key, made once and kept; one certificate per expert, issued the first
 * time the expert sits on a panel and reused for every later panel. Assignments carry them;
 * the leader signs the report PDF under its certificate and members check it against the root.
 */
const nameOf = (p: { name: string; organisation: string }, fallback: string) => ({
  name: p.name.slice(0, 64),
  organisation: (p.organisation.trim() || fallback).slice(0, 64),
});

async function rootFor(db: ZqaDatabase, self: SecretariatSelf): Promise<Uint8Array> {
  const stored = await db.secAuthority.get('root');
  if (stored && stored.signingKey === self.card.signingKey) return fromBase64(stored.root);
  const root = await createRootCertificate({
    issuer: { sign: (d) => self.keys.sign(d), spki: fromBase64(self.card.signingKey) },
    subject: nameOf(self.card, '郑州市市长质量奖评审委员会秘书处'),
    notBefore: new Date(),
  });
  await db.transaction('rw', db.secAuthority, () => db.secAuthority.put({ id: 'root', signingKey: self.card.signingKey, root: toBase64(root), createdAt: nowIso() }));
  return root;
}

/** The certificates of an assignment for these members, issuing (and keeping) any missing one. */
export async function certificatesFor(db: ZqaDatabase, self: SecretariatSelf, members: readonly ExpertRow[]): Promise<AssignmentCertificates> {
  const root = await rootFor(db, self);
  const issuer = { sign: (r: SignRequest) => self.keys.sign(r), spki: fromBase64(self.card.signingKey) };
  const out: AssignmentCertificates['members'] = [];
  for (const m of members) {
    // Reused only while both keys are the same: the expert's, and the secretariat's that signed it
    // (a secretariat restored onto new keys has a new root, so every certificate is issued again).
    const reusable = m.certificate?.signingKey === m.card.signingKey && m.certificate.issuerSigningKey === self.card.signingKey;
    let der = reusable ? m.certificate?.der : undefined;
    if (!der) {
      const cert = await issueCertificate({ issuer, issuerCertificate: root, subject: nameOf(m.card, '评审员专家库'), subjectSpki: fromBase64(m.card.signingKey), notBefore: new Date() });
      der = toBase64(cert);
      const issued = der;
      await db.transaction('rw', db.secExperts, async () => {
        const row = await db.secExperts.get(m.id);
        if (row) await db.secExperts.put({ ...row, certificate: { signingKey: m.card.signingKey, der: issued, issuerSigningKey: self.card.signingKey } });
      });
    }
    out.push({ keyId: m.card.keyId, certificate: der });
  }
  return { root: toBase64(root), members: out };
}
