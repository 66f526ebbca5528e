import { CRC32_START, crc32Finish, crc32Update, type Crc32Update } from '../crc32.js';
import { dosDateTime } from '../zip-format.js';
import { centralHeader, endRecord, fitsZip32, localHeader, type StoredEntryHeader } from '../zip-headers.js';
import type { ByteSink } from './byte-io.js';

/**
 * Writes the fixed zip layout (zip-format.ts) to a sink one entry at a time, each entry's
 * data in pieces. The size of an entry is known before it is written (a sealed entry's size
 * follows from its plaintext's); its CRC-32 is not, so the local header goes out with a zero
 * CRC and is patched once the data is through. The sink holds a half-written file until
 * `finish`: a host writes to a temporary file and renames it only after that.
 */
export class StoredZipStream {
  private readonly written: { header: StoredEntryHeader; offset: number }[] = [];
  private at = 0;
  private readonly date: number;
  private readonly time: number;

  constructor(
    private readonly sink: ByteSink,
    modified: Date,
    private readonly crcUpdate: Crc32Update = crc32Update,
  ) {
    ({ date: this.date, time: this.time } = dosDateTime(modified));
  }

  /** One entry of exactly `size` bytes, which `fill` passes to its `put` in pieces. */
  async entry(name: string, size: number, fill: (put: (bytes: Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
    const header: StoredEntryHeader = { name: new TextEncoder().encode(name), crc: 0, size, date: this.date, time: this.time };
    const offset = this.at;
    const local = localHeader(header);
    await this.sink.write(local);
    let crc = CRC32_START;
    let count = 0;
    await fill(async (bytes) => {
      crc = this.crcUpdate(crc, bytes);
      count += bytes.length;
      await this.sink.write(bytes);
    });
    if (count !== size) throw new Error(`zip entry "${name}": ${count} bytes written, ${size} announced`);
    header.crc = crc32Finish(crc);
    const patch = new Uint8Array(4);
    new DataView(patch.buffer).setUint32(0, header.crc, true);
    await this.sink.writeAt(offset + 14, patch);
    this.at += local.length + size;
    this.written.push({ header, offset });
  }

  /** The central directory and end record; returns the file's size. */
  async finish(): Promise<number> {
    const centralStart = this.at;
    const centrals = this.written.map((w) => centralHeader(w.header, w.offset));
    const centralSize = centrals.reduce((n, c) => n + c.length, 0);
    const end = endRecord(this.written.length, centralStart, centralSize);
    const total = centralStart + centralSize + end.length;
    if (!fitsZip32(total, this.written.length)) throw new Error('package too large for a zip without zip64');
    for (const c of centrals) await this.sink.write(c);
    await this.sink.write(end);
    return total;
  }
}
