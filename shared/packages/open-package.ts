import type { KeyHolder } from '../crypto/key-holder.js';
import { keyIdOf } from '../crypto/key-id.js';
import { decodeBase64 } from '../crypto/spki.js';
import { sha256Hex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import { byteOrderMarkAt, canonicalBytesProblem } from './canonical-bytes.js';
import { decryptEntry, unwrapContentKey } from './content-cipher.js';
import { contentProblemError, contentRules, type PackageContent } from './content/registry.js';
import { packageError, type PackageError } from './errors.js';
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './limits.js';
import { CONTENT_ENTRY } from './manifest.js';
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
  let contentKey: Uint8Array | null = null;
  if (manifest.encrypted) {
    if (!keys) return fail('not-a-recipient', 'no key material was given to open encrypted content');
    const mine = decodeBase64((await keys.publicKeys()).signingKey);
    const myKeyId = mine ? await keyIdOf(mine) : '';
    const recipient = manifest.recipients.find((r) => r.keyId === myKeyId);
    if (!recipient) return fail('not-a-recipient', `no content key for key ${myKeyId}; recipients: ${manifest.recipients.map((r) => r.keyId).join(', ')}`);
    try {
      contentKey = await unwrapContentKey(
        keys,
        { ephemeralKey: decodeBase64(recipient.ephemeralKey)!, hkdfSalt: decodeBase64(recipient.hkdfSalt)!, wrappedKey: decodeBase64(recipient.wrappedKey)! },
        recipient.hkdfInfo,
      );
    } catch {
      return fail('decrypt-failed', `the content key wrapped for ${myKeyId} does not open with this key material`);
    }
  }
  const decrypt = async (name: string): Promise<Result<Uint8Array, PackageError>> => {
    const stored = verified.entries.get(name)!;
    if (!contentKey) return ok(stored);
    try {
      return ok(await decryptEntry(contentKey, name, stored));
    } catch {
      return fail('decrypt-failed', `"${name}" does not decrypt with the package's content key`);
    }
  };

  const contentBytes = await decrypt(CONTENT_ENTRY);
  if (!contentBytes.ok) return contentBytes;
  if (contentBytes.value.length > limits.maxContentJsonBytes) return fail('entry-too-large', `${CONTENT_ENTRY} is ${contentBytes.value.length} bytes, limit ${limits.maxContentJsonBytes}`);
  const bom = byteOrderMarkAt(contentBytes.value);
  if (bom >= 0) return fail('not-canonical', `${CONTENT_ENTRY} holds a byte-order mark (U+FEFF) at byte ${bom}`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(contentBytes.value));
  } catch {
    return fail('content-malformed', `${CONTENT_ENTRY} is not UTF-8 JSON`);
  }
  // Canonical, as the writer makes it, byte for byte: content that has no canonical form (a
  // lone surrogate, 1e400) could be stored but never hashed, signed or exported again.
  const canonical = canonicalBytesProblem(contentBytes.value, raw, CONTENT_ENTRY);
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
  const blobNames = [...verified.entries.keys()].filter((n) => n !== CONTENT_ENTRY);
  const referenced = new Set(refs.map((r) => r.entry));
  if (referenced.size !== refs.length) return fail('content-invalid', 'a file entry is referenced twice');
  const unreferenced = blobNames.find((n) => !referenced.has(n));
  if (unreferenced) return fail('content-invalid', `"${unreferenced}" is not referenced by the content`);
  const blobs = new Map<string, Uint8Array>();
  for (const ref of refs) {
    if (!verified.entries.has(ref.entry)) return fail('content-invalid', `the content refers to "${ref.entry}", which the package does not hold`);
    const bytes = await decrypt(ref.entry);
    if (!bytes.ok) return bytes;
    if (bytes.value.length !== ref.size || (await sha256Hex(bytes.value)) !== ref.sha256) {
      return fail('content-invalid', `"${ref.entry}" (${ref.fileName}) does not match the SHA-256 the content names`);
    }
    blobs.set(ref.entry, bytes.value);
  }
  return ok({ ...verified, type: manifest.type, content, blobs });
}
