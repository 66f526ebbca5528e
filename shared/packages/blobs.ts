import { sha256Hex } from '../util/bytes.js';
import type { BlobRef } from './content/common.js';

export interface BlobFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface PreparedBlob {
  ref: BlobRef;
  bytes: Uint8Array;
}

/** The entry name of the n-th file (from 1): names say nothing of the files. */
export const blobEntryName = (n: number): string => `blobs/${String(n).padStart(4, '0')}`;

/**
 * Numbers files as `blobs/0001`, `blobs/0002`… and computes the plaintext SHA-256 and size
 * the content refers to them by. Names do not reveal the files: only the content, which is
 * encrypted, says what each one is.
 */
export async function prepareBlobs(files: readonly BlobFile[], firstNumber = 1): Promise<PreparedBlob[]> {
  const out: PreparedBlob[] = [];
  for (const [i, f] of files.entries()) {
    const entry = blobEntryName(firstNumber + i);
    out.push({ ref: { entry, fileName: f.fileName, mediaType: f.mediaType, size: f.bytes.length, sha256: await sha256Hex(f.bytes) }, bytes: f.bytes });
  }
  return out;
}
