/**
 * A zip writer with every knob an attacker has: per-entry method, flags, sizes that lie,
 * extra fields and comments, offsets, a central directory in another order or with
 * records missing, an archive comment, a zip64 locator, junk between parts. Used only to
 * build hostile inputs; the app's own writer is shared/packages/zip-write.ts.
 */
import { crc32 } from '../../shared/packages/crc32.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  method?: number;
  flags?: number;
  /** Declared sizes (both headers) when they should lie. */
  size?: number;
  compressedSize?: number;
  crc?: number;
  localExtra?: Uint8Array;
  centralExtra?: Uint8Array;
  comment?: Uint8Array;
  /** Bytes written before this entry's local header (a gap). */
  gapBefore?: Uint8Array;
  /** Offset the central record states, when it should lie. */
  offset?: number;
}

export interface RawZip {
  entries: RawEntry[];
  /** Order of central records, as indexes into entries (may repeat or omit). */
  centralOrder?: number[];
  archiveComment?: Uint8Array;
  /** Written between the last entry and the central directory. */
  beforeCentral?: Uint8Array;
  zip64Locator?: boolean;
  /** Overrides of the end record's count fields. */
  countOnDisk?: number;
  countTotal?: number;
}

const enc = new TextEncoder();

export function writeRawZip(zip: RawZip): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    at += b.length;
  };
  const offsets: number[] = [];
  const header = (size: number, fill: (v: DataView) => void) => {
    const b = new Uint8Array(size);
    fill(new DataView(b.buffer));
    return b;
  };
  zip.entries.forEach((e) => {
    if (e.gapBefore) push(e.gapBefore);
    offsets.push(at);
    const name = enc.encode(e.name);
    const extra = e.localExtra ?? new Uint8Array();
    push(header(30, (v) => {
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, e.flags ?? 0x0800, true);
      v.setUint16(8, e.method ?? 0, true);
      v.setUint16(10, 0x4000, true);
      v.setUint16(12, 0x5ac1, true);
      v.setUint32(14, e.crc ?? crc32(e.data), true);
      v.setUint32(18, e.compressedSize ?? e.data.length, true);
      v.setUint32(22, e.size ?? e.data.length, true);
      v.setUint16(26, name.length, true);
      v.setUint16(28, extra.length, true);
    }));
    push(name);
    push(extra);
    push(e.data);
  });
  if (zip.beforeCentral) push(zip.beforeCentral);
  const centralStart = at;
  const order = zip.centralOrder ?? zip.entries.map((_, i) => i);
  for (const i of order) {
    const e = zip.entries[i]!;
    const name = enc.encode(e.name);
    const extra = e.centralExtra ?? new Uint8Array();
    const comment = e.comment ?? new Uint8Array();
    push(header(46, (v) => {
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, e.flags ?? 0x0800, true);
      v.setUint16(10, e.method ?? 0, true);
      v.setUint16(12, 0x4000, true);
      v.setUint16(14, 0x5ac1, true);
      v.setUint32(16, e.crc ?? crc32(e.data), true);
      v.setUint32(20, e.compressedSize ?? e.data.length, true);
      v.setUint32(24, e.size ?? e.data.length, true);
      v.setUint16(28, name.length, true);
      v.setUint16(30, extra.length, true);
      v.setUint16(32, comment.length, true);
      v.setUint32(42, e.offset ?? offsets[i]!, true);
    }));
    push(name);
    push(extra);
    push(comment);
  }
  const centralSize = at - centralStart;
  if (zip.zip64Locator) push(header(20, (v) => v.setUint32(0, 0x07064b50, true)));
  const comment = zip.archiveComment ?? new Uint8Array();
  push(header(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, zip.countOnDisk ?? order.length, true);
    v.setUint16(10, zip.countTotal ?? order.length, true);
    v.setUint32(12, centralSize, true);
    v.setUint32(16, centralStart, true);
    v.setUint16(20, comment.length, true);
  }));
  push(comment);
  const out = new Uint8Array(at);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A good package's entries, to rebuild with knobs turned. */
export function entriesOf(bytes: Uint8Array): RawEntry[] {
  const r = readStoredZip(bytes, DEFAULT_PACKAGE_LIMITS);
  if (!r.ok) throw new Error(`seed does not read: ${r.error.message}`);
  return r.value.map((e) => ({ name: e.name, data: e.data.slice() }));
}

/** Byte positions of every header field of a well-formed package, for in-place edits. */
export interface FieldSpot {
  at: number;
  width: 2 | 4;
  what: string;
}

export function headerFields(bytes: Uint8Array): FieldSpot[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const spots: FieldSpot[] = [];
  const end = bytes.length - 22;
  const endFields: [number, 2 | 4, string][] = [[0, 4, 'sig'], [4, 2, 'disk'], [6, 2, 'cd-disk'], [8, 2, 'count-disk'], [10, 2, 'count'], [12, 4, 'cd-size'], [16, 4, 'cd-offset'], [20, 2, 'comment-len']];
  for (const [o, w, n] of endFields) spots.push({ at: end + o, width: w, what: `end.${n}` });
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const central: [number, 2 | 4, string][] = [[0, 4, 'sig'], [4, 2, 'made-by'], [6, 2, 'needed'], [8, 2, 'flags'], [10, 2, 'method'], [12, 2, 'time'], [14, 2, 'date'], [16, 4, 'crc'], [20, 4, 'csize'], [24, 4, 'size'], [28, 2, 'name-len'], [30, 2, 'extra-len'], [32, 2, 'comment-len'], [34, 2, 'disk'], [36, 2, 'int-attr'], [38, 4, 'ext-attr'], [42, 4, 'offset']];
  const local: [number, 2 | 4, string][] = [[0, 4, 'sig'], [4, 2, 'needed'], [6, 2, 'flags'], [8, 2, 'method'], [10, 2, 'time'], [12, 2, 'date'], [14, 4, 'crc'], [18, 4, 'csize'], [22, 4, 'size'], [26, 2, 'name-len'], [28, 2, 'extra-len']];
  for (let i = 0; i < count; i++) {
    for (const [o, w, n] of central) spots.push({ at: at + o, width: w, what: `central[${i}].${n}` });
    const offset = v.getUint32(at + 42, true);
    for (const [o, w, n] of local) spots.push({ at: offset + o, width: w, what: `local[${i}].${n}` });
    at += 46 + v.getUint16(at + 28, true);
  }
  return spots;
}
