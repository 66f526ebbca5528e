/**
 * Turns database records into JSON that canonicalJson accepts, and back, without losing what
 * IndexedDB's structured clone keeps: Blobs and byte arrays go to a side list of byte
 * sections (so a photo is not inflated by base64), Dates, `undefined` and non-finite numbers
 * become tagged objects. A tag is an object whose one marker key is `$zqa`; a record that
 * itself has a `$zqa` key is escaped, so nothing a user typed can pose as a tag.
 */

/** One byte section of the backup: a Blob (with its MIME type) or a byte array. */
export interface ByteSection {
  bytes: Uint8Array;
  /** 'blob' with its type, 'bytes' for Uint8Array, 'buffer' for ArrayBuffer. */
  kind: 'blob' | 'bytes' | 'buffer';
  type: string;
}

export type PortableJson = null | boolean | number | string | PortableJson[] | { [key: string]: PortableJson };

const TAG = '$zqa';

export class UnportableValueError extends Error {}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Encodes a value; byte sections are appended to `sections` and referred to by index. */
export async function toPortable(value: unknown, sections: ByteSection[], path = '$'): Promise<PortableJson> {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value === undefined) return { [TAG]: 'undefined' };
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: 'number', v: String(value) };
  if (typeof value !== 'object') throw new UnportableValueError(`${path}: a ${typeof value} cannot be backed up`);
  if (Array.isArray(value)) {
    const out: PortableJson[] = [];
    for (const [i, v] of value.entries()) out.push(await toPortable(v, sections, `${path}[${i}]`));
    return out;
  }
  if (value instanceof Date) return { [TAG]: 'date', v: Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
  if (value instanceof Blob) {
    sections.push({ bytes: new Uint8Array(await value.arrayBuffer()), kind: 'blob', type: value.type });
    return { [TAG]: 'section', i: sections.length - 1 };
  }
  if (value instanceof Uint8Array) {
    sections.push({ bytes: value.slice(), kind: 'bytes', type: '' });
    return { [TAG]: 'section', i: sections.length - 1 };
  }
  if (value instanceof ArrayBuffer) {
    sections.push({ bytes: new Uint8Array(value.slice(0)), kind: 'buffer', type: '' });
    return { [TAG]: 'section', i: sections.length - 1 };
  }
  // CryptoKey, Map, class instances…: refused by name, so a private key can never be
  // written out by accident and the user learns which record stopped the backup.
  if (!isPlainObject(value)) throw new UnportableValueError(`${path}: a ${value.constructor?.name ?? 'foreign object'} cannot be backed up`);
  const out: Record<string, PortableJson> = {};
  for (const [k, v] of Object.entries(value)) out[k] = await toPortable(v, sections, `${path}.${k}`);
  return TAG in out ? { [TAG]: 'escaped', v: out } : out;
}

/** Decodes what toPortable wrote; a reference to a missing section or an unknown tag throws. */
export function fromPortable(value: PortableJson, sections: readonly ByteSection[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => fromPortable(v, sections));
  const tag = value[TAG];
  if (tag === undefined) return decodeEntries(value, sections);
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
      return decodeEntries(inner, sections);
    }
    case 'section': {
      const section = typeof value['i'] === 'number' ? sections[value['i']] : undefined;
      if (!section) throw new UnportableValueError(`a record refers to byte section ${JSON.stringify(value['i'])}, which the backup lacks`);
      if (section.kind === 'blob') return new Blob([section.bytes as Uint8Array<ArrayBuffer>], { type: section.type });
      if (section.kind === 'bytes') return section.bytes.slice();
      return section.bytes.slice().buffer;
    }
    default:
      throw new UnportableValueError(`unknown tag ${JSON.stringify(tag)}`);
  }
}

function decodeEntries(value: { [key: string]: PortableJson }, sections: readonly ByteSection[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // defineProperty: a key named __proto__ in a restored record stays plain data.
    Object.defineProperty(out, k, { value: fromPortable(v, sections), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
