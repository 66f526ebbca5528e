/**
 * Turns database records into JSON that canonicalJson accepts, and back, without losing what
 * IndexedDB's structured clone keeps: Blobs and byte arrays are handed to the caller (the
 * backup puts them in a side list of byte sections so a photo is not inflated by base64; the
 * journal stores them once by SHA-256), Dates, `undefined` and non-finite numbers become
 * tagged objects. A tag is an object whose one marker key is `$zqa`; a record that itself has
 * a `$zqa` key is escaped, so nothing a user typed can pose as a tag.
 */

/** One byte section of the backup: a Blob (with its MIME type) or a byte array. */
export interface ByteSection {
  bytes: Uint8Array;
  /** 'blob' with its type, 'bytes' for Uint8Array, 'buffer' for ArrayBuffer. */
  kind: 'blob' | 'bytes' | 'buffer';
  type: string;
}

export type PortableJson = null | boolean | number | string | PortableJson[] | { [key: string]: PortableJson };
/** A tagged object: `{ $zqa: <tag>, … }`. */
export type PortableTag = { [key: string]: PortableJson };

/** A binary value met while encoding: a Blob, or a byte array (kept as given, not copied). */
export type BinaryValue = { kind: 'blob'; value: Blob } | { kind: 'bytes'; value: Uint8Array } | { kind: 'buffer'; value: ArrayBuffer };

export const PORTABLE_TAG = '$zqa';
const TAG = PORTABLE_TAG;

class UnportableValueError extends Error {}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Encodes a value synchronously; each Blob or byte array is handed to `onBinary`, whose
 * answer (a tag of the caller's own) stands in its place.
 */
export function encodePortable(value: unknown, onBinary: (binary: BinaryValue, path: string) => PortableTag, path = '$'): PortableJson {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value === undefined) return { [TAG]: 'undefined' };
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: 'number', v: String(value) };
  if (typeof value !== 'object') throw new UnportableValueError(`${path}: a ${typeof value} cannot be stored`);
  if (Array.isArray(value)) return value.map((v, i) => encodePortable(v, onBinary, `${path}[${i}]`));
  if (value instanceof Date) return { [TAG]: 'date', v: Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
  if (value instanceof Blob) return onBinary({ kind: 'blob', value }, path);
  if (value instanceof Uint8Array) return onBinary({ kind: 'bytes', value }, path);
  if (value instanceof ArrayBuffer) return onBinary({ kind: 'buffer', value }, path);
  // CryptoKey, Map, class instances…: refused by name, so a private key can never be
  // written out by accident and the user learns which record stopped the backup.
  if (!isPlainObject(value)) throw new UnportableValueError(`${path}: a ${value.constructor?.name ?? 'foreign object'} cannot be stored`);
  const out: Record<string, PortableJson> = {};
  for (const [k, v] of Object.entries(value)) out[k] = encodePortable(v, onBinary, `${path}.${k}`);
  return TAG in out ? { [TAG]: 'escaped', v: out } : out;
}

/** Encodes a value for the backup; byte sections are appended to `sections` and referred to by index. */
export async function toPortable(value: unknown, sections: ByteSection[], path = '$'): Promise<PortableJson> {
  const reads: Promise<void>[] = [];
  const json = encodePortable(
    value,
    (binary) => {
      const i = sections.length;
      const type = binary.kind === 'blob' ? binary.value.type : '';
      // Copied now: the backup holds the bytes as they were when it was made.
      if (binary.kind === 'bytes') sections.push({ bytes: binary.value.slice(), kind: 'bytes', type });
      else if (binary.kind === 'buffer') sections.push({ bytes: new Uint8Array(binary.value.slice(0)), kind: 'buffer', type });
      else {
        sections.push({ bytes: new Uint8Array(0), kind: 'blob', type });
        reads.push(binary.value.arrayBuffer().then((b) => void (sections[i] = { bytes: new Uint8Array(b), kind: 'blob', type })));
      }
      return { [TAG]: 'section', i };
    },
    path,
  );
  await Promise.all(reads);
  return json;
}

/**
 * Decodes what encodePortable wrote. Tags of the caller's own (byte sections, blob
 * references) go to `resolve`, which throws for one it does not know.
 */
export function decodePortable(value: PortableJson, resolve: (tag: PortableTag) => unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => decodePortable(v, resolve));
  const tag = value[TAG];
  if (tag === undefined) return decodeEntries(value, resolve);
  switch (tag) {
    case 'undefined':
      return undefined;
    case 'number':
      return typeof value['v'] === 'string' ? Number(value['v']) : Number.NaN;
    case 'date':
      return typeof value['v'] === 'string' && value['v'] !== 'invalid' ? new Date(value['v']) : new Date(Number.NaN);
    case 'escaped': {
      const inner = value['v'];
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) throw new UnportableValueError('an escaped object holds no object');
      return decodeEntries(inner, resolve);
    }
    default:
      return resolve(value);
  }
}

/** Decodes a backup's value; a reference to a missing section or an unknown tag throws. */
export function fromPortable(value: PortableJson, sections: readonly ByteSection[]): unknown {
  return decodePortable(value, (tag) => {
    if (tag[TAG] !== 'section') throw new UnportableValueError(`unknown tag ${JSON.stringify(tag[TAG])}`);
    const section = typeof tag['i'] === 'number' ? sections[tag['i']] : undefined;
    if (!section) throw new UnportableValueError(`a record refers to byte section ${JSON.stringify(tag['i'])}, which the backup lacks`);
    if (section.kind === 'blob') return new Blob([section.bytes as Uint8Array<ArrayBuffer>], { type: section.type });
    if (section.kind === 'bytes') return section.bytes.slice();
    return section.bytes.slice().buffer;
  });
}

function decodeEntries(value: { [key: string]: PortableJson }, resolve: (tag: PortableTag) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // defineProperty: a key named __proto__ in a restored record stays plain data.
    Object.defineProperty(out, k, { value: decodePortable(v, resolve), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
