import { bs, randomBytes } from '../../crypto/buffer-source.js';

/**
 * Format version 3's encrypted entries (docs/package-format.md §4): the plaintext is cut into
 * chunks of CHUNK_BYTES (the last one shorter; an empty entry is one empty chunk), each sealed
 * on its own as `IV (12 random bytes) ‖ ciphertext ‖ tag (16 bytes)` under the content key.
 * The additional authenticated data names the entry, the chunk's index and whether it is the
 * last, so a chunk cannot be moved to another place or entry, and an entry cut at a chunk
 * boundary (or lengthened past its last chunk) does not decrypt. Each chunk is decrypted and
 * checked before the one after is used (at most one is read ahead): memory stays at two
 * chunks whatever the entry's size.
 */
export const CHUNK_BYTES = 1024 * 1024;
export const CHUNK_IV_BYTES = 12;
const TAG_BYTES = 16;
export const CHUNK_OVERHEAD = CHUNK_IV_BYTES + TAG_BYTES;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + CHUNK_OVERHEAD;
const AAD_CONTEXT = new TextEncoder().encode('zqa-package/3 chunk');

/** How many chunks a plaintext of this length is cut into. */
function chunkCount(plainBytes: number): number {
  return Math.max(1, Math.ceil(plainBytes / CHUNK_BYTES));
}

/** The stored (sealed) size of a plaintext of this length: known before anything is encrypted. */
export function sealedSize(plainBytes: number): number {
  return plainBytes + chunkCount(plainBytes) * CHUNK_OVERHEAD;
}

export interface ChunkLayout {
  count: number;
  /** Stored bytes of each chunk but the last. */
  sealedChunkBytes: number;
  lastSealedBytes: number;
  plainBytes: number;
}

/**
 * The chunks a stored entry of this size must hold, or why no writer of the format could
 * have made it (a last chunk shorter than its IV and tag, or an empty chunk after full ones).
 */
export function chunkLayout(storedBytes: number): ChunkLayout | string {
  const count = Math.max(1, Math.ceil(storedBytes / SEALED_CHUNK_BYTES));
  const lastSealedBytes = storedBytes - (count - 1) * SEALED_CHUNK_BYTES;
  if (lastSealedBytes < CHUNK_OVERHEAD) return `${storedBytes} stored bytes end in a chunk of ${lastSealedBytes} bytes, shorter than its IV and tag (${CHUNK_OVERHEAD})`;
  if (count > 1 && lastSealedBytes === CHUNK_OVERHEAD) return `${storedBytes} stored bytes end in an empty chunk after full ones`;
  return { count, sealedChunkBytes: SEALED_CHUNK_BYTES, lastSealedBytes, plainBytes: storedBytes - count * CHUNK_OVERHEAD };
}

/**
 * Seals and opens the chunks of one package under its content key. The portable one is
 * WebCrypto's (webCryptoChunkCipher); a host with a native AES-GCM that can be fed a chunk in
 * pieces passes its own (Node: node/node-chunk-cipher.ts), because WebCrypto allocates a
 * fresh buffer the size of every chunk for its input copy and its output, and at 1.5 GB those
 * allocations cost more than the cipher itself. Both give and take the same bytes.
 */
export interface ChunkCipher {
  /** `IV ‖ ciphertext ‖ tag` of one chunk, in pieces whose concatenation is the stored chunk. */
  seal(entry: string, index: number, last: boolean, plain: Uint8Array): Promise<Uint8Array[]>;
  /** The chunk's plaintext in pieces, or null when its tag does not verify for this entry, place and finality. */
  open(entry: string, index: number, last: boolean, sealed: Uint8Array): Promise<Uint8Array[] | null>;
}

/** Makes the cipher of one package from its raw 32-byte content key. */
export type ChunkCipherFactory = (contentKey: Uint8Array) => Promise<ChunkCipher>;

/** The additional authenticated data of chunk `index` of `entry` (§4): context, name, index, last flag. */
export function chunkAad(entry: string, index: number, last: boolean): Uint8Array {
  const name = new TextEncoder().encode(entry);
  const aad = new Uint8Array(AAD_CONTEXT.length + 1 + name.length + 1 + 5);
  aad.set(AAD_CONTEXT);
  aad.set(name, AAD_CONTEXT.length + 1);
  const view = new DataView(aad.buffer);
  const at = AAD_CONTEXT.length + 1 + name.length + 1;
  view.setUint32(at, index);
  aad[at + 4] = last ? 1 : 0;
  return aad;
}

/** Splits a stored chunk into its IV, its ciphertext and its tag (the caller checked it is at least CHUNK_OVERHEAD long). */
export function splitSealedChunk(sealed: Uint8Array): { iv: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array } {
  return { iv: sealed.subarray(0, CHUNK_IV_BYTES), ciphertext: sealed.subarray(CHUNK_IV_BYTES, sealed.length - TAG_BYTES), tag: sealed.subarray(sealed.length - TAG_BYTES) };
}

/** The portable chunk cipher: WebCrypto's AES-256-GCM, one call per chunk. */
export const webCryptoChunkCipher: ChunkCipherFactory = async (raw) => {
  const sealKey = crypto.subtle.importKey('raw', bs(raw), 'AES-GCM', false, ['encrypt']);
  const openKey = crypto.subtle.importKey('raw', bs(raw), 'AES-GCM', false, ['decrypt']);
  await Promise.all([sealKey, openKey]);
  return {
    async seal(entry, index, last, plain) {
      const iv = randomBytes(CHUNK_IV_BYTES);
      const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: bs(iv), additionalData: bs(chunkAad(entry, index, last)) }, await sealKey, bs(plain)));
      return [iv, ct];
    },
    async open(entry, index, last, sealed) {
      try {
        const params = { name: 'AES-GCM', iv: bs(sealed.subarray(0, CHUNK_IV_BYTES)), additionalData: bs(chunkAad(entry, index, last)) };
        return [new Uint8Array(await crypto.subtle.decrypt(params, await openKey, bs(sealed.subarray(CHUNK_IV_BYTES))))];
      } catch {
        return null;
      }
    },
  };
};
