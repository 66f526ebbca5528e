import { PRINT_TARGET_EDGE, type AttachmentBytes, type DownscalePhoto, type PrintImage } from '../../../shared/report/evidence-photos.js';
import type { ZqaDatabase } from '../db/database.js';

/**
 * The report's photo ports on this device (shared/report/evidence-photos.ts): the members'
 * photos as the leader's store keeps them, and a downscaler that lets Chromium decode and
 * draw a photo too large to print as it is (native, some ten milliseconds a photo).
 */
export function storedAttachments(db: ZqaDatabase, reviewId: string): AttachmentBytes {
  return async (memberKeyId, attachmentId) => {
    const sheet = await db.memberScoresheets.get([reviewId, memberKeyId]);
    const blob = sheet?.attachments[attachmentId];
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  };
}

export const canvasDownscale: DownscalePhoto = async (bytes, mediaType) => {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }), { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  const scale = Math.min(1, PRINT_TARGET_EDGE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.72 });
  const image: PrintImage = { bytes: new Uint8Array(await jpeg.arrayBuffer()), mediaType: 'image/jpeg', width, height };
  return image;
};
