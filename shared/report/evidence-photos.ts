import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { imageSize } from './image-size.js';

/**
 * The report's appendix of evidence photos (现场证据照片): each photo with its caption, the
 * item and the observation it supports, embedded at print size. A photo already small enough
 * (a JPEG or PNG of at most PRINT_MAX_BYTES and PRINT_MAX_EDGE pixels) goes in as it is, the
 * same bytes on every host; a larger one goes through the host's downscaler (the renderer
 * draws it on a canvas, the command line decodes it in JavaScript), or is listed without its
 * image when there is none — 50 full-size photos would make a PDF of 100 MB or more.
 */
const PRINT_MAX_EDGE = 1600;
const PRINT_MAX_BYTES = 160 * 1024;
/** What a downscaler aims at: 1024 px on the long edge prints sharp at the appendix's size. */
export const PRINT_TARGET_EDGE = 1024;

export interface PrintImage {
  bytes: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/** The host's way to make a print-size JPEG of a photo (long edge PRINT_TARGET_EDGE); null when it cannot read it. */
export type DownscalePhoto = (bytes: Uint8Array, mediaType: string) => Promise<PrintImage | null>;

export interface EvidencePhoto {
  memberId: string;
  itemId: string | null;
  caption: string;
  /** The observation it was filed with, as the member wrote it. */
  observation: string | null;
  fileName: string;
  /** Null when the photo could not be made print-size; `omitted` says why. */
  image: PrintImage | null;
  omitted?: string | undefined;
}

/** The photo as it is, when it is already print-size; otherwise null. */
export function asPrintImage(bytes: Uint8Array): PrintImage | null {
  const size = imageSize(bytes);
  if (!size || bytes.length > PRINT_MAX_BYTES || Math.max(size.width, size.height) > PRINT_MAX_EDGE || size.width === 0 || size.height === 0) return null;
  return { bytes, mediaType: size.format === 'jpeg' ? 'image/jpeg' : 'image/png', width: size.width, height: size.height };
}

export async function printImage(bytes: Uint8Array, mediaType: string, downscale: DownscalePhoto | null): Promise<{ image: PrintImage | null; omitted?: string }> {
  const size = imageSize(bytes);
  if (size && Math.min(size.width, size.height) < 64) return { image: null, omitted: `图片仅${size.width}×${size.height}像素，无法打印` };
  const direct = asPrintImage(bytes);
  if (direct) return { image: direct };
  if (!downscale) return { image: null, omitted: '原图尺寸过大，未嵌入本报告（原图见该成员评分表附件）' };
  const scaled = await downscale(bytes, mediaType);
  return scaled ? { image: scaled } : { image: null, omitted: '图片格式无法读取，未嵌入本报告（原图见该成员评分表附件）' };
}

/** Where a scoresheet's attachment bytes are: the leader's store, or a package's blobs. */
export type AttachmentBytes = (memberKeyId: string, attachmentId: string) => Promise<Uint8Array | null>;

/**
 * Every photo in the members' scoresheets, in roster order then as filed: captioned with the
 * member's caption (or the observation it belongs to, or its file name), linked to its item
 * and observation.
 */
export async function collectEvidencePhotos(
  sheets: readonly ScoresheetContent[],
  bytesOf: AttachmentBytes,
  downscale: DownscalePhoto | null,
): Promise<EvidencePhoto[]> {
  const photos: EvidencePhoto[] = [];
  for (const sheet of sheets) {
    for (const a of sheet.attachments) {
      if (!a.mediaType.startsWith('image/')) continue;
      const observation = sheet.observations.find((o) => o.attachmentIds.includes(a.id)) ?? null;
      const bytes = await bytesOf(sheet.expertKeyId, a.id);
      // An icon or a stand-in of a few pixels is no evidence photo: left to the scoresheet.
      const size = bytes ? imageSize(bytes) : null;
      if (size && Math.min(size.width, size.height) < 64) continue;
      const prepared = bytes ? await printImage(bytes, a.mediaType, downscale) : { image: null, omitted: '照片文件缺失' };
      photos.push({
        memberId: sheet.expertKeyId,
        itemId: a.itemId ?? observation?.itemId ?? null,
        caption: a.caption?.trim() || observation?.text || a.fileName,
        observation: observation?.text ?? null,
        fileName: a.fileName,
        ...prepared,
      });
    }
  }
  return photos;
}
