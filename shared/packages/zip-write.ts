import { crc32 } from './crc32.js';
import { CENTRAL_HEADER_SIZE, dosDateTime, END_RECORD_SIZE, FLAG_UTF8, LOCAL_HEADER_SIZE, SIG_CENTRAL, SIG_END, SIG_LOCAL, ZIP_VERSION } from './zip-format.js';

export interface ZipInputEntry {
  name: string;
  data: Uint8Array;
}

/**
 * Writes the fixed zip layout of zip-format.ts: every entry stored, in the order given.
 * Encrypted content does not compress, and a reader that refuses compressed entries cannot
 * be zip-bombed. Deterministic: the same entries and time give the same bytes.
 */
export function writeStoredZip(entries: readonly ZipInputEntry[], modified: Date): Uint8Array {
  const { date, time } = dosDateTime(modified);
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const crcs = entries.map((e) => crc32(e.data));
  let size = END_RECORD_SIZE;
  entries.forEach((e, i) => (size += LOCAL_HEADER_SIZE + CENTRAL_HEADER_SIZE + 2 * names[i]!.length + e.data.length));
  if (size > 0xffffffff || entries.length > 0xffff) throw new Error('package too large for a zip without zip64');

  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  entries.forEach((entry, i) => {
    offsets.push(at);
    const name = names[i]!;
    view.setUint32(at, SIG_LOCAL, true);
    view.setUint16(at + 4, ZIP_VERSION, true);
    view.setUint16(at + 6, FLAG_UTF8, true);
    view.setUint16(at + 8, 0, true); // stored
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, crcs[i]!, true);
    view.setUint32(at + 18, entry.data.length, true);
    view.setUint32(at + 22, entry.data.length, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(name, at + LOCAL_HEADER_SIZE);
    out.set(entry.data, at + LOCAL_HEADER_SIZE + name.length);
    at += LOCAL_HEADER_SIZE + name.length + entry.data.length;
  });
  const centralStart = at;
  entries.forEach((entry, i) => {
    const name = names[i]!;
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, ZIP_VERSION, true);
    view.setUint16(at + 6, ZIP_VERSION, true);
    view.setUint16(at + 8, FLAG_UTF8, true);
    view.setUint16(at + 10, 0, true);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    view.setUint32(at + 16, crcs[i]!, true);
    view.setUint32(at + 20, entry.data.length, true);
    view.setUint32(at + 24, entry.data.length, true);
    view.setUint16(at + 28, name.length, true);
    // extra, comment, disk, internal and external attributes: all zero (bytes 30–41).
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(name, at + CENTRAL_HEADER_SIZE);
    at += CENTRAL_HEADER_SIZE + name.length;
  });
  view.setUint32(at, SIG_END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
