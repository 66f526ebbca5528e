/**
 * CRC-32 (IEEE, the zip polynomial), slice-by-8: the zip's own check, so a reader agrees
 * with `unzip -t`. SHA-256 in the manifest is what protects content; this catches a damaged
 * container early and names it as such.
 */
const TABLES: Uint32Array[] = (() => {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0];
  for (let k = 1; k < 8; k++) {
    const prev = tables[k - 1]!;
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (prev[n]! >>> 8) ^ t0[prev[n]! & 0xff]!;
    tables.push(t);
  }
  return tables;
})();

export function crc32(data: Uint8Array): number {
  return crc32Finish(crc32Update(CRC32_START, data));
}

/** The running value before any byte: feed chunks through crc32Update, then crc32Finish. */
export const CRC32_START = 0xffffffff;

export function crc32Finish(running: number): number {
  return (running ^ 0xffffffff) >>> 0;
}

/** How a CRC-32 is continued over one more piece; hosts with a native one (Node's zlib) pass it in. */
export type Crc32Update = (running: number, data: Uint8Array) => number;

/** One more chunk of a CRC-32 computed piecewise (a streamed entry never sits whole in memory). */
export function crc32Update(running: number, data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let crc = running;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  while (i < end8) {
    const a = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) ^ crc;
    crc =
      t7[a & 0xff]! ^ t6[(a >>> 8) & 0xff]! ^ t5[(a >>> 16) & 0xff]! ^ t4[a >>> 24]! ^
      t3[data[i + 4]!]! ^ t2[data[i + 5]!]! ^ t1[data[i + 6]!]! ^ t0[data[i + 7]!]!;
    i += 8;
  }
  while (i < data.length) crc = t0[(crc ^ data[i++]!) & 0xff]! ^ (crc >>> 8);
  return crc >>> 0;
}
