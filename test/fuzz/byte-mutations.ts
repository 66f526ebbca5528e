/**
 * Mutations of a package's bytes and zip structure, with no key: what a damaged copy or an
 * attacker without the sender's key can do. Every byte of a package is checked by its CRC,
 * its header twin, the manifest's SHA-256 or the signature, so every one of these must be
 * refused.
 */
import { entriesOf, headerFields, writeRawZip, type RawEntry, type RawZip } from './raw-zip.js';
import type { Rng } from './rng.js';

export interface Mutant {
  op: string;
  bytes: Uint8Array;
  /** False only where the change may leave a package the format allows. */
  mustRefuse: boolean;
}

export type Mutator = (seed: Uint8Array, r: Rng) => Mutant | Promise<Mutant>;

const copy = (b: Uint8Array) => b.slice();

function flipOne(seed: Uint8Array, r: Rng): Mutant {
  const b = copy(seed);
  const at = r.int(0, b.length - 1);
  b[at] = r.byteOtherThan(b[at]!);
  return { op: `flip@${at}`, bytes: b, mustRefuse: true };
}

function burst(seed: Uint8Array, r: Rng): Mutant {
  const b = copy(seed);
  const length = r.int(2, 64);
  const at = r.int(0, b.length - 1);
  const end = Math.min(b.length, at + length);
  for (let i = at; i < end; i++) b[i] = r.int(0, 255);
  if (b[at] === seed[at]) b[at] = r.byteOtherThan(seed[at]!);
  return { op: `burst@${at}+${end - at}`, bytes: b, mustRefuse: true };
}

function scatter(seed: Uint8Array, r: Rng): Mutant {
  const b = copy(seed);
  const n = r.int(2, 16);
  for (let i = 0; i < n; i++) {
    const at = r.int(0, b.length - 1);
    b[at] = r.byteOtherThan(b[at]!);
  }
  return { op: `scatter×${n}`, bytes: b, mustRefuse: true };
}

function truncate(seed: Uint8Array, r: Rng): Mutant {
  // Near the end (the end record, the central directory) more often: that is where readers break.
  const keep = r.chance(0.5) ? r.int(Math.max(0, seed.length - 400), seed.length - 1) : r.int(0, seed.length - 1);
  return { op: `truncate@${keep}`, bytes: seed.slice(0, keep), mustRefuse: true };
}

function appendJunk(seed: Uint8Array, r: Rng): Mutant {
  const junk = r.chance(0.3) ? seed.slice(seed.length - 22) : r.bytes(r.int(1, 300));
  const b = new Uint8Array(seed.length + junk.length);
  b.set(seed);
  b.set(junk, seed.length);
  return { op: `append+${junk.length}`, bytes: b, mustRefuse: true };
}

function prependJunk(seed: Uint8Array, r: Rng): Mutant {
  const junk = r.bytes(r.int(1, 100));
  const b = new Uint8Array(seed.length + junk.length);
  b.set(junk);
  b.set(seed, junk.length);
  return { op: `prepend+${junk.length}`, bytes: b, mustRefuse: true };
}

const HOSTILE_VALUES = [0, 1, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x80000000, 22, 46, 30];

/** DER signatures a parser gets wrong: long-form and oversized lengths, negative or padded integers, junk. */
function hostileSignature(r: Rng): Uint8Array {
  const int = (n: number, lead = 0x01) => [0x02, n, lead, ...Array.from({ length: n - 1 }, () => r.int(0, 255))];
  return Uint8Array.from(r.pick([
    [],
    [0x30],
    [0x30, 0x80],
    [0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
    [0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00],
    [0x30, 0x45, ...int(0x21, 0x00), ...int(0x20)],
    [0x30, 0x46, ...int(0x21, 0x80), ...int(0x21, 0x80)],
    [0x30, 0x44, 0x02, 0x20, 0xff, ...Array.from({ length: 31 }, () => 1), 0x02, 0x20, ...Array.from({ length: 32 }, () => 1)],
    [0x30, 0x81, 0x44, ...int(0x20), ...int(0x20)],
    [0x31, 0x44, ...int(0x20), ...int(0x20)],
    [0x30, 0x44, ...int(0x20), ...int(0x20), 0x00],
    [...r.bytes(r.int(1, 80))],
  ]));
}

/** An entry's bytes changed and its CRC-32 written to match: the checks behind the CRC must catch it. */
function recrc(seed: Uint8Array, r: Rng): Mutant {
  const entries = entriesOf(seed);
  const e = r.pick(entries);
  let op: string;
  if (e.name === 'manifest.sig' && r.chance(0.7)) {
    e.data = hostileSignature(r);
    op = `manifest.sig replaced (${e.data.length} bytes), CRC recomputed`;
  } else if (r.chance(0.3)) {
    e.data = r.chance(0.5) ? e.data.slice(0, r.int(0, Math.max(0, e.data.length - 1))) : r.bytes(r.int(0, 200));
    op = `${e.name} replaced by ${e.data.length} other bytes, CRC recomputed`;
  } else {
    const at = r.int(0, Math.max(0, e.data.length - 1));
    e.data = e.data.length === 0 ? Uint8Array.of(1) : e.data.slice();
    e.data[at] = r.byteOtherThan(e.data[at]!);
    op = `${e.name} byte ${at} changed, CRC recomputed`;
  }
  return { op, bytes: writeRawZip({ entries }), mustRefuse: true };
}

/** One header field (local, central or end record) set to a hostile value, nothing else. */
function fieldEdit(seed: Uint8Array, r: Rng): Mutant {
  const spots = headerFields(seed);
  const spot = r.pick(spots);
  const b = copy(seed);
  const v = new DataView(b.buffer);
  const old = spot.width === 2 ? v.getUint16(spot.at, true) : v.getUint32(spot.at, true);
  const max = spot.width === 2 ? 0xffff : 0xffffffff;
  let value = r.chance(0.5) ? r.pick(HOSTILE_VALUES) : r.chance(0.5) ? old + r.pick([-1, 1, -2, 2, 22, -22]) : r.int(0, max);
  value = ((value % (max + 1)) + max + 1) % (max + 1);
  if (value === old) value = (old + 1) % (max + 1);
  if (spot.width === 2) v.setUint16(spot.at, value, true);
  else v.setUint32(spot.at, value, true);
  return { op: `field ${spot.what}=${value}`, bytes: b, mustRefuse: true };
}

/** The same field in both the local and central header, so the twins agree and lie together. */
function twinEdit(seed: Uint8Array, r: Rng): Mutant {
  const spots = headerFields(seed);
  const pairs: [string, string][] = [['flags', 'flags'], ['method', 'method'], ['csize', 'csize'], ['size', 'size'], ['crc', 'crc'], ['needed', 'needed']];
  const [field] = r.pick(pairs);
  const entries = spots.filter((s) => s.what.startsWith('central[') && s.what.endsWith(`.${field}`));
  const central = r.pick(entries);
  const index = central.what.slice('central['.length, central.what.indexOf(']'));
  const local = spots.find((s) => s.what === `local[${index}].${field}`)!;
  const b = copy(seed);
  const v = new DataView(b.buffer);
  const get = (at: number) => (central.width === 2 ? v.getUint16(at, true) : v.getUint32(at, true));
  const set = (at: number, x: number) => (central.width === 2 ? v.setUint16(at, x, true) : v.setUint32(at, x, true));
  const old = get(central.at);
  const choices = field === 'method' ? [8, 12, 14, 99] : field === 'flags' ? [0x0808, 0x0801, 0x0809, 0x0008, 0x0001] : [0, old + 1, old - 1, old * 100, 0xffffffff, 0x10000000];
  let value = r.pick(choices) >>> 0;
  if (central.width === 2) value &= 0xffff;
  if (value === old) value = old ^ 1;
  set(central.at, value);
  set(local.at, value);
  return { op: `twin ${field}[${index}]=${value}`, bytes: b, mustRefuse: true };
}

function rebuild(seed: Uint8Array, r: Rng): Mutant {
  const entries = entriesOf(seed);
  const zip: RawZip = { entries };
  const pick = () => r.int(0, entries.length - 1);
  const choice = r.int(0, 13);
  let op: string;
  switch (choice) {
    case 0: {
      const i = pick();
      entries.splice(r.int(0, entries.length), 0, { ...entries[i]!, data: r.chance(0.5) ? entries[i]!.data : r.bytes(40) });
      op = `duplicate ${entries[i]!.name}`;
      break;
    }
    case 1: {
      const [gone] = entries.splice(pick(), 1);
      op = `delete ${gone!.name}`;
      break;
    }
    case 2: {
      const name = r.pick(['blobs/9999', 'blobs/0001', 'content.json.bak', '../content.json', '/etc/passwd', 'C:evil', 'a\\b', 'blobs//0002', 'x\u0000y', '\u202eevil', 'manifest.json', 'blobs/./0001', '']);
      entries.push({ name, data: r.bytes(r.int(0, 64)) });
      op = `add ${JSON.stringify(name)}`;
      break;
    }
    case 3: {
      const e = entries[pick()]!;
      e[r.chance(0.5) ? 'localExtra' : 'centralExtra'] = Uint8Array.of(0x01, 0x00, 0x10, 0x00, ...r.bytes(16));
      op = `extra field on ${e.name}`;
      break;
    }
    case 4: {
      const e = entries[pick()]!;
      e.comment = new TextEncoder().encode('注释 comment');
      op = `file comment on ${e.name}`;
      break;
    }
    case 5:
      zip.archiveComment = r.bytes(r.int(1, 200));
      op = 'archive comment';
      break;
    case 6: {
      const i = pick();
      const j = (i + 1) % entries.length;
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      op = `reorder entries ${i}<->${j}`;
      break;
    }
    case 7: {
      const order = entries.map((_, i) => i);
      const i = r.int(0, order.length - 2);
      [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      zip.centralOrder = order;
      op = `central order swapped at ${i}`;
      break;
    }
    case 8: {
      const order = entries.map((_, i) => i);
      if (r.chance(0.5)) order.splice(r.int(0, order.length - 1), 1);
      else order.push(r.int(0, order.length - 1));
      zip.centralOrder = order;
      op = 'central record missing or repeated';
      break;
    }
    case 9: {
      const e = entries[pick()]!;
      e.gapBefore = r.bytes(r.int(1, 50));
      op = `gap before ${e.name}`;
      break;
    }
    case 10:
      zip.beforeCentral = r.bytes(r.int(1, 50));
      op = 'junk before central directory';
      break;
    case 11:
      zip.zip64Locator = true;
      op = 'zip64 locator';
      break;
    case 12: {
      // Two central records naming ranges that overlap: the overlapping-entry bomb shape.
      const i = r.int(1, entries.length - 1);
      (entries[i] as RawEntry).offset = 0;
      op = `entry ${i} offset 0 (overlap)`;
      break;
    }
    default: {
      const e = entries[pick()]!;
      e.method = 8;
      e.size = r.chance(0.5) ? e.data.length * 1000 : 0x7fffffff;
      op = `deflate-declared ${e.name} → ${e.size}`;
    }
  }
  return { op, bytes: writeRawZip(zip), mustRefuse: true };
}

export const BYTE_MUTATORS: readonly [string, Mutator, number][] = [
  ['flip', flipOne, 20],
  ['burst', burst, 10],
  ['scatter', scatter, 5],
  ['truncate', truncate, 10],
  ['append', appendJunk, 3],
  ['prepend', prependJunk, 2],
  ['field', fieldEdit, 15],
  ['twin', twinEdit, 8],
  ['rebuild', rebuild, 12],
  ['recrc', recrc, 8],
];
