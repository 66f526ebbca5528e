import type { AssignmentCertificates } from '../packages/content/assignment-certificates.js';
import { createRootCertificate, issueCertificate } from '../pki/certificates.js';
import { fromBase64, toBase64 } from '../util/bytes.js';
import type { Clock } from './ports/clock.js';
import { signPortOf, type KeyHolder } from './ports/keys.js';

/**
 * Certify experts (the secretariat): its app is the small certificate authority of the
 * expert pool. One root for its signing key, made once and kept; one certificate per expert,
 * issued the first time the expert sits on a panel and reused for every later panel while
 * both keys stay the same (a secretariat restored onto new keys has a new root, so every
 * certificate is issued again). Assignments carry them; the leader signs the report PDF
 * under its certificate and every member checks it against the root.
 */
export interface StoredRoot {
  /** base64 SPKI of the secretariat key the root is for. */
  signingKey: string;
  der: Uint8Array;
}

export interface StoredCertificate {
  /** base64 SPKI of the expert's key the certificate is for. */
  signingKey: string;
  /** base64 SPKI of the secretariat key that issued it. */
  issuerSigningKey: string;
  der: Uint8Array;
}

/** The storage this step needs: the root and each expert's certificate. */
export interface CertificateStore {
  root(): Promise<StoredRoot | null>;
  saveRoot(root: StoredRoot): Promise<void>;
  certificate(expertKeyId: string): Promise<StoredCertificate | null>;
  saveCertificate(expertKeyId: string, certificate: StoredCertificate): Promise<void>;
}

/** Who signs: the secretariat's public identity and its keys. */
export interface CertifyingSecretariat {
  identity: { name: string; organisation: string; signingKey: string };
  keys: KeyHolder;
}

export interface CertifiedPerson {
  keyId: string;
  name: string;
  organisation: string;
  /** base64 SPKI of the expert's signing key. */
  signingKey: string;
}

/** X.509 names need a non-empty organisation of at most 64 characters. */
const nameOf = (p: { name: string; organisation: string }, fallback: string) => ({
  name: p.name.slice(0, 64),
  organisation: (p.organisation.trim() || fallback).slice(0, 64),
});

async function rootFor(store: CertificateStore, secretariat: CertifyingSecretariat, clock: Clock): Promise<Uint8Array> {
  const stored = await store.root();
  if (stored && stored.signingKey === secretariat.identity.signingKey) return stored.der;
  const der = await createRootCertificate({
    issuer: { sign: signPortOf(secretariat.keys), spki: fromBase64(secretariat.identity.signingKey) },
    subject: nameOf(secretariat.identity, '郑州市市长质量奖评审委员会秘书处'),
    notBefore: clock.now(),
  });
  await store.saveRoot({ signingKey: secretariat.identity.signingKey, der });
  return der;
}

/** The `certificates` of an assignment for these members, issuing (and keeping) any missing one. */
export async function certifyMembers(store: CertificateStore, secretariat: CertifyingSecretariat, members: readonly CertifiedPerson[], clock: Clock): Promise<AssignmentCertificates> {
  const root = await rootFor(store, secretariat, clock);
  const issuer = { sign: signPortOf(secretariat.keys), spki: fromBase64(secretariat.identity.signingKey) };
  const out: AssignmentCertificates['members'] = [];
  for (const m of members) {
    const held = await store.certificate(m.keyId);
    let der = held?.signingKey === m.signingKey && held.issuerSigningKey === secretariat.identity.signingKey ? held.der : null;
    if (!der) {
      der = await issueCertificate({ issuer, issuerCertificate: root, subject: nameOf(m, '评审员专家库'), subjectSpki: fromBase64(m.signingKey), notBefore: clock.now() });
      await store.saveCertificate(m.keyId, { signingKey: m.signingKey, issuerSigningKey: secretariat.identity.signingKey, der });
    }
    out.push({ keyId: m.keyId, certificate: toBase64(der) });
  }
  return { root: toBase64(root), members: out };
}
