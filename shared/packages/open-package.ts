import type { KeyHolder } from '../crypto/key-holder.js';
import { keyIdOf } from '../crypto/key-id.js';
import { decodeBase64 } from '../crypto/spki.js';
import { concatBytes, sha256Hex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import { byteOrderMarkAt, canonicalBytesProblem } from './canonical-bytes.js';
import { decryptEntry, unwrapContentKey } from './content-cipher.js';
import type { BlobRef } from './content/common.js';
import { contentProblemError, contentRules, type PackageContent } from './content/registry.js';
import { packageError, type PackageError } from './errors.js';
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './limits.js';
import { CONTENT_ENTRY, STREAMED_FORMAT_VERSION, type Manifest } from './manifest.js';
import { webCryptoChunkCipher, type ChunkCipher } from './stream/chunk-cipher.js';
import { openSealedEntry } from './stream/sealed-entry.js';
import type { VerifiedPackage } from './verify-package.js';

export type OpenedPackage = VerifiedPackage &
  PackageContent & {
    /** Decrypted files by entry name (`blobs/NNNN`), each checked against its reference. */
    blobs: ReadonlyMap<string, Uint8Array>;
  };

const fail = (code: PackageError['code'], detail: string) => err(packageError(code, detail));

/**
 * Decrypts a verified package with the caller's key holder and validates its content:
 * the zod schema of its type, the checks against the signed manifest, and every file
 * against the SHA-256 the content names. Identity cards need no key.
 */
export async function openVerifiedPackage(
  verified: VerifiedPackage,
  keys: KeyHolder | null,
  limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
): Promise<Result<OpenedPackage, PackageError>> {
  const { manifest } = verified;
  const contentKey = await contentKeyFor(manifest, keys);
  if (!contentKey.ok) return contentKey;
  const decrypt = entryDecrypter(manifest, contentKey.value);
  const contentBytes = await decrypt(CONTENT_ENTRY, verified.entries.get(CONTENT_ENTRY)!);
  if (!contentBytes.ok) return contentBytes;
  const read = await readContent(contentBytes.value, manifest, limits);
  if (!read.ok) return read;
  const blobs = new Map<string, Uint8Array>();
  for (const ref of read.value.refs) {
    const bytes = await decrypt(ref.entry, verified.entries.get(ref.entry)!);
    if (!bytes.ok) return bytes;
    if (bytes.value.length !== ref.size || (await sha256Hex(bytes.value)) !== ref.sha256) return fail('content-invalid', blobMismatch(ref));
    blobs.set(ref.entry, bytes.value);
  }
  return ok({ ...verified, ...read.value.typed, blobs });
}

export function blobMismatch(ref: BlobRef): string {
  return `"${ref.entry}" (${ref.fileName}) does not match the SHA-256 the content names`;
}

/** The package's content key unwrapped for this key holder; null for an identity card (not encrypted). */
export async function contentKeyFor(manifest: Manifest, keys: KeyHolder | null): Promise<Result<Uint8Array | null, PackageError>> {
  if (!manifest.encrypted) return ok(null);
  if (!keys) return fail('not-a-recipient', 'no key material was given to open encrypted content');
  const mine = decodeBase64((await keys.publicKeys()).signingKey);
  const myKeyId = mine ? await keyIdOf(mine) : '';
  const recipient = manifest.recipients.find((r) => r.keyId === myKeyId);
  if (!recipient) return fail('not-a-recipient', `no content key for key ${myKeyId}; recipients: ${manifest.recipients.map((r) => r.keyId).join(', ')}`);
  try {
    return ok(
      await unwrapContentKey(
        keys,
        { ephemeralKey: decodeBase64(recipient.ephemeralKey)!, hkdfSalt: decodeBase64(recipient.hkdfSalt)!, wrappedKey: decodeBase64(recipient.wrappedKey)! },
        recipient.hkdfInfo,
      ),
    );
  } catch {
    return fail('decrypt-failed', `the content key wrapped for ${myKeyId} does not open with this key material`);
  }
}

/** Opens one stored entry held in memory: whole (version 2) or chunk by chunk (version 3). */
function entryDecrypter(manifest: Manifest, contentKey: Uint8Array | null) {
  let chunkCipher: Promise<ChunkCipher> | null = null;
  return async (name: string, stored: Uint8Array): Promise<Result<Uint8Array, PackageError>> => {
    if (!contentKey) return ok(stored);
    if (manifest.formatVersion === STREAMED_FORMAT_VERSION) {
      chunkCipher ??= webCryptoChunkCipher(contentKey);
      const parts: Uint8Array[] = [];
      const opened = await openSealedEntry(await chunkCipher, name, stored.length, (at, n) => Promise.resolve(stored.subarray(at, at + n)), (p) => void parts.push(p));
      return opened.ok ? ok(parts.length === 1 ? parts[0]! : concatBytes(parts)) : opened;
    }
    try {
      return ok(await decryptEntry(contentKey, name, stored));
    } catch {
      return fail('decrypt-failed', `"${name}" does not decrypt with the package's content key`);
    }
  };
}

/**
 * Decrypted content.json, checked: size, no byte-order mark, UTF-8 JSON in its canonical
 * bytes, the schema and rules of its type against the manifest, and every listed file
 * referenced exactly once. Returns the typed content and the refs in the order to read them.
 */
export async function readContent(
  contentBytes: Uint8Array,
  manifest: Manifest,
  limits: PackageLimits,
): Promise<Result<{ typed: PackageContent; refs: BlobRef[] }, PackageError>> {
  if (contentBytes.length > limits.maxContentJsonBytes) return fail('entry-too-large', `${CONTENT_ENTRY} is ${contentBytes.length} bytes, limit ${limits.maxContentJsonBytes}`);
  const bom = byteOrderMarkAt(contentBytes);
  if (bom >= 0) return fail('not-canonical', `${CONTENT_ENTRY} holds a byte-order mark (U+FEFF) at byte ${bom}`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(contentBytes));
  } catch {
    return fail('content-malformed', `${CONTENT_ENTRY} is not UTF-8 JSON`);
  }
  // Canonical, as the writer makes it, byte for byte: content that has no canonical form (a
  // lone surrogate, 1e400) could be stored but never hashed, signed or exported again.
  const canonical = canonicalBytesProblem(contentBytes, raw, CONTENT_ENTRY);
  if (canonical) return fail('not-canonical', canonical);
  const rules = contentRules(manifest.type);
  const parsed = rules.schema.safeParse(raw);
  if (!parsed.success) {
    return fail('content-invalid', parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || manifest.type}: ${i.message}`).join('; '));
  }
  const content = parsed.data as never;
  const problem = await rules.check(content, manifest);
  if (problem) return err(contentProblemError(problem));

  const refs = rules.blobs(content);
  const listed = new Set(manifest.entries.map((e) => e.name));
  const blobNames = [...listed].filter((n) => n !== CONTENT_ENTRY);
  const referenced = new Set(refs.map((r) => r.entry));
  if (referenced.size !== refs.length) return fail('content-invalid', 'a file entry is referenced twice');
  const unreferenced = blobNames.find((n) => !referenced.has(n));
  if (unreferenced) return fail('content-invalid', `"${unreferenced}" is not referenced by the content`);
  const absent = refs.find((r) => !listed.has(r.entry));
  if (absent) return fail('content-invalid', `the content refers to "${absent.entry}", which the package does not hold`);
  return ok({ typed: { type: manifest.type, content }, refs });
}
