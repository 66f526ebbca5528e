/**
 * The one downscaler of the renderer: Chromium decodes the photo (EXIF orientation applied),
 * draws it on a canvas no longer than `longEdge` on either side and encodes it as JPEG. Native,
 * some ten milliseconds a photo. The report prints through it (renderer/src/report/photo-ports.ts)
 * and the expert's photos are stored through it (workspaces/expert/item/photo-import.ts).
 * Returns null when the bytes are not an image this browser can decode.
 */
export interface DownscaledImage {
  bytes: Uint8Array;
  mediaType: 'image/jpeg';
  width: number;
  height: number;
  /** The size it was decoded at, before scaling. */
  sourceWidth: number;
  sourceHeight: number;
}

export async function downscaleImage(bytes: Uint8Array, mediaType: string, longEdge: number, quality: number): Promise<DownscaledImage | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }), { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  const sourceWidth = bitmap.width;
  const sourceHeight = bitmap.height;
  const scale = Math.min(1, longEdge / Math.max(sourceWidth, sourceHeight));
  const width = Math.max(1, Math.round(sourceWidth * scale));
  const height = Math.max(1, Math.round(sourceHeight * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) {
    bitmap.close();
    return null;
  }
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  return { bytes: new Uint8Array(await jpeg.arrayBuffer()), mediaType: 'image/jpeg', width, height, sourceWidth, sourceHeight };
}
