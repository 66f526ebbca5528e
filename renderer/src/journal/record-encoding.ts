import { encodePortable, type BinaryValue, type PortableJson, type PortableTag } from '../../../shared/backup/portable-value.js';
import { blobRefTag, type JournalOp } from '../../../shared/journal/journal-record.js';
import { bs } from '../../../shared/crypto/buffer-source.js';
import { sha256Hex } from '../../../shared/util/bytes.js';

/**
 * Turns what a transaction asked IndexedDB to do into journal ops, at the moment it asks
 * (so a row changed by the page afterwards is journaled as it was stored). Blobs and byte
 * arrays become blob references whose SHA-256 is filled in before the record is sent
 * (hashing is asynchronous, the capture is not).
 */
export interface PendingBinary {
  tag: PortableTag;
  binary: BinaryValue;
}

export class OpEncoder {
  readonly binaries: PendingBinary[] = [];

  key(key: unknown): PortableJson {
    return encodePortable(key, () => {
      throw new Error('a binary key cannot be journaled');
    });
  }

  value(value: unknown, path: string): PortableJson {
    return encodePortable(
      value,
      (binary) => {
        const size = binary.kind === 'blob' ? binary.value.size : binary.value.byteLength;
        const tag = blobRefTag({ sha256: '', size, kind: binary.kind, type: binary.kind === 'blob' ? binary.value.type : '' });
        this.binaries.push({ tag, binary });
        return tag;
      },
      path,
    );
  }
}

export interface HashedBinary {
  sha256: string;
  /** The bytes, read to hash them; sent when the host may not have them. */
  bytes: Uint8Array<ArrayBuffer>;
}

// The same Blob or array journaled again (a row rewritten) is not read and hashed again.
const hashed = new WeakMap<object, string>();

export async function bytesOf(binary: BinaryValue): Promise<Uint8Array<ArrayBuffer>> {
  if (binary.kind === 'blob') return new Uint8Array(await binary.value.arrayBuffer());
  if (binary.kind === 'bytes') return bs(binary.value);
  return new Uint8Array(binary.value);
}

/**
 * Fills in every pending blob reference's SHA-256; returns the bytes of those `known` does
 * not have (the host's blob store does not have them as far as this page knows).
 */
export async function hashBinaries(pending: readonly PendingBinary[], known: ReadonlySet<string>): Promise<HashedBinary[]> {
  const out = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const { tag, binary } of pending) {
    let sha256 = hashed.get(binary.value);
    if (sha256 === undefined || !known.has(sha256)) {
      const bytes = await bytesOf(binary);
      sha256 ??= await sha256Hex(bytes);
      hashed.set(binary.value, sha256);
      if (!known.has(sha256)) out.set(sha256, bytes);
    }
    tag['sha256'] = sha256;
  }
  return [...out].map(([sha256, bytes]) => ({ sha256, bytes }));
}

/** An op in request order, kept only once IndexedDB has carried it out, with its binaries. */
export interface CapturedOp {
  order: number;
  op: JournalOp;
  binaries: PendingBinary[];
}
