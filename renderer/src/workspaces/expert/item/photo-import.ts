import { downscaleImage } from '../../../ui/image/downscale-image.js';

/**
 * A photo as it is stored: a phone's 4000 × 3000 picture is 3–4 MB, and two hundred of them
 * would make a scoresheet of several hundred megabytes on a USB stick. So a photo whose long
 * edge is over the device's chosen long edge (settings: `photoLongEdge`, 2048 px unless the
 * expert chose otherwise) is scaled down to it and stored as JPEG at PHOTO_JPEG_QUALITY (enough
 * to read a label or a gauge on screen and in print); a smaller photo, any other file, and every
 * photo while the expert asked to keep originals (`keepPhotoOriginals`) are stored exactly as
 * given. The renderer's one downscaler does the work.
 */
export const PHOTO_JPEG_QUALITY = 0.85;
/** The long edges an expert may choose; the default is the settings' (2048 px). */
export const PHOTO_LONG_EDGES = [1600, 2048, 3072, 4096] as const;
const SCALED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface StoredFile {
  name: string;
  type: string;
  blob: Blob;
  /** The photo's size before and after, when it was scaled down. */
  scaled?: { from: [number, number]; to: [number, number] };
}

/** "IMG_0001.PNG" → "IMG_0001.jpg": the name says what the stored bytes are. */
function jpegName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.jpg`;
}

interface PhotoSizing {
  longEdge: number;
  keepOriginal: boolean;
}

export async function photoForStorage(file: File, sizing: PhotoSizing): Promise<StoredFile> {
  const asGiven: StoredFile = { name: file.name, type: file.type, blob: file };
  if (sizing.keepOriginal || !SCALED_TYPES.has(file.type)) return asGiven;
  const image = await downscaleImage(new Uint8Array(await file.arrayBuffer()), file.type, sizing.longEdge, PHOTO_JPEG_QUALITY);
  // Not decodable here (the store keeps it as a file), or small enough already.
  if (!image || Math.max(image.sourceWidth, image.sourceHeight) <= sizing.longEdge) return asGiven;
  return {
    name: jpegName(file.name),
    type: image.mediaType,
    blob: new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mediaType }),
    scaled: { from: [image.sourceWidth, image.sourceHeight], to: [image.width, image.height] },
  };
}
