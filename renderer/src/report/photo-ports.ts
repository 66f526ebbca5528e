import { PRINT_TARGET_EDGE, type AttachmentBytes, type DownscalePhoto, type PrintImage } from '../../../shared/report/evidence-photos.js';
import type { ZqaDatabase } from '../db/database.js';
import { downscaleImage } from '../ui/image/downscale-image.js';

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

/** Print quality: a photo in the report needs less than one on screen. */
const PRINT_JPEG_QUALITY = 0.72;

export const canvasDownscale: DownscalePhoto = async (bytes, mediaType) => {
  const image = await downscaleImage(bytes, mediaType, PRINT_TARGET_EDGE, PRINT_JPEG_QUALITY);
  if (!image) return null;
  const print: PrintImage = { bytes: image.bytes, mediaType: image.mediaType, width: image.width, height: image.height };
  return print;
};
