import type { ImportedPackage } from '../../../shared/packages/import-package.js';
import { packageError, type PackageError } from '../../../shared/packages/errors.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../../shared/packages/content/scoresheet.js';
import { classifyRevision } from '../../../shared/packages/revision.js';
import { samePanelSubject, subjectOfAssignment } from '../../../shared/packages/held-records.js';
import { historyExtensionProblem } from '../../../shared/packages/score-history.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import { addReviewFromAssignment } from '../db/add-review.js';
import type { ZqaDatabase } from '../db/database.js';
import { reviewAssignmentFromContent, reviewIdOf } from './assignment-review.js';
import type { MemberScoresheetRecord, ReceivedPackageRecord } from './package-records.js';
import { latestRevision } from './trust-from-db.js';

export interface ApplyContext {
  /** This device's signing key id: whom the assignment must name, who must lead the panel. */
  deviceKeyId: string;
  now: Date;
}

export type ApplyOutcome =
  | { type: 'assignment'; reviewId: string; applicantName: string; revision: number; superseded: boolean }
  | { type: 'scoresheet'; reviewId: string; memberKeyId: string; memberName: string; revision: number; superseded: boolean };

const refuse = (code: PackageError['code'], detail: string) => err(packageError(code, detail));

/** Every table an import may write: the apply step's one transaction spans them all. */
export function applyTables(db: ZqaDatabase) {
  return [db.receivedPackages, db.panelAssignments, db.reviews, db.memberScoresheets, db.memberScoresheetHistory];
}

/**
 * The last step of verify → decrypt → validate → apply: stores a package that
 * `importPackage` accepted, in ONE transaction. Every refusal is decided before the first
 * write, so a refused package leaves the database exactly as it was; a write that fails
 * aborts the whole transaction. The revision is checked again inside the transaction, so
 * two imports racing cannot both land.
 */
export async function applyImportedPackage(db: ZqaDatabase, imported: ImportedPackage, bytes: Uint8Array, ctx: ApplyContext): Promise<Result<ApplyOutcome, PackageError>> {
  return db.transaction('rw', applyTables(db), async () => {
    const disposition = classifyRevision(imported.manifest, imported.manifestSha256, await latestRevision(db, imported.seriesId));
    if (!disposition.ok) return disposition;
    const previous = disposition.value.kind === 'supersedes' ? disposition.value.previous : null;
    const at = ctx.now.toISOString();
    const received = (reviewId: string): ReceivedPackageRecord => ({
      manifestSha256: imported.manifestSha256,
      packageId: imported.manifest.packageId,
      seriesId: imported.seriesId,
      revision: imported.manifest.revision,
      type: imported.manifest.type,
      senderKeyId: imported.manifest.sender.keyId,
      // The name the device trusts for the key (roster or card), never only what the manifest says.
      senderName: imported.senderName,
      reviewId,
      receivedAt: at,
      supersededBy: null,
      bytes,
    });
    const store = async (record: ReceivedPackageRecord) => {
      if (previous) await db.receivedPackages.update(previous.manifestSha256, { supersededBy: record.manifestSha256 });
      await db.receivedPackages.add(record);
    };

    if (imported.type === 'assignment') {
      const applied = await applyAssignment(db, imported.content, imported.manifest.revision, imported.manifestSha256, ctx);
      if (!applied.ok) return applied;
      await store(received(applied.value.reviewId));
      return ok({ ...applied.value, revision: imported.manifest.revision, superseded: previous !== null });
    }
    if (imported.type === 'scoresheet') {
      const applied = await applyScoresheet(db, imported, bytes, ctx);
      if (!applied.ok) return applied;
      await store(received(applied.value.reviewId));
      return ok({ ...applied.value, revision: imported.manifest.revision, superseded: previous !== null });
    }
    return refuse('wrong-type', `a ${imported.type} package cannot be applied here`);
  });
}

async function applyAssignment(db: ZqaDatabase, content: AssignmentContent, revision: number, manifestSha256: string, ctx: ApplyContext) {
  const me = content.panel.members.find((m) => m.keyId === ctx.deviceKeyId);
  if (!me) return refuse('not-a-recipient', `the assignment's roster does not name this device's key ${ctx.deviceKeyId}`);
  const review = reviewAssignmentFromContent(content);
  if (!review.ok) return refuse('content-invalid', review.error);
  const reviewId = reviewIdOf(content);
  // A review is kept per panel id: an assignment reusing a held panel id for another cycle or
  // applicant would put this review's scores under someone else, so it is refused instead.
  const held = await db.panelAssignments.get(reviewId);
  if (held && (held.content.cycle.id !== content.cycle.id || held.content.applicant.id !== content.applicant.id)) {
    return refuse('wrong-subject', `an assignment for cycle ${content.cycle.id}, applicant ${content.applicant.id}; this device holds panel ${content.panel.id} for cycle ${held.content.cycle.id}, applicant ${held.content.applicant.id}`);
  }
  const leader = content.panel.members.find((m) => m.role === 'leader');
  if (!leader) return refuse('content-invalid', 'the roster names no leader');
  const at = ctx.now.toISOString();
  await db.panelAssignments.put({ reviewId, panelId: content.panel.id, leaderKeyId: leader.keyId, revision, manifestSha256, content, receivedAt: at });
  const existing = await db.reviews.get(reviewId);
  // A newer revision updates what the secretariat sent; the expert's own work stays.
  if (existing) await db.reviews.put({ ...existing, assignment: review.value, updatedAt: at, updatedBy: ctx.deviceKeyId });
  else await addReviewFromAssignment(db, review.value, me.keyId, ctx.now);
  return ok({ type: 'assignment' as const, reviewId, applicantName: content.applicant.name });
}

async function applyScoresheet(db: ZqaDatabase, imported: ImportedPackage & { type: 'scoresheet' }, bytes: Uint8Array, ctx: ApplyContext) {
  const panelId = imported.manifest.subject.panelId ?? '';
  const content: ScoresheetContent = imported.content;
  // Filed under the review of exactly its cycle, applicant and panel (the importer bound it).
  const assignment = (await db.panelAssignments.where('panelId').equals(panelId).toArray()).find((a) => samePanelSubject(subjectOfAssignment(a.content), content));
  if (!assignment || assignment.leaderKeyId !== ctx.deviceKeyId) {
    return refuse('wrong-type', `this device does not lead panel ${panelId}: only the panel leader imports members' scoresheets`);
  }
  const member = assignment.content.panel.members.find((m) => m.keyId === imported.manifest.sender.keyId);
  if (!member) return refuse('untrusted-signer', `${imported.manifest.sender.name} is not on panel ${panelId}`);
  if (content.criteriaSetId !== assignment.content.criteriaSet.id) {
    return refuse('content-invalid', `scored against criteria set ${content.criteriaSetId}, the panel uses ${assignment.content.criteriaSet.id}`);
  }
  const attachments: Record<string, Blob> = {};
  for (const a of content.attachments) {
    const data = imported.blobs.get(a.entry);
    if (!data) return refuse('entry-missing', `attachment ${a.id} (${a.entry}) was not opened`);
    attachments[a.id] = new Blob([new Uint8Array(data)], { type: a.mediaType });
  }
  const record: MemberScoresheetRecord = {
    reviewId: assignment.reviewId,
    memberKeyId: member.keyId,
    memberName: member.name,
    revision: imported.manifest.revision,
    manifestSha256: imported.manifestSha256,
    content,
    attachments,
    packageBytes: bytes,
    receivedAt: ctx.now.toISOString(),
  };
  const older = await db.memberScoresheets.get([record.reviewId, record.memberKeyId]);
  // Checked by the importer too; again here, inside the transaction, against what is stored now.
  const rewritten = older ? historyExtensionProblem(older.content.history, content.history) : null;
  if (rewritten) return refuse('history-rewritten', `${member.name}'s scoresheet revision ${record.revision}: ${rewritten}`);
  if (older) await db.memberScoresheetHistory.put(older);
  await db.memberScoresheets.put(record);
  return ok({ type: 'scoresheet' as const, reviewId: record.reviewId, memberKeyId: member.keyId, memberName: member.name });
}
