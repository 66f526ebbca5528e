import { err, ok, type Result } from '../../util/result.js';
import { packageError, type PackageError } from '../errors.js';
import { chunkLayout, CHUNK_BYTES, type ChunkCipher, type ChunkLayout } from './chunk-cipher.js';

/**
 * One encrypted entry of format version 3, opened chunk by chunk. `readSealed(offset, length)`
 * gives stored bytes of the entry (a view in memory, or a read from a file); each chunk's
 * plaintext goes to `put` (in the cipher's pieces) as soon as its tag verifies, so no more than one chunk is held.
 * A tag that fails is diagnosed once: if the chunk opens with the other "last chunk" flag,
 * the entry was cut at a chunk boundary or lengthened past its last chunk (`chunk-count-wrong`);
 * else the chunk was altered, moved or taken from another entry (`decrypt-failed`).
 */
export async function openSealedEntry(
  cipher: ChunkCipher,
  entry: string,
  storedBytes: number,
  readSealed: (offset: number, length: number) => Promise<Uint8Array>,
  put: (plain: Uint8Array) => Promise<void> | void,
): Promise<Result<ChunkLayout, PackageError>> {
  const layout = sealedLayout(entry, storedBytes);
  if (!layout.ok) return layout;
  const { count, sealedChunkBytes, lastSealedBytes } = layout.value;
  const readChunk = (i: number) => readSealed(i * sealedChunkBytes, i === count - 1 ? lastSealedBytes : sealedChunkBytes);
  // The next chunk is read while this one is opened (the read and the cipher overlap); two
  // chunks at most are held.
  let ahead = readChunk(0);
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const sealed = await ahead;
    if (!last) ahead = readChunk(i + 1);
    const plain = await cipher.open(entry, i, last, sealed);
    if (!plain) {
      ahead.catch(() => undefined); // a read ahead that is no longer wanted
      const otherFlag = await cipher.open(entry, i, !last, sealed);
      if (otherFlag) {
        const why = last ? 'is not marked as the last: the entry was cut short at a chunk boundary' : 'is marked as the last, but more chunks follow';
        return err(packageError('chunk-count-wrong', `"${entry}": chunk ${i + 1} of ${count} ${why}`));
      }
      return err(packageError('decrypt-failed', `"${entry}": chunk ${i + 1} of ${count} does not decrypt (altered, moved, or from another entry)`));
    }
    for (const piece of plain) await put(piece);
  }
  return ok(layout.value);
}

export function sealedLayout(entry: string, storedBytes: number): Result<ChunkLayout, PackageError> {
  const layout = chunkLayout(storedBytes);
  return typeof layout === 'string' ? err(packageError('chunk-malformed', `"${entry}": ${layout}`)) : ok(layout);
}

/**
 * Seals `plainBytes` bytes of plaintext, read a chunk at a time by `readPlain`, passing each
 * sealed chunk (in the cipher's pieces) to `put`. The writer's half of openSealedEntry.
 */
export async function sealEntry(
  cipher: ChunkCipher,
  entry: string,
  plainBytes: number,
  readPlain: (offset: number, length: number) => Promise<Uint8Array>,
  put: (sealed: Uint8Array[], plain: Uint8Array) => Promise<void>,
): Promise<void> {
  const count = Math.max(1, Math.ceil(plainBytes / CHUNK_BYTES));
  const readChunk = (i: number) => readPlain(i * CHUNK_BYTES, Math.min(CHUNK_BYTES, plainBytes - i * CHUNK_BYTES));
  let ahead = readChunk(0);
  for (let i = 0; i < count; i++) {
    const plain = await ahead;
    if (i < count - 1) ahead = readChunk(i + 1);
    await put(await cipher.seal(entry, i, i === count - 1, plain), plain);
  }
}
