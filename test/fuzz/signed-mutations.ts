/**
 * Mutations only a key holder can make: a manifest that lies or is hostile, validly signed
 * by the trusted sender (or by a look-alike key); and content whose plaintext is hostile,
 * encrypted with a real content key wrapped for the real recipients, so the importer gets
 * past decryption to the validators.
 */
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { createParticipant } from '../../cli/lib/demo-participant.js';
import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import { keyIdOf } from '../../shared/crypto/key-id.js';
import { decodeBase64 } from '../../shared/crypto/spki.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { canonicalJson } from '../../shared/util/canonical-json.js';
import { BYTE_MUTATORS, type Mutant } from './byte-mutations.js';
import { hostileValueText, invalidUtf8, isUtf8, jsonPaths, replaceAtPath, spliceBytes } from './hostile-json.js';
import { entriesOf, writeRawZip, type RawEntry } from './raw-zip.js';
import type { Rng } from './rng.js';
import type { SeedPackage } from './seed-packages.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

let lookAlike: Promise<KeyHolder> | null = null;
/** A stranger's key that calls itself by the trusted sender's name and key id. */
function lookAlikeKeys(): Promise<KeyHolder> {
  lookAlike ??= createParticipant({ name: '冒名者', organisation: '未知', role: 'expert' }).then((p) => p.keys);
  return lookAlike;
}

async function signedZip(entries: RawEntry[], manifestBytes: Uint8Array, signer: KeyHolder): Promise<Uint8Array> {
  const sig = rawSignatureToDer(await signer.sign({ purpose: 'manifest', data: manifestBytes }));
  const out = entries.map((e) => (e.name === 'manifest.json' ? { ...e, data: manifestBytes } : e.name === 'manifest.sig' ? { ...e, data: sig } : e));
  return writeRawZip({ entries: out });
}

async function receiverKeyId(seed: SeedPackage): Promise<string> {
  const spki = seed.receiver.keys ? decodeBase64((await seed.receiver.keys.publicKeys()).signingKey) : null;
  return spki ? keyIdOf(spki) : '';
}

/** The seed's manifest changed as an object (canonical, signed), entries kept. */
async function lyingManifest(seed: SeedPackage, r: Rng): Promise<Mutant> {
  const entries = entriesOf(seed.bytes);
  const manifest = JSON.parse(dec.decode(entries[0]!.data)) as { entries: { name: string; size: number; sha256: string }[]; [k: string]: unknown };
  const listed = manifest.entries;
  const target = r.pick(listed);
  let op: string;
  const recipients = manifest.recipients as Record<string, string>[];
  switch (r.int(0, recipients.length > 1 ? 12 : 9)) {
    case 10:
      // Every reader's wrapped key dropped but one: whoever is left out cannot open it.
      manifest.recipients = recipients.slice(0, 1).map((x) => ({ ...x, keyId: 'f'.repeat(32), hkdfInfo: x.hkdfInfo!.replace(x.keyId!, 'f'.repeat(32)) }));
      op = 'recipients replaced by a stranger';
      break;
    case 11: {
      // The receiver's wrapped key and another reader's, each under the other's key id.
      const mine = await receiverKeyId(seed);
      const at = Math.max(0, recipients.findIndex((x) => x.keyId === mine));
      const [a, b] = [recipients[at]!, recipients[(at + 1) % recipients.length]!];
      [a.wrappedKey, b.wrappedKey] = [b.wrappedKey!, a.wrappedKey!];
      [a.ephemeralKey, b.ephemeralKey] = [b.ephemeralKey!, a.ephemeralKey!];
      op = 'wrapped keys swapped between recipients';
      break;
    }
    case 12:
      for (const x of recipients) x.hkdfSalt = 'A'.repeat(43) + '=';
      op = 'HKDF salts changed';
      break;
    case 0:
      target.size += r.pick([1, -1, 1000]);
      op = `lie size of ${target.name}`;
      break;
    case 1:
      target.sha256 = await sha256Hex(r.bytes(8));
      op = `lie sha256 of ${target.name}`;
      break;
    case 2:
      listed.push({ name: `blobs/${String(r.int(100, 9999)).padStart(4, '0')}`, size: 10, sha256: 'a'.repeat(64) });
      op = 'list an entry the file lacks';
      break;
    case 3:
      listed.splice(listed.indexOf(target), 1);
      op = `leave ${target.name} unlisted`;
      break;
    case 4:
      listed.push({ ...target });
      op = `list ${target.name} twice`;
      break;
    case 5:
      listed.push({ name: r.pick(['manifest.json', 'manifest.sig', '../x', 'blobs/1', 'blobs/00001']), size: 0, sha256: 'b'.repeat(64) });
      op = 'list a forbidden name';
      break;
    case 6: {
      const others = (['identity-card', 'assignment', 'scoresheet', 'report-for-signing', 'countersignature', 'panel-return'] as const).filter((t) => t !== seed.type);
      manifest.type = r.pick(others);
      op = `type → ${String(manifest.type)}`;
      break;
    }
    case 7:
      manifest.formatVersion = r.pick([0, 1, 3, '2', null, 1.5]);
      op = `formatVersion ${JSON.stringify(manifest.formatVersion)}`;
      break;
    case 8:
      manifest.encrypted = !manifest.encrypted;
      op = 'encrypted flag flipped';
      break;
    default:
      (manifest.sender as Record<string, unknown>).keyId = 'c'.repeat(32);
      op = 'sender.keyId of another key';
  }
  const signer = r.chance(0.15) ? await lookAlikeKeys() : seed.sender.keys;
  if (signer !== seed.sender.keys && r.chance(0.5)) {
    // A consistent stranger: its own key in the sender field, the trusted sender's name.
    const spki = decodeBase64((await signer.publicKeys()).signingKey)!;
    Object.assign(manifest.sender as Record<string, unknown>, { keyId: await keyIdOf(spki), signingKey: (await signer.publicKeys()).signingKey });
    op += ', sender is a stranger under a trusted name';
  }
  const bytes = await signedZip(entries, enc.encode(canonicalJson(manifest)), signer);
  return { op: `signed manifest: ${op}${signer === seed.sender.keys ? '' : ' (look-alike key)'}`, bytes, mustRefuse: true };
}

/** Hostile JSON inside a manifest the sender signs: deep, huge, polluting, not UTF-8, not canonical. */
async function hostileManifest(seed: SeedPackage, r: Rng): Promise<Mutant> {
  const entries = entriesOf(seed.bytes);
  const manifestText = dec.decode(entries[0]!.data);
  const manifest = JSON.parse(manifestText) as unknown;
  let bytes: Uint8Array;
  let op: string;
  let mustRefuse = true;
  const kind = r.int(0, 4);
  if (kind === 0) {
    const raw = entries[0]!.data;
    const at = r.int(0, raw.length);
    bytes = spliceBytes(raw, at, r.int(0, 1), invalidUtf8(r));
    op = `invalid UTF-8 at ${at}`;
    mustRefuse = !isUtf8(bytes) || dec.decode(bytes) !== manifestText;
  } else if (kind === 1) {
    bytes = enc.encode(manifestText.replace(/,/g, r.pick([', ', ',\n', ' ,'])));
    op = 'not canonical (whitespace)';
  } else {
    const hostile = hostileValueText(r);
    const paths = jsonPaths(manifest);
    const keepHead = (p: (string | number)[]) => p[0] !== 'format' && p[0] !== 'formatVersion';
    const mode = kind === 2 ? 'add-key' : 'replace';
    const candidates = mode === 'add-key' ? [[], ...paths.filter((p) => keepHead(p) && isObjectAt(manifest, p))] : paths.filter(keepHead);
    const path = r.chance(0.1) && mode === 'replace' ? ['formatVersion'] : r.pick(candidates);
    const key = r.pick(['x', '__proto__', 'constructor', 'prototype', 'toString']);
    bytes = enc.encode(replaceAtPath(manifest, path, hostile.text, mode, key));
    op = `${mode} ${hostile.what} at ${path.join('.') || '(root)'}${mode === 'add-key' ? ` as ${key}` : ''}`;
    // Another kind of value may be one the schema allows (null for a null field).
    mustRefuse = hostile.what !== 'wrong kind';
  }
  return { op: `signed hostile manifest: ${op}`, bytes: await signedZip(entries, bytes, seed.sender.keys), mustRefuse };
}

/** Hostile plaintext content, encrypted and signed exactly as the real sender would. */
async function hostileContent(seed: SeedPackage, r: Rng): Promise<Mutant> {
  const plain = seed.plain.map((e) => ({ ...e }));
  const content = JSON.parse(dec.decode(plain[0]!.bytes)) as Record<string, unknown>;
  let op: string;
  let mustRefuse = true;
  const kind = r.int(0, 7);
  if (kind === 0) {
    const at = r.int(0, plain[0]!.bytes.length);
    const before = plain[0]!.bytes;
    plain[0]!.bytes = spliceBytes(before, at, r.int(0, 2), invalidUtf8(r));
    op = `invalid UTF-8 at ${at}`;
    // The splice may complete a character instead (valid text, perhaps still valid content).
    mustRefuse = !isUtf8(plain[0]!.bytes);
  } else if (kind === 1) {
    const keep = r.int(0, plain[0]!.bytes.length - 1);
    plain[0]!.bytes = plain[0]!.bytes.slice(0, keep);
    op = `truncated JSON at ${keep}`;
  } else if (kind === 2 && Array.isArray(content.history) && content.history.length > 0) {
    const history = content.history as Record<string, unknown>[];
    const i = r.int(0, history.length - 1);
    const field = r.pick(['to', 'from', 'at', 'actor', 'itemId', 'seq', 'prevHash', 'hash']);
    const e = history[i]!;
    const old = e[field];
    e[field] = typeof old === 'number' ? old + 5 : field.endsWith('ash') ? 'f'.repeat(64) : `${String(old)}x`;
    if (e[field] === 105) e[field] = 95;
    plain[0]!.bytes = enc.encode(canonicalJson(content));
    op = `history entry ${i + 1}.${field} edited`;
  } else if (kind === 3 && plain.length > 1) {
    const i = r.int(1, plain.length - 1);
    const b = plain[i]!.bytes.slice();
    const at = r.int(0, b.length - 1);
    b[at] = r.byteOtherThan(b[at] ?? 0);
    plain[i]!.bytes = b.length > 0 ? b : Uint8Array.of(1);
    op = `file ${plain[i]!.name} changed under its reference`;
  } else {
    const hostile = hostileValueText(r);
    const mode = kind % 2 === 0 ? 'add-key' : 'replace';
    const paths = jsonPaths(content);
    const path = mode === 'add-key' ? r.pick([[], ...paths.filter((p) => isObjectAt(content, p))]) : r.pick(paths);
    const key = r.pick(['x', '__proto__', 'constructor', 'prototype']);
    plain[0]!.bytes = enc.encode(replaceAtPath(content, path, hostile.text, mode, key));
    op = `${mode} ${hostile.what} at ${path.join('.') || '(root)'}${mode === 'add-key' ? ` as ${key}` : ''}`;
    // A value of another kind may be one the schema allows (null where a score may be unset).
    mustRefuse = hostile.what !== 'wrong kind';
  }
  return { op: `signed hostile content: ${op}`, bytes: await seed.reassemble(plain), mustRefuse };
}

/**
 * A panel return whose nested member package is damaged or hostile (a scoresheet with an
 * edited history re-signed by its owner, say), while the leader's own package is perfectly
 * good: the leader signs it with the nested file's correct size and SHA-256.
 */
async function hostileNested(seed: SeedPackage, r: Rng): Promise<Mutant> {
  if (!seed.nested) return hostileContent(seed, r);
  const [entry, member] = r.pick([...seed.nested]);
  let inner: Mutant;
  if (r.chance(0.5)) {
    const [, mutate] = r.pick(BYTE_MUTATORS);
    inner = await mutate(member.bytes, r);
  } else {
    inner = await (r.chance(0.5) ? hostileContent : lyingManifest)(member, r);
  }
  const plain = seed.plain.map((e) => (e.name === entry ? { name: e.name, bytes: inner.bytes } : { ...e }));
  const content = JSON.parse(dec.decode(plain[0]!.bytes)) as { scoresheets: { package: { entry: string; size: number; sha256: string } }[]; countersignatures: { package: { entry: string; size: number; sha256: string } }[] };
  const ref = [...content.scoresheets, ...content.countersignatures].find((x) => x.package.entry === entry)!.package;
  ref.size = inner.bytes.length;
  ref.sha256 = await sha256Hex(inner.bytes);
  plain[0]!.bytes = enc.encode(canonicalJson(content));
  return { op: `nested ${member.type} ${entry}: ${inner.op}`, bytes: await seed.reassemble(plain), mustRefuse: inner.mustRefuse };
}

function isObjectAt(root: unknown, path: readonly (string | number)[]): boolean {
  let node = root;
  for (const p of path) node = (node as Record<string | number, unknown>)[p];
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

export const SIGNED_MUTATORS: readonly [string, (seed: SeedPackage, r: Rng) => Promise<Mutant>, number][] = [
  ['lying-manifest', lyingManifest, 6],
  ['hostile-manifest', hostileManifest, 5],
  ['hostile-content', hostileContent, 6],
  ['hostile-nested', hostileNested, 2],
];
