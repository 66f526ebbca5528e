import type { CertificateStore, StoredCertificate, StoredRoot } from '../certify-experts.js';

/** The certificate store in memory: `zqa demo` and the tests, where the secretariat lives for one run. */
export function memoryCertificateStore(): CertificateStore {
  let root: StoredRoot | null = null;
  const certificates = new Map<string, StoredCertificate>();
  return {
    root: () => Promise.resolve(root),
    saveRoot: (r) => {
      root = r;
      return Promise.resolve();
    },
    certificate: (keyId) => Promise.resolve(certificates.get(keyId) ?? null),
    saveCertificate: (keyId, c) => {
      certificates.set(keyId, c);
      return Promise.resolve();
    },
  };
}
