import { crc32 } from './crc32.js';
import { centralHeader, endRecord, fitsZip32, localHeader, type StoredEntryHeader } from './zip-headers.js';
import { dosDateTime } from './zip-format.js';

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
  const headers: StoredEntryHeader[] = entries.map((e) => ({ name: encoder.encode(e.name), crc: crc32(e.data), size: e.data.length, date, time }));
  const locals = headers.map(localHeader);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    offsets.push(at);
    at += locals[i]!.length + e.data.length;
  });
  const centrals = headers.map((h, i) => centralHeader(h, offsets[i]!));
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = endRecord(entries.length, at, centralSize);
  if (!fitsZip32(at + centralSize + end.length, entries.length)) throw new Error('package too large for a zip without zip64');

  const out = new Uint8Array(at + centralSize + end.length);
  entries.forEach((e, i) => {
    out.set(locals[i]!, offsets[i]);
    out.set(e.data, offsets[i]! + locals[i]!.length);
  });
  for (const c of centrals) {
    out.set(c, at);
    at += c.length;
  }
  out.set(end, at);
  return out;
}
