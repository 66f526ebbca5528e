import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chunkAad, CHUNK_IV_BYTES, splitSealedChunk, type ChunkCipherFactory } from '../shared/packages/stream/chunk-cipher.js';

/**
 * How much of a chunk OpenSSL is given at a time. Each call returns a new buffer of this size:
 * a 64 KiB one comes from the allocator's heap and is reused, while a 1 MiB one (a whole chunk)
 * is mapped fresh from the OS and page-faulted in every time; measured on a 1.5 GB package,
 * whole-chunk calls cost 4.7 s of CPU, 64 KiB pieces under 1 s.
 */
const PIECE_BYTES = 64 * 1024;

/**
 * The chunk cipher of docs/package-format.md §4 on Node's native AES-256-GCM, fed a chunk in
 * pieces. A chunk's plaintext is handed on only after its tag verified (`final`), as the
 * portable WebCrypto cipher does: a refused chunk gives nothing.
 */
export const nodeChunkCipher: ChunkCipherFactory = (raw) => {
  if (raw.length !== 32) return Promise.reject(new Error(`a content key is 32 bytes, not ${raw.length}`));
  const key = Buffer.from(raw);
  return Promise.resolve({
    seal(entry, index, last, plain) {
      const iv = randomBytes(CHUNK_IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      cipher.setAAD(chunkAad(entry, index, last));
      const pieces: Uint8Array[] = [iv];
      for (let at = 0; at < plain.length; at += PIECE_BYTES) pieces.push(cipher.update(plain.subarray(at, at + PIECE_BYTES)));
      pieces.push(cipher.final(), cipher.getAuthTag());
      return Promise.resolve(pieces.filter((p) => p.length > 0));
    },
    open(entry, index, last, sealed) {
      const { iv, ciphertext, tag } = splitSealedChunk(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      decipher.setAAD(chunkAad(entry, index, last));
      decipher.setAuthTag(tag);
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < ciphertext.length; at += PIECE_BYTES) pieces.push(decipher.update(ciphertext.subarray(at, at + PIECE_BYTES)));
      try {
        decipher.final();
      } catch {
        return Promise.resolve(null);
      }
      return Promise.resolve(pieces);
    },
  });
};
