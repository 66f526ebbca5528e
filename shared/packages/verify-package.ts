import { sha256Hex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import { packageError, type PackageError } from './errors.js';
import { DEFAULT_PACKAGE_LIMITS } from './limits.js';
import { MANIFEST_ENTRY, SIGNATURE_ENTRY } from './manifest.js';
import { checkEntryLayout, checkSignedManifest, type SignedManifest, type VerifyOptions } from './signed-manifest.js';
import { readStoredZip } from './zip-read.js';

export type { SignerTrust, VerifyOptions } from './signed-manifest.js';

export interface VerifiedPackage extends SignedManifest {
  /** Every entry other than manifest.json and manifest.sig, as stored, hashes checked. */
  entries: ReadonlyMap<string, Uint8Array>;
}

const fail = (code: PackageError['code'], detail: string) => err(packageError(code, detail));

/**
 * Everything that can be checked without a private key, in the order that gives the most
 * useful message: the container and its limits, the format version, the signature over the
 * exact manifest bytes, the manifest's shape, the package type, the signer's trust, then
 * every entry against its listed size and SHA-256. Bytes in memory; a package of format
 * version 3 can also be read a piece at a time (stream/verify-package-stream.ts).
 */
export async function verifyPackage(bytes: Uint8Array, options: VerifyOptions): Promise<Result<VerifiedPackage, PackageError>> {
  const limits = options.limits ?? DEFAULT_PACKAGE_LIMITS;
  const zip = readStoredZip(bytes, limits);
  if (!zip.ok) return zip;
  const byName = new Map(zip.value.map((e) => [e.name, e.data]));
  const manifestBytes = byName.get(MANIFEST_ENTRY);
  const signatureDer = byName.get(SIGNATURE_ENTRY);
  if (!manifestBytes) return fail('entry-missing', MANIFEST_ENTRY);
  if (!signatureDer) return fail('entry-missing', SIGNATURE_ENTRY);
  const signed = await checkSignedManifest(manifestBytes, signatureDer, options);
  if (!signed.ok) return signed;
  const { manifest } = signed.value;
  const layout = checkEntryLayout(manifest, zip.value.map((e) => e.name));
  if (!layout.ok) return layout;
  const entries = new Map<string, Uint8Array>();
  for (const e of manifest.entries) {
    const data = byName.get(e.name)!;
    if (data.length !== e.size || (await sha256Hex(data)) !== e.sha256) return fail('entry-altered', `"${e.name}" does not match its SHA-256 in the manifest`);
    entries.set(e.name, data);
  }
  return ok({ ...signed.value, entries });
}
