import { err, ok, type Result } from '../../util/result.js';
import { CRC32_START, crc32Finish, crc32Update, type Crc32Update } from '../crc32.js';
import { packageError, type PackageError } from '../errors.js';
import type { PackageLimits } from '../limits.js';
import { CENTRAL_HEADER_SIZE, LOCAL_HEADER_SIZE } from '../zip-format.js';
import { END_SEARCH_BYTES, placeEntries, readCentralDirectory, readEndRecord, startsWithLocalHeader, type ZipRecord } from '../zip-read.js';
import type { ByteSource } from './byte-io.js';

/** The longest central record: header and a name of 255 characters of up to 4 UTF-8 bytes. */
const MAX_CENTRAL_RECORD = CENTRAL_HEADER_SIZE + 255 * 4;

/**
 * The zip layout of zip-format.ts read from a source without reading the entries' data: the
 * end record, the central directory, every local header against its twin, the placement of
 * every entry (the same checks as readStoredZip, in the same order). The data is read later,
 * a piece at a time, by readEntry, which checks the CRC-32 as it goes.
 */
export async function readZipDirectoryFrom(source: ByteSource, limits: PackageLimits): Promise<Result<ZipRecord[], PackageError>> {
  if (source.size > limits.maxFileBytes) return err(packageError('file-too-large', `${source.size} bytes, limit ${limits.maxFileBytes}`));
  const tailLength = Math.min(source.size, END_SEARCH_BYTES);
  const head = await source.read(0, Math.min(4, source.size));
  const dir = readEndRecord(await source.read(source.size - tailLength, tailLength), source.size, startsWithLocalHeader(head), limits);
  if (!dir.ok) return dir;
  // Read no more directory than `count` records could fill: a hostile size costs nothing.
  if (dir.value.centralSize > dir.value.count * MAX_CENTRAL_RECORD) return err(packageError('malformed-container', 'central directory size does not match its records'));
  const records = readCentralDirectory(await source.read(dir.value.centralStart, dir.value.centralSize), dir.value, limits);
  if (!records.ok) return records;
  const locals = new Map<ZipRecord, Uint8Array>();
  for (const r of records.value) {
    const length = Math.max(0, Math.min(LOCAL_HEADER_SIZE + r.nameBytes.length, dir.value.centralStart - r.offset));
    locals.set(r, await source.read(Math.min(r.offset, dir.value.centralStart), length));
  }
  return placeEntries(records.value, dir.value, (r) => locals.get(r)!);
}

/**
 * Reads one entry's data front to back in whatever pieces the caller asks for, feeding each
 * piece to the entry's CRC-32 and to `seen` (the SHA-256 of the bytes as stored), so the
 * entry is checked without being held. `finish` says whether every byte was read and the
 * CRC-32 matches; what the caller did with the pieces is undone by the caller on an error.
 */
export function entryReader(source: ByteSource, record: ZipRecord, seen: (bytes: Uint8Array) => void, crcUpdate: Crc32Update = crc32Update) {
  let crc = CRC32_START;
  let next = 0;
  // Reads may be asked for ahead (the next chunk while one is opened): each is placed at call
  // time and fed to the checks in the order asked, whenever its bytes arrive.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read(offset: number, length: number): Promise<Uint8Array> {
      if (offset !== next || offset + length > record.size) return Promise.reject(new Error(`"${record.name}": read ${length} bytes at ${offset}, expected the next at ${next} of ${record.size}`));
      next += length;
      const bytes = source.read(record.dataStart + offset, length);
      const fed = queue.then(async () => {
        const b = await bytes;
        crc = crcUpdate(crc, b);
        seen(b);
        return b;
      });
      queue = fed;
      return fed;
    },
    /** Reads what is left unread (after a chunk was refused: is the entry damaged, or was it sent so?). */
    async drain(): Promise<void> {
      while (next < record.size) await this.read(next, Math.min(1024 * 1024, record.size - next));
      await queue;
    },
    /** Call after the last read has been awaited. */
    finish(): Result<null, PackageError> {
      if (next !== record.size) throw new Error(`"${record.name}": ${next} of ${record.size} bytes read`);
      return crc32Finish(crc) === record.crc ? ok(null) : err(packageError('entry-altered', `"${record.name}": CRC-32 mismatch`));
    },
  };
}
