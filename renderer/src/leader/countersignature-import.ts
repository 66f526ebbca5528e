import type { KeyHolder } from '../../../shared/crypto/key-holder.js';
import type { TrustStore } from '../../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import type { CountersignatureContent } from '../../../shared/packages/content/countersignature.js';
import { packageError, type PackageError } from '../../../shared/packages/errors.js';
import { importPackage } from '../../../shared/packages/import-package.js';
import { verifyCountersignature } from '../../../shared/pki/countersignature.js';
import { fromBase64 } from '../../../shared/util/bytes.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import type { ZqaDatabase } from '../db/database.js';
import { dbHeldRecords } from '../packages/trust-from-db.js';
import type { ReceivedCountersignatureRecord, ReportArtefactRecord } from './leader-records.js';

/**
 * The leader receives a member's countersignature: importPackage (signature, trust, decrypt,
 * validate), then the checks only the leader can make: it is for this panel and for the
 * report the leader sent now, by the member who signed the package, and the signature holds
 * over this exact PDF. Then one transaction stores it; on any refusal nothing changes.
 */
export interface CountersignatureImport {
  db: ZqaDatabase;
  reviewId: string;
  assignment: AssignmentContent;
  report: ReportArtefactRecord;
  keys: KeyHolder;
  trust: TrustStore;
  now: Date;
}

export async function importCountersignature(bytes: Uint8Array, c: CountersignatureImport): Promise<Result<ReceivedCountersignatureRecord, PackageError>> {
  const { db, reviewId } = c;
  const history = {
    latest: async (seriesId: string) => {
      const signer = seriesId.split('/').at(-1) ?? '';
      const held = await db.receivedCountersignatures.get([reviewId, signer]);
      return held ? { packageId: held.packageId, revision: held.revision, manifestSha256: held.manifestSha256 } : null;
    },
  };
  const imported = await importPackage(bytes, { keys: c.keys, trust: c.trust, accept: ['countersignature'], history, held: dbHeldRecords(db) });
  if (!imported.ok) return imported;
  const { manifest, manifestSha256 } = imported.value;
  const content = imported.value.content as CountersignatureContent;
  const a = c.assignment;
  const refuse = (detail: string) => err(packageError('content-invalid', detail));
  if (content.cycleId !== a.cycle.id || content.applicantId !== a.applicant.id || content.panelId !== a.panel.id) return refuse('this countersignature is for another panel or applicant');
  const member = a.panel.members.find((m) => m.keyId === content.signerKeyId);
  if (!member || member.role === 'leader') return refuse('the signer is not a member of this panel');
  if (manifest.sender.keyId !== content.signerKeyId) return refuse('the package was sent by someone other than the member who countersigned');
  if (content.reportSha256 !== c.report.sha256 || content.reportPackageId !== c.report.rfsPackageId) {
    return refuse(`${member.name} countersigned another version of the report (SHA-256 ${content.reportSha256.slice(0, 12)}…); send the current report again`);
  }
  if (!(await verifyCountersignature(c.report.pdf, fromBase64(content.signature), fromBase64(member.signingKey)))) {
    return refuse(`${member.name}'s countersignature does not verify over this report PDF`);
  }
  const record: ReceivedCountersignatureRecord = {
    reviewId,
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
    receivedAt: c.now.toISOString(),
  };
  await db.transaction('rw', db.receivedCountersignatures, () => db.receivedCountersignatures.put(record));
  return ok(record);
}
