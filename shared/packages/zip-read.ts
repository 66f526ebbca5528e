import { err, ok, type Result } from '../util/result.js';
import { crc32 } from './crc32.js';
import { entryNameProblem, nameKey } from './entry-names.js';
import { packageError, type PackageError } from './errors.js';
import type { PackageLimits } from './limits.js';
import {
  CENTRAL_HEADER_SIZE,
  END_RECORD_SIZE,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  SIG_CENTRAL,
  SIG_END,
  SIG_LOCAL,
  SIG_ZIP64_LOCATOR,
  ZIP_VERSION,
} from './zip-format.js';

export interface ZipEntry {
  name: string;
  /** A view into the file's bytes: nothing is copied. */
  data: Uint8Array;
}

/** An entry as the central directory states it, its placement checked. */
export interface ZipRecord {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  offset: number;
  /** Where its data begins (after the local header). */
  dataStart: number;
}

export interface ZipDirectory {
  fileSize: number;
  centralStart: number;
  centralSize: number;
  count: number;
}

/** A compressed entry this much larger than stored, or over the limits, is a bomb. */
const BOMB_RATIO = 20;
/** The end record and the longest comment it could be followed by: where to look for it. */
export const END_SEARCH_BYTES = END_RECORD_SIZE + 0xffff + 20;
const fail = (code: PackageError['code'], detail: string) => err(packageError(code, detail));

/**
 * Reads the strict zip layout of zip-format.ts from bytes in memory. Limits are checked on
 * the declared sizes before any data is touched, so a hostile file costs no more than its own
 * length; then every header byte is checked against its twin or its fixed value, and every
 * entry's CRC. The streamed reader (stream/zip-stream-read.ts) makes the same checks in the
 * same order, reading from a source a piece at a time.
 */
export function readStoredZip(bytes: Uint8Array, limits: PackageLimits): Result<ZipEntry[], PackageError> {
  if (bytes.length > limits.maxFileBytes) return fail('file-too-large', `${bytes.length} bytes, limit ${limits.maxFileBytes}`);
  const tailStart = Math.max(0, bytes.length - END_SEARCH_BYTES);
  const dir = readEndRecord(bytes.subarray(tailStart), bytes.length, startsWithLocalHeader(bytes.subarray(0, 4)), limits);
  if (!dir.ok) return dir;
  const records = readCentralDirectory(bytes.subarray(dir.value.centralStart, dir.value.centralStart + dir.value.centralSize), dir.value, limits);
  if (!records.ok) return records;
  const placed = placeEntries(records.value, dir.value, (r) => bytes.subarray(r.offset, r.offset + LOCAL_HEADER_SIZE + r.nameBytes.length));
  if (!placed.ok) return placed;
  const entries: ZipEntry[] = [];
  for (const r of placed.value) {
    const data = bytes.subarray(r.dataStart, r.dataStart + r.size);
    if (crc32(data) !== r.crc) return fail('entry-altered', `"${r.name}": CRC-32 mismatch`);
    entries.push({ name: r.name, data });
  }
  return ok(entries);
}

/** Whether the file's first 4 bytes are a local header's signature (a zip cut short, or not a zip). */
export function startsWithLocalHeader(head: Uint8Array): boolean {
  return head.length >= 4 && new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true) === SIG_LOCAL;
}

/** The end record, from the file's last END_SEARCH_BYTES (or all of it, if shorter). */
export function readEndRecord(tail: Uint8Array, fileSize: number, startsLikeZip: boolean, limits: PackageLimits): Result<ZipDirectory, PackageError> {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  const end = tail.length - END_RECORD_SIZE;
  if (end < 0 || u32(end) !== SIG_END) {
    const found = findEndRecord(view);
    if (found >= 0 && found + END_RECORD_SIZE > tail.length) return fail('truncated', 'the end-of-central-directory record is cut short');
    if (found >= 0) return fail('malformed-container', 'bytes after the end-of-central-directory record (comment or junk)');
    return startsLikeZip ? fail('truncated', 'no end-of-central-directory record') : fail('not-a-package', 'no zip structure');
  }
  if (end >= 20 && u32(end - 20) === SIG_ZIP64_LOCATOR) return fail('malformed-container', 'zip64 is not used by this format');
  const count = u16(end + 10);
  const centralSize = u32(end + 12);
  const centralStart = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count || u16(end + 20) !== 0) {
    return fail('malformed-container', 'end record fields are inconsistent');
  }
  if (count > limits.maxEntries) return fail('too-many-entries', `${count} entries, limit ${limits.maxEntries}`);
  if (centralStart + centralSize !== fileSize - END_RECORD_SIZE) return fail('malformed-container', 'central directory does not end where the end record begins');
  return ok({ fileSize, centralStart, centralSize, count });
}

/** Every central record: limits on declared sizes, names, fixed fields. */
export function readCentralDirectory(central: Uint8Array, dir: ZipDirectory, limits: PackageLimits): Result<ZipRecord[], PackageError> {
  const view = new DataView(central.buffer, central.byteOffset, central.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  const end = central.length;
  const records: ZipRecord[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < dir.count; i++) {
    if (at + CENTRAL_HEADER_SIZE > end || u32(at) !== SIG_CENTRAL) return fail('malformed-container', `central directory record ${i} is damaged`);
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    if (at + CENTRAL_HEADER_SIZE + nameLength > end) return fail('malformed-container', `central directory record ${i} runs past its end`);
    const nameBytes = central.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    let name: string;
    try {
      name = decoder.decode(nameBytes);
    } catch {
      return fail('unsafe-entry-name', `entry ${i}: name is not UTF-8`);
    }
    if (method !== 0) {
      const bomb = size > limits.maxEntryBytes || size > BOMB_RATIO * Math.max(compressed, 1);
      return fail(bomb ? 'zip-bomb' : 'compressed-entry', `"${name}" is compressed (method ${method}, ${compressed} → ${size} bytes)`);
    }
    if (compressed !== size) return fail('malformed-container', `"${name}": stored sizes differ`);
    if (size > limits.maxEntryBytes) return fail('entry-too-large', `"${name}" is ${size} bytes, limit ${limits.maxEntryBytes}`);
    total += size;
    if (total > limits.maxTotalBytes) return fail('total-too-large', `entries exceed ${limits.maxTotalBytes} bytes`);
    const problem = entryNameProblem(name);
    if (problem) return fail('unsafe-entry-name', `"${name}": ${problem}`);
    const key = nameKey(name);
    if (names.has(key)) return fail('duplicate-entry-name', `"${name}" appears twice (names alike: the same after NFC and lower-casing)`);
    names.add(key);
    const flags = u16(at + 8);
    const fixedOk =
      u16(at + 4) === ZIP_VERSION && u16(at + 6) === ZIP_VERSION && flags === FLAG_UTF8 &&
      u16(at + 30) === 0 && u16(at + 32) === 0 && u16(at + 34) === 0 && u16(at + 36) === 0 && u32(at + 38) === 0;
    if (!fixedOk) return fail('malformed-container', `central record of "${name}" has unexpected fields`);
    const offset = u32(at + 42);
    records.push({ name, nameBytes, flags, time: u16(at + 12), date: u16(at + 14), crc: u32(at + 16), size, offset, dataStart: offset + LOCAL_HEADER_SIZE + nameLength });
    at += CENTRAL_HEADER_SIZE + nameLength;
  }
  if (at !== end) return fail('malformed-container', 'central directory size does not match its records');
  return ok(records);
}

/**
 * Entries lie back to back from offset 0, each local header the twin of its central record,
 * the central directory in the order the entries lie. `localAt` gives a record's local header
 * (LOCAL_HEADER_SIZE + name bytes; shorter when the file ends first).
 */
export function placeEntries(records: readonly ZipRecord[], dir: ZipDirectory, localAt: (r: ZipRecord) => Uint8Array): Result<ZipRecord[], PackageError> {
  // A gap would be bytes nothing checks, an overlap the shape of an overlapping-entry zip bomb.
  let expected = 0;
  const sorted = [...records].sort((a, b) => a.offset - b.offset);
  for (const r of sorted) {
    if (r.offset < expected) return fail('zip-bomb', `"${r.name}" overlaps another entry`);
    if (r.offset > expected) return fail('malformed-container', `unaccounted bytes before "${r.name}"`);
    if (r.dataStart + r.size > dir.centralStart) return fail('malformed-container', `"${r.name}" runs past the entry area`);
    if (!localHeaderIsTwin(localAt(r), r)) return fail('malformed-container', `local header of "${r.name}" does not match the central directory`);
    expected = r.dataStart + r.size;
  }
  if (expected !== dir.centralStart) return fail('malformed-container', 'unaccounted bytes before the central directory');
  // Another order would be a second arrangement of the same file that nothing signed chooses between.
  if (records.some((r, i) => i > 0 && r.offset < records[i - 1]!.offset)) {
    return fail('malformed-container', 'the central directory is not in the order of the entries');
  }
  return ok(sorted);
}

function localHeaderIsTwin(local: Uint8Array, r: ZipRecord): boolean {
  if (local.length !== LOCAL_HEADER_SIZE + r.nameBytes.length) return false;
  const view = new DataView(local.buffer, local.byteOffset, local.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  return (
    u32(0) === SIG_LOCAL && u16(4) === ZIP_VERSION && u16(6) === r.flags && u16(8) === 0 &&
    u16(10) === r.time && u16(12) === r.date && u32(14) === r.crc &&
    u32(18) === r.size && u32(22) === r.size && u16(26) === r.nameBytes.length && u16(28) === 0 &&
    sameBytes(local.subarray(LOCAL_HEADER_SIZE), r.nameBytes)
  );
}

function findEndRecord(view: DataView): number {
  for (let i = view.byteLength - 4; i >= 0; i--) if (view.getUint32(i, true) === SIG_END) return i;
  return -1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
