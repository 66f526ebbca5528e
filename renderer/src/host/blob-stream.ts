import type { BlobRef } from '../../../shared/packages/content/common.js';
import type { ByteSink, ByteSource } from '../../../shared/packages/stream/byte-io.js';
import type { AttachmentStore } from '../../../shared/packages/stream/import-package-stream.js';

/**
 * The browser's side of streamed packages (shared/packages/stream/): a picked File read a
 * slice at a time, and decrypted attachments kept as Blobs, so a 1.5 GB package never sits
 * whole in the page's memory.
 */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset, length) {
      const bytes = new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
      if (bytes.length !== length) throw new Error(`read ${bytes.length} of ${length} bytes at ${offset}`);
      return bytes;
    },
  };
}

/**
 * A package written into a Blob, for the app to keep what it saved (the leader's own
 * scoresheet). Appending or patching makes a new Blob of references to the old one's slices and
 * the new bytes, never a copy of what was written, so the page holds no more than a chunk.
 */
export class BlobSink implements ByteSink {
  private kept = new Blob([]);

  write(bytes: Uint8Array): Promise<void> {
    this.kept = new Blob([this.kept, bytes as Uint8Array<ArrayBuffer>]);
    return Promise.resolve();
  }

  writeAt(offset: number, bytes: Uint8Array): Promise<void> {
    const end = offset + bytes.length;
    if (offset < 0 || end > this.kept.size) return Promise.reject(new Error(`patch at ${offset} is outside the ${this.kept.size} bytes written`));
    this.kept = new Blob([this.kept.slice(0, offset), bytes as Uint8Array<ArrayBuffer>, this.kept.slice(end)]);
    return Promise.resolve();
  }

  get blob(): Blob {
    return this.kept;
  }
}

/**
 * Each attachment as a Blob of its media type, grown a chunk at a time: a Blob made of a
 * Blob and a chunk refers to the first rather than copying it (Chromium keeps large ones on
 * disk), so the page holds one chunk, not the attachment. Ready for the database when the
 * whole package has passed; dropped otherwise.
 */
export function blobAttachmentStore(): AttachmentStore<Blob> {
  return {
    begin(ref: BlobRef) {
      let blob: Blob | null = new Blob([], { type: ref.mediaType });
      return {
        write(plain) {
          if (!blob) return Promise.reject(new Error(`${ref.entry} was discarded`));
          blob = new Blob([blob, plain as Uint8Array<ArrayBuffer>], { type: ref.mediaType });
          return Promise.resolve();
        },
        finish: () => (blob ? Promise.resolve(blob) : Promise.reject(new Error(`${ref.entry} was discarded`))),
        discard() {
          blob = null;
          return Promise.resolve();
        },
      };
    },
  };
}
