import type { KeyHolder } from '../crypto/key-holder.js';
import { keyIdOf } from '../crypto/key-id.js';
import { rawSignatureToDer } from '../crypto/ecdsa-signature.js';
import { decodeBase64 } from '../crypto/spki.js';
import { randomBytes } from '../crypto/buffer-source.js';
import { sha256Hex, toBase64, toHex } from '../util/bytes.js';
import { canonicalJsonBytes } from '../util/canonical-json.js';
import { err, ok, type Result } from '../util/result.js';
import { withoutByteOrderMarks } from './canonical-bytes.js';
import { encryptEntry, newContentKey, wrapContentKey } from './content-cipher.js';
import type { BlobRef } from './content/common.js';
import { contentProblemError, contentRules, type ContentByType } from './content/registry.js';
import { packageError, type PackageError } from './errors.js';
import { CONTENT_ENTRY, hkdfInfoFor, MANIFEST_ENTRY, manifestSchema, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, SIGNATURE_ENTRY, type Manifest, type PackageType } from './manifest.js';
import { writeStoredZip } from './zip-write.js';

export interface PackageRecipientKey {
  keyId: string;
  /** base64 SPKI DER of the recipient's ECDH P-256 key. */
  encryptionKey: string;
}

export interface WritePackageInput<T extends PackageType> {
  type: T;
  content: ContentByType[T];
  /** The files the content's blob refs name, bytes as they are (encrypted here). */
  blobs?: readonly { entry: string; bytes: Uint8Array }[];
  subject: Manifest['subject'];
  revision: number;
  supersedes?: string | null;
  createdAt?: Date;
  packageId?: string;
  sender: { name: string; keys: KeyHolder };
  /** Who can open it; ignored for identity cards (public). Include the sender to reread it. */
  recipients: readonly PackageRecipientKey[];
}

export interface WrittenPackage {
  bytes: Uint8Array;
  manifest: Manifest;
}

/**
 * Builds a package: checks the content as a reader would, encrypts content.json and every
 * blob under a fresh content key, wraps that key for each recipient, lists every entry's
 * SHA-256 in the manifest and signs its canonical bytes. Returns the file's bytes; writing
 * them atomically is the host's job.
 */
export async function writePackage<T extends PackageType>(given: WritePackageInput<T>): Promise<Result<WrittenPackage, PackageError>> {
  const checked = await checkContentToWrite(given);
  if (!checked.ok) return checked;
  const { input, refs } = checked.value;
  const blobs = new Map((given.blobs ?? []).map((b) => [b.entry, b.bytes]));
  const mismatch = filesMatchRefs(refs, new Map([...blobs].map(([entry, bytes]) => [entry, bytes.length])));
  if (mismatch) return err(mismatch);
  for (const ref of refs) {
    if ((await sha256Hex(blobs.get(ref.entry)!)) !== ref.sha256) return err(packageError('content-invalid', `file ${ref.entry} does not match its reference`));
  }
  return assemblePackage({ ...input, entries: [{ name: CONTENT_ENTRY, bytes: canonicalJsonBytes(input.content) }, ...refs.map((r) => ({ name: r.entry, bytes: blobs.get(r.entry)! }))] });
}

/**
 * The content as a reader will check it (schema, rules against a draft manifest), with
 * U+FEFF dropped (invisible, and refused in canonical bytes); and the files it refers to.
 * Both writers (in memory, streamed) come through here.
 */
export async function checkContentToWrite<T extends PackageType, I extends Omit<WritePackageInput<T>, 'blobs'>>(given: I): Promise<Result<{ input: I; refs: BlobRef[] }, PackageError>> {
  const input = { ...given, content: withoutByteOrderMarks(given.content), sender: { ...given.sender, name: withoutByteOrderMarks(given.sender.name) } };
  const rules = contentRules(input.type);
  const parsed = rules.schema.safeParse(input.content);
  if (!parsed.success) return err(packageError('content-invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
  const sender = await senderOf(input.sender);
  if (!sender.ok) return sender;
  const draft = { type: input.type, subject: input.subject, sender: sender.value, recipients: [], entries: [] } as unknown as Manifest;
  const problem = await rules.check(input.content as never, draft);
  if (problem) return err(contentProblemError(problem));
  return ok({ input, refs: rules.blobs(input.content as never) });
}

/**
 * One file given for each file the content refers to, of the size it states; null when so.
 * (Each writer checks the SHA-256 its own way: in memory before, streamed while writing.)
 */
export function filesMatchRefs(refs: readonly BlobRef[], sizes: ReadonlyMap<string, number>): PackageError | null {
  if (refs.length !== sizes.size) return packageError('content-invalid', `content names ${refs.length} files, ${sizes.size} given`);
  const wrong = refs.find((ref) => sizes.get(ref.entry) !== ref.size);
  return wrong ? packageError('content-invalid', `file ${wrong.entry} does not match its reference`) : null;
}

export type AssembleInput = Omit<WritePackageInput<PackageType>, 'content' | 'blobs'> & {
  /** Plaintext entries: content.json first, then blobs/NNNN. Not checked here. */
  entries: readonly { name: string; bytes: Uint8Array }[];
};

async function senderOf(sender: WritePackageInput<PackageType>['sender']): Promise<Result<Manifest['sender'], PackageError>> {
  const publicKeys = await sender.keys.publicKeys();
  const spki = decodeBase64(publicKeys.signingKey);
  if (!spki) return err(packageError('manifest-invalid', "the sender's signing key is not base64"));
  return ok({ name: sender.name, keyId: await keyIdOf(spki), signingKey: publicKeys.signingKey });
}

/**
 * The format's mechanics without content rules: encrypt, wrap, list, sign, zip. Exported
 * for writePackage and for tests that must forge well-signed packages with bad content.
 */
export async function assemblePackage(input: AssembleInput): Promise<Result<WrittenPackage, PackageError>> {
  const setup = await packageSetup(input, PACKAGE_FORMAT_VERSION);
  if (!setup.ok) return setup;
  const { sender, encrypted, packageId, createdAt, contentKey, recipients } = setup.value;
  const stored: { name: string; data: Uint8Array }[] = [];
  for (const p of input.entries) stored.push({ name: p.name, data: contentKey ? await encryptEntry(contentKey, p.name, p.bytes) : p.bytes });
  const entries: Manifest['entries'] = [];
  for (const s of stored) entries.push({ name: s.name, size: s.data.length, sha256: await sha256Hex(s.data) });
  const signed = await signManifest({
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    type: input.type,
    packageId,
    revision: input.revision,
    supersedes: input.supersedes ?? null,
    subject: input.subject,
    createdAt: createdAt.toISOString(),
    sender,
    encrypted,
    recipients,
    entries,
  }, input.sender.keys);
  if (!signed.ok) return signed;
  const { manifest, manifestBytes, signature } = signed.value;
  const bytes = writeStoredZip([{ name: MANIFEST_ENTRY, data: manifestBytes }, { name: SIGNATURE_ENTRY, data: signature }, ...stored], createdAt);
  return ok({ bytes, manifest });
}

export interface PackageSetup {
  sender: Manifest['sender'];
  encrypted: boolean;
  packageId: string;
  createdAt: Date;
  /** Null for an identity card (public). */
  contentKey: Uint8Array | null;
  recipients: Manifest['recipients'];
}

/** What both writers settle before any entry: the sender, a fresh content key wrapped for each reader, the package's id and time. */
export async function packageSetup(input: Omit<AssembleInput, 'entries'>, formatVersion: Manifest['formatVersion']): Promise<Result<PackageSetup, PackageError>> {
  const sender = await senderOf(input.sender);
  if (!sender.ok) return sender;
  const encrypted = input.type !== 'identity-card';
  if (encrypted && input.recipients.length === 0) return err(packageError('manifest-invalid', 'an encrypted package needs at least one recipient'));
  const packageId = input.packageId ?? toHex(randomBytes(16));
  const contentKey = encrypted ? newContentKey() : null;
  const recipients = contentKey ? await wrapForRecipients(contentKey, input.recipients, formatVersion, packageId) : ok([]);
  if (!recipients.ok) return recipients;
  return ok({ sender: sender.value, encrypted, packageId, createdAt: input.createdAt ?? new Date(), contentKey, recipients: recipients.value });
}

/**
 * The content key wrapped once for each reader. A sender often names itself among the
 * readers; one wrapped key per reader is enough. The same key id with two different keys is
 * refused: which one is the reader's?
 */
async function wrapForRecipients(
  contentKey: Uint8Array,
  given: readonly PackageRecipientKey[],
  formatVersion: Manifest['formatVersion'],
  packageId: string,
): Promise<Result<Manifest['recipients'], PackageError>> {
  const byId = new Map<string, PackageRecipientKey>();
  for (const r of given) {
    const seen = byId.get(r.keyId);
    if (seen && seen.encryptionKey !== r.encryptionKey) return err(packageError('manifest-invalid', `recipient ${r.keyId} is listed twice with different encryption keys`));
    byId.set(r.keyId, r);
  }
  const recipients: Manifest['recipients'] = [];
  for (const r of byId.values()) {
    const spki = decodeBase64(r.encryptionKey);
    if (!spki) return err(packageError('manifest-invalid', `recipient ${r.keyId}: encryption key is not base64`));
    const info = hkdfInfoFor(formatVersion, packageId, r.keyId);
    const w = await wrapContentKey(contentKey, spki, info);
    recipients.push({ keyId: r.keyId, ephemeralKey: toBase64(w.ephemeralKey), hkdfSalt: toBase64(w.hkdfSalt), hkdfInfo: info, wrappedKey: toBase64(w.wrappedKey) });
  }
  return ok(recipients);
}

/** The manifest checked against its schema, its canonical bytes, and the sender's signature over them. */
export async function signManifest(
  fields: unknown,
  keys: KeyHolder,
): Promise<Result<{ manifest: Manifest; manifestBytes: Uint8Array; signature: Uint8Array }, PackageError>> {
  const checked = manifestSchema.safeParse(fields);
  if (!checked.success) return err(packageError('manifest-invalid', checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
  const manifest = checked.data;
  const manifestBytes = canonicalJsonBytes(manifest);
  const signature = rawSignatureToDer(await keys.sign({ purpose: 'manifest', data: manifestBytes }));
  return ok({ manifest, manifestBytes, signature });
}
