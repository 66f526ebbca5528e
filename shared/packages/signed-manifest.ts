import { keyIdOf } from '../crypto/key-id.js';
import { decodeBase64, importVerifyingKey } from '../crypto/spki.js';
import { verifyPurposeSignature } from '../crypto/verify-signature.js';
import { lookupSigner, roleFor, type TrustedKey, type TrustStore } from '../identity/trust-store.js';
import { sha256Hex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import { byteOrderMarkAt, canonicalBytesProblem } from './canonical-bytes.js';
import type { AssignmentContent } from './content/assignment.js';
import { packageError, type PackageError } from './errors.js';
import type { HeldRecords } from './held-records.js';
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './limits.js';
import { CONTENT_ENTRY, hkdfInfoFor, MANIFEST_ENTRY, manifestSchema, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, READABLE_FORMAT_VERSIONS, SIGNATURE_ENTRY, STREAMED_FORMAT_VERSION, type Manifest, type PackageType } from './manifest.js';
import { SENDER_ROLES } from './sender-roles.js';
import { bindToAssignment, sameName } from './subject-binding.js';

export interface VerifyOptions {
  /** Whom to believe; `null` checks everything but the signer (`zqa verify` without --trust). */
  trust: TrustStore | null;
  /** The types the caller accepts here (a screen, a command); all when omitted. */
  accept?: readonly PackageType[];
  limits?: PackageLimits;
  /**
   * What the device holds (held-records.ts): with it, a package about a panel must be bound
   * to an assignment held for exactly its cycle, applicant and panel, its signer on that
   * roster. Null only where nothing is held to check against (`zqa verify` given cards only).
   */
  held?: HeldRecords | null;
}

/** How far the signer is trusted: identity cards are self-signed until a person checks them. */
export type SignerTrust = { kind: 'trusted'; key: TrustedKey } | { kind: 'self-signed' } | { kind: 'not-checked' };

export interface SignedManifest {
  manifest: Manifest;
  /** SHA-256 of manifest.json: the package's identity for "imported twice". */
  manifestSha256: string;
  signer: SignerTrust;
  /** The name to show for the sender: the trusted roster entry's or card's (equal to the manifest's, or refused). */
  senderName: string;
  /** The assignment the package is bound to (held records given, a type about a panel), else null. */
  assignment: AssignmentContent | null;
}

const fail = (code: PackageError['code'], detail: string) => err(packageError(code, detail));

/**
 * The manifest and its signature, checked as far as they go without the entries: the format
 * version, the signature over the exact bytes, canonical form, schema and rules, the type the
 * caller accepts, the signer's trust, the binding to an assignment held, the sender's name.
 * Both readers (in memory, and streamed) come through here.
 */
export async function checkSignedManifest(manifestBytes: Uint8Array, signatureDer: Uint8Array, options: VerifyOptions): Promise<Result<SignedManifest, PackageError>> {
  const limits = options.limits ?? DEFAULT_PACKAGE_LIMITS;
  if (manifestBytes.length > limits.maxManifestBytes) return fail('entry-too-large', `${MANIFEST_ENTRY} is ${manifestBytes.length} bytes, limit ${limits.maxManifestBytes}`);

  // A byte-order mark is refused wherever it sits, before anything is read (the decoder
  // would drop a leading one silently): canonical bytes have none.
  const bom = byteOrderMarkAt(manifestBytes);
  if (bom >= 0) return fail('not-canonical', `${MANIFEST_ENTRY} holds a byte-order mark (U+FEFF) at byte ${bom}`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return fail('manifest-malformed', `${MANIFEST_ENTRY} is not UTF-8 JSON`);
  }
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (head.format !== PACKAGE_FORMAT) return fail('manifest-malformed', `format is not "${PACKAGE_FORMAT}"`);
  if (!READABLE_FORMAT_VERSIONS.includes(head.formatVersion as number)) {
    if (typeof head.formatVersion === 'number' && Number.isInteger(head.formatVersion) && head.formatVersion >= 1 && head.formatVersion < PACKAGE_FORMAT_VERSION) {
      return fail('outdated-format-version', `format version ${head.formatVersion}, made before signatures named their purpose; this program reads versions ${READABLE_FORMAT_VERSIONS.join(' and ')}: export it again from an up-to-date app`);
    }
    return fail('unsupported-format-version', `format version ${describeValue(head.formatVersion)}; this program reads versions ${READABLE_FORMAT_VERSIONS.join(' and ')}`);
  }
  const sender = (head.sender ?? {}) as Record<string, unknown>;
  const spki = typeof sender.signingKey === 'string' ? decodeBase64(sender.signingKey) : null;
  if (!spki) return fail('manifest-invalid', 'sender.signingKey is missing or not base64');

  try {
    await importVerifyingKey(spki);
  } catch {
    return fail('manifest-invalid', 'sender.signingKey is not an ECDSA P-256 key');
  }
  // The signature covers the manifest context and the exact bytes (shared/crypto/sign-request.ts):
  // no other kind of signature by the same key can pass for a manifest's.
  const signature = await verifyPurposeSignature(spki, { purpose: 'manifest', data: manifestBytes }, signatureDer);
  if (!signature.ok) return fail('bad-signature', `${SIGNATURE_ENTRY}: ${signature.error} over ${MANIFEST_ENTRY}`);

  // Signed, so the sender wrote exactly these bytes; now hold them to the format.
  const canonical = canonicalBytesProblem(manifestBytes, raw, MANIFEST_ENTRY);
  if (canonical) return fail('not-canonical', canonical);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return fail('manifest-invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; '));
  const manifest = parsed.data;
  if ((await keyIdOf(spki)) !== manifest.sender.keyId) return fail('manifest-invalid', 'sender.keyId is not the id of sender.signingKey');
  const structure = checkStructure(manifest);
  if (structure) return fail('manifest-invalid', structure);

  if (options.accept && !options.accept.includes(manifest.type)) {
    return fail('wrong-type', `a ${manifest.type} package; expected ${options.accept.join(' or ')}`);
  }
  const signer = checkSigner(manifest, options.trust);
  if (!signer.ok) return signer;
  const bound = options.held ? await bindToAssignment(manifest, options.held) : ok(null);
  if (!bound.ok) return bound;
  // The sender shown is the name the device trusts for the key: the roster entry of the
  // assignment the package is bound to, else the trusted card. A manifest naming someone else
  // is refused, so nobody can send a package that reads as coming from a colleague.
  const rosterName = bound.value?.panel.members.find((m) => m.keyId === manifest.sender.keyId)?.name;
  const trustedName = rosterName ?? (signer.value.kind === 'trusted' ? signer.value.key.name : undefined);
  if (trustedName !== undefined && !sameName(trustedName, manifest.sender.name)) {
    return fail('sender-name-mismatch', `the manifest names "${manifest.sender.name}"; key ${manifest.sender.keyId} belongs to "${trustedName}"`);
  }

  return ok({ manifest, manifestSha256: await sha256Hex(manifestBytes), signer: signer.value, senderName: trustedName ?? manifest.sender.name, assignment: bound.value });
}

/**
 * Every zip entry is listed and every listed entry present, in the one arrangement the
 * signed manifest allows: version 2 puts manifest.json and manifest.sig first, version 3
 * (written before its hashes are known) last; the listed entries in the manifest's order.
 */
export function checkEntryLayout(manifest: Manifest, names: readonly string[]): Result<null, PackageError> {
  const listed = new Set(manifest.entries.map((e) => e.name));
  for (const name of names) {
    if (name !== MANIFEST_ENTRY && name !== SIGNATURE_ENTRY && !listed.has(name)) return fail('entry-unexpected', `"${name}" is not in the manifest`);
  }
  const present = new Set(names);
  const missing = manifest.entries.find((e) => !present.has(e.name));
  if (missing) return fail('entry-missing', `"${missing.name}" is listed in the manifest but not in the file`);
  const listedOrder = manifest.entries.map((e) => e.name);
  const order = manifest.formatVersion === STREAMED_FORMAT_VERSION ? [...listedOrder, MANIFEST_ENTRY, SIGNATURE_ENTRY] : [MANIFEST_ENTRY, SIGNATURE_ENTRY, ...listedOrder];
  const misplaced = names.findIndex((n, i) => n !== order[i]);
  if (misplaced >= 0) {
    const where = manifest.formatVersion === STREAMED_FORMAT_VERSION ? 'the listed entries, then manifest.json and manifest.sig' : 'manifest.json and manifest.sig, then the listed entries';
    return fail('malformed-container', `"${names[misplaced]!}" is out of place: entries lie in the manifest's order (${where})`);
  }
  return ok(null);
}

/** A short description of a hostile value: never serialised whole (it may be 4 MiB deep). */
function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 20));
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** Rules of the format the schema alone does not state (docs/package-format.md §3). */
function checkStructure(m: Manifest): string | null {
  const names = m.entries.map((e) => e.name);
  if (new Set(names).size !== names.length) return 'an entry is listed twice';
  if (names.includes(MANIFEST_ENTRY) || names.includes(SIGNATURE_ENTRY)) return 'the manifest lists itself or its signature';
  if (!names.includes(CONTENT_ENTRY)) return `${CONTENT_ENTRY} is not listed`;
  if (names.some((n) => n !== CONTENT_ENTRY && !/^blobs\/\d{4}$/.test(n))) return 'an entry name other than content.json and blobs/NNNN';
  const isCard = m.type === 'identity-card';
  if (m.encrypted === isCard) return isCard ? 'an identity card is public and must not be encrypted' : 'content must be encrypted';
  if (isCard && (m.recipients.length > 0 || names.length !== 1)) return 'an identity card holds content.json only and has no recipients';
  if (!isCard && m.recipients.length === 0) return 'no recipients';
  const ids = m.recipients.map((r) => r.keyId);
  if (new Set(ids).size !== ids.length) return 'a recipient is listed twice';
  const badInfo = m.recipients.find((r) => r.hkdfInfo !== hkdfInfoFor(m.formatVersion, m.packageId, r.keyId));
  if (badInfo) return `recipient ${badInfo.keyId}: HKDF info does not name this package and recipient`;
  // Every package about a panel names all three ids in what is signed (its series includes them).
  if (m.type !== 'identity-card' && (!m.subject.cycleId || !m.subject.applicantId || !m.subject.panelId)) return 'subject.cycleId, applicantId and panelId are required for this type';
  if (m.type === 'identity-card' && Object.keys(m.subject).length > 0) return 'an identity card is about no cycle, applicant or panel: subject must be {}';
  return null;
}

function checkSigner(m: Manifest, trust: TrustStore | null): Result<SignerTrust, PackageError> {
  if (!trust) return ok(m.type === 'identity-card' ? { kind: 'self-signed' } : { kind: 'not-checked' });
  const found = lookupSigner(trust, m.sender.keyId, m.sender.signingKey);
  if (found.kind === 'trusted') {
    const role = roleFor(found.key, m.subject.panelId);
    if (!role) return fail('untrusted-signer', `${found.key.name} is not on panel ${m.subject.panelId ?? '(none)'}`);
    if (!SENDER_ROLES[m.type].includes(role)) {
      return fail('untrusted-signer', `${found.key.name} (${role}) may not send a ${m.type} package`);
    }
    // The role it has for this package's panel, not whichever role it was first trusted with.
    return ok({ kind: 'trusted', key: { ...found.key, role } });
  }
  if (found.kind === 'key-mismatch') return fail('untrusted-signer', `key id ${m.sender.keyId} is trusted with another key`);
  // A card proves only that its sender holds the key; a person then checks the fingerprint.
  if (m.type === 'identity-card') return ok({ kind: 'self-signed' });
  return fail('unknown-signer', `${m.sender.name} (key ${m.sender.keyId}) is not in the trust store`);
}
