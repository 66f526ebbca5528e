import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeChunkCipher } from '../../node/node-chunk-cipher.js';
import { CHUNK_BYTES, CHUNK_OVERHEAD, webCryptoChunkCipher, type ChunkCipher } from '../../shared/packages/stream/chunk-cipher.js';
import { concatBytes } from '../../shared/util/bytes.js';

// Compared as Buffers: vitest's toEqual walks a megabyte element by element.
const same = (pieces: Uint8Array[] | null, plain: Uint8Array) => pieces !== null && Buffer.from(concatBytes(pieces)).equals(Buffer.from(plain));

describe("Node's chunk cipher and the portable WebCrypto one make and open the same chunks", () => {
  const key = new Uint8Array(randomBytes(32));
  const sizes = [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, CHUNK_BYTES - 3, CHUNK_BYTES];

  for (const [from, to] of [['node', 'web'], ['web', 'node']] as const) {
    it(`sealed by ${from}, opened by ${to}, at every piece boundary`, async () => {
      const ciphers: Record<'node' | 'web', ChunkCipher> = { node: await nodeChunkCipher(key), web: await webCryptoChunkCipher(key) };
      for (const size of sizes) {
        const plain = new Uint8Array(randomBytes(size));
        const sealed = concatBytes(await ciphers[from].seal('blobs/0001', 3, true, plain));
        expect(sealed.length).toBe(size + CHUNK_OVERHEAD);
        expect(same(await ciphers[to].open('blobs/0001', 3, true, sealed), plain)).toBe(true);
      }
    });
  }

  it('refuses, as the portable one does, a chunk opened at another place, entry or finality, or altered', async () => {
    const node = await nodeChunkCipher(key);
    const web = await webCryptoChunkCipher(key);
    const sealed = concatBytes(await node.seal('blobs/0002', 0, false, new Uint8Array(randomBytes(200_000))));
    const altered = sealed.slice();
    altered[100_000]! ^= 1;
    const tagAltered = sealed.slice();
    tagAltered[sealed.length - 1]! ^= 1;
    const wrong: [string, number, boolean, Uint8Array][] = [
      ['blobs/0002', 1, false, sealed],
      ['blobs/0003', 0, false, sealed],
      ['blobs/0002', 0, true, sealed],
      ['blobs/0002', 0, false, altered],
      ['blobs/0002', 0, false, tagAltered],
    ];
    for (const [entry, index, last, bytes] of wrong) {
      expect(await node.open(entry, index, last, bytes)).toBeNull();
      expect(await web.open(entry, index, last, bytes)).toBeNull();
    }
    expect(await node.open('blobs/0002', 0, false, sealed)).not.toBeNull();
    await expect(nodeChunkCipher(new Uint8Array(16))).rejects.toThrow('32 bytes');
  });
});
