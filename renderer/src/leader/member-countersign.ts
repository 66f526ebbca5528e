import type { KeyHolder } from '../../../shared/crypto/key-holder.js';
import type { TrustStore } from '../../../shared/identity/trust-store.js';
import type { CountersignatureContent } from '../../../shared/packages/content/countersignature.js';
import type { ReportForSigningContent } from '../../../shared/packages/content/report-for-signing.js';
import { packageError, type PackageError } from '../../../shared/packages/errors.js';
import { importPackage } from '../../../shared/packages/import-package.js';
import { writePackage, type WrittenPackage } from '../../../shared/packages/write-package.js';
import { countersign } from '../../../shared/pki/countersignature.js';
import type { SignPort } from '../../../shared/pki/signer-port.js';
import { checkSignedReport } from '../../../shared/report/report-checks.js';
import { fromBase64, toBase64 } from '../../../shared/util/bytes.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import type { ZqaDatabase } from '../db/database.js';
import { dbHeldRecords } from '../packages/trust-from-db.js';
import type { ReportToSignRecord } from './leader-records.js';

/**
 * A member's side of countersigning. Import: the package must verify as sent by this
 * panel's leader (the trust store knows the roster), and the device must hold the
 * assignment it belongs to; then the leader's PDF signature, its certificate (under the
 * secretariat's root the assignment carries) and the hash are checked and the outcome is
 * stored with the report, so the member sees why a report cannot be countersigned.
 */
export async function importReportForSigning(
  bytes: Uint8Array,
  c: { db: ZqaDatabase; keys: KeyHolder; trust: TrustStore; now: Date; myKeyId: string },
): Promise<Result<ReportToSignRecord, PackageError>> {
  const { db } = c;
  const history = {
    latest: async (seriesId: string) => {
      // seriesIdOf: type/cycle/applicant/panel/sender.
      const [cycleId, applicantId, panelId, sender] = seriesId.split('/').slice(1);
      const held = (await db.reportsToSign.toArray())
        .filter((r) => r.content.cycleId === cycleId && r.content.applicantId === applicantId && r.content.panelId === panelId && r.leaderKeyId === sender)
        .sort((x, y) => y.revision - x.revision)[0];
      return held ? { packageId: held.packageId, revision: held.revision, manifestSha256: held.manifestSha256 } : null;
    },
  };
  const imported = await importPackage(bytes, { keys: c.keys, trust: c.trust, accept: ['report-for-signing'], history, held: dbHeldRecords(db) });
  if (!imported.ok) return imported;
  const content = imported.value.content as ReportForSigningContent;
  const { manifest } = imported.value;
  const stored = (await db.panelAssignments.toArray()).find(
    (p) => p.content.cycle.id === content.cycleId && p.content.applicant.id === content.applicantId && p.content.panel.id === content.panelId,
  );
  if (!stored) return err(packageError('content-invalid', 'this device holds no assignment for the panel this report belongs to'));
  const leader = stored.content.panel.members.find((m) => m.role === 'leader');
  if (!leader || leader.keyId !== manifest.sender.keyId) return err(packageError('content-invalid', 'the report was not sent by this panel’s leader'));
  if (!content.signers.includes(c.myKeyId)) return err(packageError('content-invalid', 'this device is not among the members asked to countersign this report'));
  const pdf = imported.value.blobs.get(content.report.entry);
  if (!pdf) return err(packageError('content-invalid', 'the package does not carry the report PDF'));
  const check = await checkSignedReport(pdf, { sha256: content.report.sha256, leaderSpki: fromBase64(leader.signingKey), rootCertificate: fromBase64(stored.content.certificates.root) });
  const record: ReportToSignRecord = {
    packageId: manifest.packageId,
    reviewId: stored.reviewId,
    revision: manifest.revision,
    manifestSha256: imported.value.manifestSha256,
    content,
    pdf,
    leaderName: leader.name,
    leaderKeyId: leader.keyId,
    leaderCheckError: check.ok ? null : check.error,
    leaderSigner: check.ok ? check.value.signer : null,
    receivedAt: c.now.toISOString(),
    countersignedAt: null,
    agrees: null,
    comment: '',
    countersignaturePackage: null,
    countersignatureRevision: null,
  };
  await db.transaction('rw', db.reportsToSign, () => db.reportsToSign.put(record));
  return ok(record);
}

/**
 * Countersigns: a detached DER signature over the signed PDF's bytes, in a countersignature
 * package for the leader and the secretariat (and this device, to read it again). Refused
 * when the leader's signature did not check.
 */
export async function countersignReport(
  record: ReportToSignRecord,
  c: { db: ZqaDatabase; keys: KeyHolder; sign: SignPort; myKeyId: string; myName: string; agrees: boolean; comment: string; now: Date; recipients: readonly { keyId: string; encryptionKey: string }[] },
): Promise<Result<WrittenPackage, string>> {
  if (record.leaderCheckError) return err(`this report cannot be countersigned: ${record.leaderCheckError}`);
  const { content } = record;
  const subject = { cycleId: content.cycleId, applicantId: content.applicantId, panelId: content.panelId };
  const earlier = (await c.db.reportsToSign.where('reviewId').equals(record.reviewId).toArray()).map((r) => r.countersignatureRevision ?? 0);
  const revision = Math.max(0, ...earlier) + 1;
  const cs: CountersignatureContent = {
    ...subject,
    reportPackageId: record.packageId,
    reportSha256: content.report.sha256,
    signerKeyId: c.myKeyId,
    signature: toBase64(await countersign(record.pdf, c.sign)),
    agrees: c.agrees,
    comment: c.comment.trim(),
    signedAt: c.now.toISOString(),
  };
  const written = await writePackage({ type: 'countersignature', content: cs, subject, revision, createdAt: c.now, sender: { name: c.myName, keys: c.keys }, recipients: c.recipients });
  if (!written.ok) return err(written.error.message);
  await c.db.transaction('rw', c.db.reportsToSign, () =>
    c.db.reportsToSign.update(record.packageId, { countersignedAt: cs.signedAt, agrees: cs.agrees, comment: cs.comment, countersignaturePackage: written.value.bytes, countersignatureRevision: revision }),
  );
  return ok(written.value);
}
