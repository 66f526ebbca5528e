import { CENTRAL_HEADER_SIZE, END_RECORD_SIZE, FLAG_UTF8, LOCAL_HEADER_SIZE, SIG_CENTRAL, SIG_END, SIG_LOCAL, ZIP_VERSION } from './zip-format.js';

/**
 * The three records of the fixed zip layout (zip-format.ts), made in one place for the
 * in-memory writer and the streamed one: an entry stored, UTF-8 name, no extras.
 */
export interface StoredEntryHeader {
  name: Uint8Array;
  crc: number;
  size: number;
  date: number;
  time: number;
}

export function localHeader(e: StoredEntryHeader): Uint8Array {
  const out = new Uint8Array(LOCAL_HEADER_SIZE + e.name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, SIG_LOCAL, true);
  view.setUint16(4, ZIP_VERSION, true);
  view.setUint16(6, FLAG_UTF8, true);
  view.setUint16(8, 0, true); // stored
  view.setUint16(10, e.time, true);
  view.setUint16(12, e.date, true);
  view.setUint32(14, e.crc, true);
  view.setUint32(18, e.size, true);
  view.setUint32(22, e.size, true);
  view.setUint16(26, e.name.length, true);
  out.set(e.name, LOCAL_HEADER_SIZE);
  return out;
}

export function centralHeader(e: StoredEntryHeader, offset: number): Uint8Array {
  const out = new Uint8Array(CENTRAL_HEADER_SIZE + e.name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, SIG_CENTRAL, true);
  view.setUint16(4, ZIP_VERSION, true);
  view.setUint16(6, ZIP_VERSION, true);
  view.setUint16(8, FLAG_UTF8, true);
  view.setUint16(10, 0, true);
  view.setUint16(12, e.time, true);
  view.setUint16(14, e.date, true);
  view.setUint32(16, e.crc, true);
  view.setUint32(20, e.size, true);
  view.setUint32(24, e.size, true);
  view.setUint16(28, e.name.length, true);
  // extra, comment, disk, internal and external attributes: all zero (bytes 30–41).
  view.setUint32(42, offset, true);
  out.set(e.name, CENTRAL_HEADER_SIZE);
  return out;
}

export function endRecord(count: number, centralStart: number, centralSize: number): Uint8Array {
  const out = new Uint8Array(END_RECORD_SIZE);
  const view = new DataView(out.buffer);
  view.setUint32(0, SIG_END, true);
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, centralStart, true);
  return out;
}

/** The zip layout without zip64 addresses 4 GiB and 65535 entries. */
export function fitsZip32(totalBytes: number, entries: number): boolean {
  return totalBytes <= 0xffffffff && entries <= 0xffff;
}
