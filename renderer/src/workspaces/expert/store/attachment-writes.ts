import { sha256Hex } from '../../../../../shared/util/bytes.js';
import type { AttachmentRecord } from '../../../db/records.js';
import { cleanText, ReviewWriteError, stamp, type WriteContext } from './write-context.js';

/** One photo or document; larger evidence belongs in the applicant's own archive. */
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export async function addAttachment(ctx: WriteContext, reviewId: string, itemId: string, file: { name: string; type: string; blob: Blob }): Promise<string> {
  const name = cleanText(file.name, 'the file name', 255, true);
  if (file.blob.size === 0) throw new ReviewWriteError(`${name} is empty`);
  if (file.blob.size > MAX_ATTACHMENT_BYTES) {
    throw new ReviewWriteError(`${name} is ${file.blob.size} bytes; an attachment may have at most ${MAX_ATTACHMENT_BYTES}`);
  }
  // Hash before the transaction: reading a Blob is not IndexedDB work and would end it.
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const type = file.type || 'application/octet-stream';
  const s = stamp(ctx);
  const record: AttachmentRecord = {
    id: crypto.randomUUID(),
    reviewId,
    itemId,
    name,
    type,
    size: bytes.byteLength,
    sha256,
    // Stored from the bytes just hashed, so the hash is of exactly what is kept.
    blob: new Blob([bytes], { type }),
    createdAt: s.updatedAt,
    createdBy: ctx.actor,
    ...s,
  };
  const { db } = ctx;
  await db.transaction('rw', [db.reviews, db.attachments], async () => {
    if (!(await db.reviews.get(reviewId))) throw new ReviewWriteError(`review ${reviewId} does not exist`);
    await db.attachments.add(record);
  });
  return record.id;
}

export async function deleteAttachment(ctx: WriteContext, attachmentId: string): Promise<void> {
  // Explicit, like deleteNote: shown deleted only once journaled and committed.
  await ctx.db.transaction('rw', ctx.db.attachments, () => ctx.db.attachments.delete(attachmentId));
}

/** The photo's caption, as the expert types it (saved as it is typed, like every note). */
export async function setAttachmentCaption(ctx: WriteContext, attachmentId: string, caption: string): Promise<void> {
  const clean = cleanText(caption, 'the caption', 500, false);
  const { db } = ctx;
  await db.transaction('rw', db.attachments, async () => {
    if (!(await db.attachments.get(attachmentId))) throw new ReviewWriteError(`attachment ${attachmentId} does not exist`);
    await db.attachments.update(attachmentId, { caption: clean, ...stamp(ctx) });
  });
}

/**
 * Which site observation of the item the photo supports (null: the item as a whole). Only an
 * observation of the same review and item can be named, so a photo never points elsewhere.
 */
export async function setAttachmentObservation(ctx: WriteContext, attachmentId: string, observationId: string | null): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.attachments, db.notes], async () => {
    const attachment = await db.attachments.get(attachmentId);
    if (!attachment) throw new ReviewWriteError(`attachment ${attachmentId} does not exist`);
    if (observationId !== null) {
      const note = await db.notes.get(observationId);
      if (!note || note.kind !== 'observation' || note.reviewId !== attachment.reviewId || note.itemId !== attachment.itemId) {
        throw new ReviewWriteError(`${observationId} is not a site observation of item ${attachment.itemId}`);
      }
    }
    await db.attachments.update(attachmentId, { observationId: observationId ?? undefined, ...stamp(ctx) });
  });
}
