import { err, ok, type Result } from '../../../../../shared/util/result.js';
import { issueAssignment as issueStep } from '../../../../../shared/workflow/issue-assignment.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { AssignmentRow } from '../../../db/secretariat-records.js';
import { dexieCertificateStore } from './certificate-store.js';
import { criteriaSetById } from './criteria-store.js';
import type { Bilingual } from './messages.js';
import type { SecretariatSelf } from './secretariat-identity.js';

export interface IssuedAssignment {
  row: AssignmentRow;
  bytes: Uint8Array;
}

/**
 * One assignment package per panel, from what the secretariat recorded: the panel, its cycle
 * and applicant, the pool's cards; the shared step certifies the members and writes it
 * (shared/workflow/issue-assignment.ts); this keeps it as issued. The caller saves the bytes
 * with files.save.
 */
export async function issueAssignment(db: ZqaDatabase, panelId: string, self: SecretariatSelf): Promise<Result<IssuedAssignment, Bilingual[]>> {
  const loaded = await db.transaction('r', [db.secPanels, db.secCycles, db.secApplicants, db.secExperts, db.secAssignments, db.secCriteriaSets], async () => {
    const panel = await db.secPanels.get(panelId);
    if (!panel) return null;
    return {
      panel,
      cycle: await db.secCycles.get(panel.cycleId),
      applicant: await db.secApplicants.get(panel.applicantId),
      experts: new Map((await db.secExperts.toArray()).map((e) => [e.id, e])),
      previous: await db.secAssignments.get(panelId),
    };
  });
  if (!loaded?.cycle || !loaded.applicant) return err([{ zh: '评审组、届次或申报单位不存在', en: 'unknown panel, cycle or applicant' }]);
  const { panel, cycle, applicant, experts, previous } = loaded;
  // The cycle's criteria set (Art. 16: per industry), built in or imported on this device.
  const criteriaSet = await criteriaSetById(db, cycle.cycle.criteriaSetId);
  if (!criteriaSet) return err([{ zh: `本届的评审标准“${cycle.cycle.criteriaSetId}”不在本机`, en: `the cycle's criteria set "${cycle.cycle.criteriaSetId}" is not on this device` }]);
  const leader = experts.get(panel.leaderId);
  const issued = await issueStep(
    {
      cycle: { ...cycle.cycle, id: cycle.id },
      applicant: { profile: applicant.record.profile, materialReview: applicant.record.materialReview },
      panel: { id: panel.id, name: panel.name, leaderKeyId: leader?.keyId ?? '' },
      members: panel.memberIds.map((id) => {
        const e = experts.get(id);
        return e ? { card: e.card, fingerprintConfirmed: e.expert.fingerprintConfirmed } : undefined;
      }),
      criteriaSet,
      previous: previous ? { packageId: previous.packageId, revision: previous.revision } : null,
    },
    { keys: self.keys, clock: { now: () => new Date() }, secretariat: self.card, certificates: dexieCertificateStore(db) },
  );
  if (!issued.ok) return issued;
  const { content, written, revision, manifestSha256, fileName } = issued.value;
  const row: AssignmentRow = {
    panelId,
    cycleId: cycle.id,
    applicantId: applicant.id,
    content,
    packageId: written.manifest.packageId,
    revision,
    manifestSha256,
    fileName,
    issuedAt: content.issuedAt,
    issuedBy: self.actor,
  };
  await db.transaction('rw', db.secAssignments, () => db.secAssignments.put(row));
  return ok({ row, bytes: written.bytes });
}
