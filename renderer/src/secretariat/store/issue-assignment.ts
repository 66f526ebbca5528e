import type { CriteriaSet } from '../../../../shared/criteria/criteria-set.js';
import type { AssignmentCertificates } from '../../../../shared/packages/content/assignment-certificates.js';
import type { AssignmentContent } from '../../../../shared/packages/content/assignment.js';
import { describePackageError } from '../../../../shared/packages/errors.js';
import { writePackage } from '../../../../shared/packages/write-package.js';
import { sha256Hex } from '../../../../shared/util/bytes.js';
import { canonicalJsonBytes } from '../../../../shared/util/canonical-json.js';
import { err, ok, type Result } from '../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../db/database.js';
import type { ApplicantRow, AssignmentRow, CycleRecord, ExpertRow, PanelRow } from '../records.js';
import { certificatesFor } from './certificate-authority.js';
import { criteriaSetById } from './criteria-store.js';
import type { SecretariatSelf } from './secretariat-identity.js';
import type { Bilingual } from './messages.js';

/**
 * One assignment package per panel (DOMAIN.md §6): cycle, applicant, the cycle's rules (so the
 * panel's summary, report and recommendation follow them), the
 * material-review scores and the issues to verify on site, the criteria set, the roster with
 * the leader and every member's public keys and fingerprints, the schedule. Encrypted to
 * every member and to the secretariat (so it can reread what it issued), signed with the
 * secretariat's device keys. A re-issue is a new revision superseding the last.
 */
export function buildAssignment(parts: {
  cycle: CycleRecord;
  applicant: ApplicantRow;
  panel: PanelRow;
  experts: ReadonlyMap<string, ExpertRow>;
  self: SecretariatSelf;
  certificates: AssignmentCertificates;
  /** The cycle's criteria set (Art. 16: per industry). */
  criteriaSet: CriteriaSet;
  issuedAt: Date;
}): Result<AssignmentContent, Bilingual[]> {
  const { cycle, applicant, panel, experts, self } = parts;
  const problems: Bilingual[] = [];
  const profile = applicant.record.profile;
  const review = applicant.record.materialReview;
  if (!review) problems.push({ zh: `“${profile.name}”尚无材料评审结果，不能下发评审任务`, en: `"${profile.name}" has no material-review result yet` });
  else if (review.criteriaSetId !== parts.criteriaSet.id) {
    problems.push({ zh: `材料评审按“${review.criteriaSetId}”评分，本届评审标准为“${parts.criteriaSet.id}”，请重新记录材料评审结果`, en: `the material review was scored against ${review.criteriaSetId}; the cycle uses ${parts.criteriaSet.id}: record it again` });
  }
  const members = panel.memberIds.map((id) => experts.get(id));
  if (members.some((m) => !m || !m.expert.fingerprintConfirmed)) problems.push({ zh: '评审组成员不在专家库中或指纹未确认', en: 'a member is not in the pool or not confirmed' });
  if (problems.length > 0 || !review) return err(problems);
  const { role: _role, ...secretariat } = self.card;
  const date = cycle.cycle.reviewDate ?? parts.issuedAt.toISOString().slice(0, 10);
  const place = profile.address.slice(0, 200);
  return ok({
    cycle: { id: cycle.id, name: cycle.cycle.name, year: cycle.cycle.year },
    applicant: {
      id: profile.id,
      name: profile.name,
      creditCode: profile.creditCode,
      industry: profile.industry,
      address: profile.address,
      contact: `${profile.contact.name} ${profile.contact.phone}${profile.contact.email ? ` ${profile.contact.email}` : ''}`,
      profile: `${profile.name}（统一社会信用代码 ${profile.creditCode}），${profile.industry}。`,
    },
    panel: {
      id: panel.id,
      name: panel.name,
      members: members.map((m) => {
        const c = m!.card;
        return { name: c.name, organisation: c.organisation, keyId: c.keyId, signingKey: c.signingKey, encryptionKey: c.encryptionKey, fingerprint: c.fingerprint, role: m!.id === panel.leaderId ? ('leader' as const) : ('expert' as const) };
      }),
    },
    rules: cycle.cycle.rules,
    secretariat,
    certificates: parts.certificates,
    criteriaSet: parts.criteriaSet,
    materialReview: { scores: Object.entries(review.percentByItem).map(([itemId, percent]) => ({ itemId, percent })), summary: '' },
    siteIssues: review.siteVisitIssues.map((s, i) => ({ id: `issue-${i + 1}`, itemId: s.itemId ?? null, text: s.text })),
    schedule: [
      { date, start: '08:30', end: '09:00', activity: '首次会议', location: place },
      { date, start: '09:00', end: '17:00', activity: '现场评审', location: place },
    ],
    issuedAt: parts.issuedAt.toISOString(),
  });
}

export interface IssuedAssignment {
  row: AssignmentRow;
  bytes: Uint8Array;
}

/** Writes and stores the package; the caller saves the bytes with files.save. */
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
  const criteriaSet = await criteriaSetById(db, loaded.cycle.cycle.criteriaSetId);
  if (!criteriaSet) return err([{ zh: `本届的评审标准“${loaded.cycle.cycle.criteriaSetId}”不在本机`, en: `the cycle's criteria set "${loaded.cycle.cycle.criteriaSetId}" is not on this device` }]);
  const members = loaded.panel.memberIds.map((id) => loaded.experts.get(id)).filter((m): m is ExpertRow => m !== undefined);
  const certificates = await certificatesFor(db, self, members);
  const issuedAt = new Date();
  const content = buildAssignment({ cycle: loaded.cycle, applicant: loaded.applicant, panel: loaded.panel, experts: loaded.experts, self, certificates, criteriaSet, issuedAt });
  if (!content.ok) return content;
  const revision = (loaded.previous?.revision ?? 0) + 1;
  const written = await writePackage({
    type: 'assignment',
    content: content.value,
    subject: { cycleId: loaded.cycle.id, applicantId: loaded.applicant.id, panelId },
    revision,
    supersedes: loaded.previous?.packageId ?? null,
    createdAt: issuedAt,
    sender: { name: self.card.name, keys: self.keys },
    recipients: [self.card, ...content.value.panel.members],
  });
  if (!written.ok) return err([{ zh: describePackageError(written.error, 'zh-CN'), en: describePackageError(written.error, 'en') }]);
  const row: AssignmentRow = {
    panelId,
    cycleId: loaded.cycle.id,
    applicantId: loaded.applicant.id,
    content: content.value,
    packageId: written.value.manifest.packageId,
    revision,
    manifestSha256: await sha256Hex(canonicalJsonBytes(written.value.manifest)),
    fileName: `评审任务-${loaded.applicant.record.profile.name}-第${revision}版.zqa`.replace(/[\\/:*?"<>|]/g, '_'),
    issuedAt: issuedAt.toISOString(),
    issuedBy: self.actor,
  };
  await db.transaction('rw', db.secAssignments, () => db.secAssignments.put(row));
  return ok({ row, bytes: written.value.bytes });
}

