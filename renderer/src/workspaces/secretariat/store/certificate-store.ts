import { fromBase64, toBase64 } from '../../../../../shared/util/bytes.js';
import type { CertificateStore } from '../../../../../shared/workflow/certify-experts.js';
import type { ZqaDatabase } from '../../../db/database.js';
import { nowIso } from './messages.js';

/**
 * Where the secretariat's certificate authority (shared/workflow/certify-experts.ts) keeps its
 * root (`secAuthority`) and each expert's certificate (on the expert's row in the pool), so a
 * certificate is issued once and reused for every later panel. Certificates are kept as base64.
 */
export function dexieCertificateStore(db: ZqaDatabase): CertificateStore {
  return {
    async root() {
      const stored = await db.secAuthority.get('root');
      return stored ? { signingKey: stored.signingKey, der: fromBase64(stored.root) } : null;
    },
    async saveRoot(root) {
      await db.transaction('rw', db.secAuthority, () => db.secAuthority.put({ id: 'root', signingKey: root.signingKey, root: toBase64(root.der), createdAt: nowIso() }));
    },
    async certificate(expertKeyId) {
      const row = await db.secExperts.where('keyId').equals(expertKeyId).first();
      const c = row?.certificate;
      return c?.issuerSigningKey ? { signingKey: c.signingKey, issuerSigningKey: c.issuerSigningKey, der: fromBase64(c.der) } : null;
    },
    async saveCertificate(expertKeyId, c) {
      await db.transaction('rw', db.secExperts, async () => {
        const row = await db.secExperts.where('keyId').equals(expertKeyId).first();
        if (row) await db.secExperts.put({ ...row, certificate: { signingKey: c.signingKey, der: toBase64(c.der), issuerSigningKey: c.issuerSigningKey } });
      });
    },
  };
}
