/**
 * Where a streamed package's bytes come from and go to. A source is random access (a zip is
 * read from its end), so a 1.5 GB file is read a piece at a time: in the browser a File's
 * `slice`, in Node a file handle's positional read. A sink is appended to, and patched at a
 * known offset (a zip entry's CRC-32 is known only after its data has gone out).
 */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`, or throws (the caller checked the range). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
  /** Overwrites bytes already written. */
  writeAt(offset: number, bytes: Uint8Array): Promise<void>;
}

/** A source over bytes already in memory: reads are views, nothing is copied. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => {
      if (offset < 0 || offset + length > bytes.length) return Promise.reject(new Error(`read of ${length} bytes at ${offset} is outside the ${bytes.length} bytes`));
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
}

/** A sink that keeps what is written in memory (small packages, tests). */
export class MemorySink implements ByteSink {
  private parts: Uint8Array[] = [];
  private length = 0;

  write(bytes: Uint8Array): Promise<void> {
    this.parts.push(bytes.slice());
    this.length += bytes.length;
    return Promise.resolve();
  }

  writeAt(offset: number, bytes: Uint8Array): Promise<void> {
    const whole = this.bytes();
    if (offset < 0 || offset + bytes.length > whole.length) return Promise.reject(new Error(`patch at ${offset} is outside the ${whole.length} bytes written`));
    whole.set(bytes, offset);
    return Promise.resolve();
  }

  /** Everything written, as one array (joined once, then kept joined). */
  bytes(): Uint8Array {
    if (this.parts.length !== 1) {
      const whole = new Uint8Array(this.length);
      let at = 0;
      for (const p of this.parts) {
        whole.set(p, at);
        at += p.length;
      }
      this.parts = [whole];
    }
    return this.parts[0] ?? new Uint8Array(0);
  }
}

/** Writes to both sinks, in order: a package saved to a file and kept by the app at once. */
export function teeSink(first: ByteSink, second: ByteSink): ByteSink {
  return {
    async write(bytes) {
      await first.write(bytes);
      await second.write(bytes);
    },
    async writeAt(offset, bytes) {
      await first.writeAt(offset, bytes);
      await second.writeAt(offset, bytes);
    },
  };
}
