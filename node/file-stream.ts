import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import type { BlobRef } from '../shared/packages/content/common.js';
import type { Crc32Update } from '../shared/packages/crc32.js';
import type { ByteSink, ByteSource } from '../shared/packages/stream/byte-io.js';
import type { AttachmentStore, AttachmentWriter } from '../shared/packages/stream/import-package-stream.js';
import type { Sha256Factory } from '../shared/util/sha256-stream.js';

/**
 * Files as the streamed package code reads and writes them in Node (the command line, the
 * Electron main process's package files behind the bridge, the benchmarks): a file handle
 * read at positions, never the whole file in memory.
 */

/** Node's native SHA-256, fed piece by piece (the portable one gives the same digest, slower). */
export const nodeSha256: Sha256Factory = () => {
  const h = createHash('sha256');
  return { update: (b) => void h.update(b), digestHex: () => h.digest('hex') };
};

/**
 * Node's native CRC-32 (zlib), continuing the portable code's running value: zlib takes and
 * gives the finished form, the running value is its complement.
 */
export const nodeCrc32: Crc32Update = (running, data) => (zlibCrc32(data, (running ^ 0xffffffff) >>> 0) ^ 0xffffffff) >>> 0;

export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

export async function openFileSource(path: string): Promise<FileSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const out = new Uint8Array(length);
      let at = 0;
      while (at < length) {
        const { bytesRead } = await handle.read(out, at, length - at, offset + at);
        if (bytesRead === 0) throw new Error(`${path}: ended at ${offset + at} of ${offset + length}`);
        at += bytesRead;
      }
      return out;
    },
    close: () => handle.close(),
  };
}

/**
 * A sink to a temporary file beside `path`, renamed over it by `commit` after an fsync of the
 * file and of its folder; `abandon` removes it. A reader never sees half a package.
 */
export class AtomicFileSink implements ByteSink {
  private at = 0;
  private constructor(
    private readonly handle: FileHandle,
    private readonly temp: string,
    private readonly path: string,
  ) {}

  static async create(path: string): Promise<AtomicFileSink> {
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    return new AtomicFileSink(await open(temp, 'wx', 0o600), temp, path);
  }

  async write(bytes: Uint8Array): Promise<void> {
    await this.writeFully(bytes, this.at);
    this.at += bytes.length;
  }

  writeAt(offset: number, bytes: Uint8Array): Promise<void> {
    return this.writeFully(bytes, offset);
  }

  private async writeFully(bytes: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < bytes.length) done += (await this.handle.write(bytes, done, bytes.length - done, position + done)).bytesWritten;
  }

  /** `durable: false` skips the fsyncs (a caller that syncs once for many files, or keeps none past a crash). */
  async commit(durable = true): Promise<void> {
    if (durable) await this.handle.sync();
    await this.handle.close();
    await rename(this.temp, this.path);
    if (!durable) return;
    try {
      const folder = await open(dirname(this.path), 'r');
      await folder.sync().finally(() => folder.close());
    } catch {
      // Some file systems (FAT on sticks, Windows) cannot fsync a folder; the rename stands.
    }
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}

/** A store that keeps nothing: each file is checked as it passes (`zqa verify --identity`), then dropped. */
export const checkOnlyStore: AttachmentStore<null> = {
  begin: () => ({ write: () => Promise.resolve(), finish: () => Promise.resolve(null), discard: () => Promise.resolve() }),
};

/**
 * Decrypted attachments written to files in `folder`, one per entry (by default `blobs/0001` →
 * `folder/0001`; `nameOf` chooses another name), each through an AtomicFileSink: kept only
 * when the whole package passed. `durable: false` leaves flushing to the OS, as the app's
 * database does with its Blobs.
 */
export function folderAttachmentStore(folder: string, durable = true, nameOf: (ref: BlobRef) => string = (ref) => ref.entry.replace(/^blobs\//, '')): AttachmentStore<string> {
  return {
    begin(ref: BlobRef): AttachmentWriter<string> {
      const path = join(folder, nameOf(ref));
      const sink = mkdir(folder, { recursive: true }).then(() => AtomicFileSink.create(path));
      return {
        write: async (plain) => (await sink).write(plain),
        finish: async () => {
          await (await sink).commit(durable);
          return path;
        },
        discard: async () => (await sink).abandon(),
      };
    },
  };
}
