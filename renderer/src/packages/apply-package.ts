import { packageError, type PackageError } from '../../../shared/packages/errors.js';
import { classifyRevision } from '../../../shared/packages/revision.js';
import { historyExtensionProblem } from '../../../shared/packages/score-history.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import type { Received } from '../../../shared/workflow/received.js';
import type { ReceivedAssignment } from '../../../shared/workflow/receive-assignment.js';
import type { ReceivedScoresheet } from '../../../shared/workflow/receive-scoresheet.js';
import { addReviewFromAssignment } from '../db/add-review.js';
import type { ZqaDatabase } from '../db/database.js';
import { reviewAssignmentFromContent, reviewIdOf } from './assignment-review.js';
import type { MemberScoresheetRecord, ReceivedPackageRecord } from '../db/package-records.js';
import { latestRevision } from './trust-from-db.js';

/**
 * The last step of an expert's or a leader's import: keeps what the shared receive steps
 * accepted (shared/workflow/receive-assignment.ts, receive-scoresheet.ts) in ONE transaction,
 * with the original package as the Blob it was read from (never copied into the page's memory). Every refusal is decided before the first write, so a
 * refused package leaves the database exactly as it was; a write that fails aborts the whole
 * transaction. The revision is checked again inside the transaction, so two imports racing
 * cannot both land.
 */
export interface ApplyContext {
  /** This device's signing key id: who the edit is recorded as. */
  deviceKeyId: string;
  now: Date;
}

export interface AssignmentOutcome {
  type: 'assignment';
  reviewId: string;
  applicantName: string;
  revision: number;
  superseded: boolean;
}

export interface ScoresheetOutcome {
  type: 'scoresheet';
  reviewId: string;
  memberKeyId: string;
  memberName: string;
  revision: number;
  superseded: boolean;
}

const refuse = (code: PackageError['code'], detail: string) => err(packageError(code, detail));

/** Every table an import may write: the apply step's one transaction spans them all. */
function applyTables(db: ZqaDatabase) {
  return [db.receivedPackages, db.panelAssignments, db.reviews, db.memberScoresheets, db.memberScoresheetHistory];
}

/**
 * In one transaction: the revision checked again, then `write` (which refuses before its first
 * write, or writes), then the package recorded (superseding its predecessor).
 */
async function keep<T>(db: ZqaDatabase, received: Pick<Received<'assignment' | 'scoresheet'>, 'manifest' | 'manifestSha256' | 'seriesId' | 'senderName'>, file: Blob, reviewId: string, ctx: ApplyContext, write: () => Promise<Result<T, PackageError>>): Promise<Result<T & { revision: number; superseded: boolean }, PackageError>> {
  return db.transaction('rw', applyTables(db), async () => {
    const disposition = classifyRevision(received.manifest, received.manifestSha256, await latestRevision(db, received.seriesId));
    if (!disposition.ok) return disposition;
    const previous = disposition.value.kind === 'supersedes' ? disposition.value.previous : null;
    const written = await write();
    if (!written.ok) return written;
    const record: ReceivedPackageRecord = {
      manifestSha256: received.manifestSha256,
      packageId: received.manifest.packageId,
      seriesId: received.seriesId,
      revision: received.manifest.revision,
      type: received.manifest.type,
      senderKeyId: received.manifest.sender.keyId,
      // The name the device trusts for the key (roster or card), never only what the manifest says.
      senderName: received.senderName,
      reviewId,
      receivedAt: ctx.now.toISOString(),
      supersededBy: null,
      bytes: file,
    };
    if (previous) await db.receivedPackages.update(previous.manifestSha256, { supersededBy: record.manifestSha256 });
    await db.receivedPackages.add(record);
    return ok({ ...written.value, revision: received.manifest.revision, superseded: previous !== null });
  });
}

/** The assignment, its roster, and the review it opens (a newer revision keeps the expert's own work). */
export async function applyAssignment(db: ZqaDatabase, r: ReceivedAssignment, file: Blob, ctx: ApplyContext): Promise<Result<AssignmentOutcome, PackageError>> {
  const { content, manifest, manifestSha256 } = r.received;
  const review = reviewAssignmentFromContent(content);
  if (!review.ok) return refuse('content-invalid', review.error);
  const reviewId = reviewIdOf(content);
  const at = ctx.now.toISOString();
  return keep(db, r.received, file, reviewId, ctx, async () => {
    await db.panelAssignments.put({ reviewId, panelId: content.panel.id, leaderKeyId: r.leader.keyId, revision: manifest.revision, manifestSha256, content, receivedAt: at });
    const existing = await db.reviews.get(reviewId);
    if (existing) await db.reviews.put({ ...existing, assignment: review.value, updatedAt: at, updatedBy: ctx.deviceKeyId });
    else await addReviewFromAssignment(db, review.value, r.me.keyId, ctx.now);
    return ok({ type: 'assignment' as const, reviewId, applicantName: content.applicant.name });
  });
}

/**
 * A member's scoresheet as the latest of that member, with its attachments (the Blobs the
 * streamed import made, stored as they are); the older one kept in history.
 */
export async function applyScoresheet(db: ZqaDatabase, r: ReceivedScoresheet<Blob>, file: Blob, ctx: ApplyContext): Promise<Result<ScoresheetOutcome, PackageError>> {
  const { content, manifest, manifestSha256, blobs } = r.received;
  const attachments: Record<string, Blob> = {};
  for (const a of content.attachments) {
    const data = blobs.get(a.entry);
    if (!data) return refuse('entry-missing', `attachment ${a.id} (${a.entry}) was not opened`);
    attachments[a.id] = data;
  }
  const record: MemberScoresheetRecord = {
    reviewId: r.reviewId,
    memberKeyId: r.member.keyId,
    memberName: r.member.name,
    revision: manifest.revision,
    manifestSha256,
    content,
    attachments,
    packageBytes: file,
    receivedAt: ctx.now.toISOString(),
  };
  return keep(db, r.received, file, r.reviewId, ctx, async () => {
    const older = await db.memberScoresheets.get([record.reviewId, record.memberKeyId]);
    // Checked by the importer too; again here, inside the transaction, against what is stored now.
    const rewritten = older ? historyExtensionProblem(older.content.history, content.history) : null;
    if (rewritten) return refuse('history-rewritten', `${r.member.name}'s scoresheet revision ${record.revision}: ${rewritten}`);
    if (older) await db.memberScoresheetHistory.put(older);
    await db.memberScoresheets.put(record);
    return ok({ type: 'scoresheet' as const, reviewId: record.reviewId, memberKeyId: r.member.keyId, memberName: r.member.name });
  });
}
