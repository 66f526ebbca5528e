import { z } from 'zod';
import { personNameSchema } from '../identity/role.js';
import { spkiBase64Schema } from '../identity/identity-card.js';
import { PACKAGE_TYPES } from './package-types.js';

/**
 * The manifest (docs/package-format.md §3): what a package is, who sent it, for whom the
 * content key is wrapped, and the SHA-256 of every other entry as stored. `manifest.json`
 * holds exactly `canonicalJson(manifest)`; `manifest.sig` signs those bytes.
 */
export const PACKAGE_FORMAT = 'zqa-package';
/**
 * 2: every signature names its purpose (shared/crypto/sign-request.ts), signatures are low S,
 * packages are bound to cycle, applicant and panel. Version 1 signed bare bytes, so a
 * version-1 signature could stand for another kind: a reader refuses version 1 as
 * `outdated-format-version` (the sender exports it again), any other as
 * `unsupported-format-version` (docs/package-format.md §3).
 */
export const PACKAGE_FORMAT_VERSION = 2;
/**
 * 3: encrypted entries are sealed in chunks of 1 MiB (stream/chunk-cipher.ts) and the
 * manifest and its signature come last, so a package is written and read a piece at a time
 * in bounded memory (stream/). A reader reads 2 and 3.
 */
export const STREAMED_FORMAT_VERSION = 3;
export const READABLE_FORMAT_VERSIONS: readonly number[] = [PACKAGE_FORMAT_VERSION, STREAMED_FORMAT_VERSION];

export { PACKAGE_TYPES, type PackageType } from './package-types.js';
export const packageTypeSchema = z.enum(PACKAGE_TYPES);

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
export const CONTENT_ENTRY = 'content.json';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${bytes * 2} lower-case hex digits`);
export const keyIdSchema = hex(16);
export const sha256HexSchema = hex(32);
const packageIdSchema = hex(16);
/** Ids of cycles, applicants and panels: chosen by the secretariat, kept plain. */
export const subjectIdSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, 'id of 1–64 letters, digits, dots, dashes');
const b64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

const recipientSchema = z.strictObject({
  keyId: keyIdSchema,
  /** The sender's one-time ECDH P-256 public key for this recipient, base64 SPKI DER. */
  ephemeralKey: spkiBase64Schema,
  /** HKDF-SHA-256 salt, 32 random bytes, base64. */
  hkdfSalt: b64(64),
  /** HKDF info: `zqa-package/2 content-key <packageId> <keyId>` (checked by the reader). */
  hkdfInfo: z.string().max(200),
  /** The 32-byte content key, AES-256-GCM: 12-byte IV ‖ ciphertext ‖ 16-byte tag, base64. */
  wrappedKey: b64(100),
});
export type Recipient = z.infer<typeof recipientSchema>;

const manifestEntrySchema = z.strictObject({
  name: z.string().min(1).max(255),
  size: z.number().int().min(0),
  sha256: sha256HexSchema,
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const manifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.union([z.literal(PACKAGE_FORMAT_VERSION), z.literal(STREAMED_FORMAT_VERSION)]),
  type: packageTypeSchema,
  /** Unique per file: 16 random bytes, hex. */
  packageId: packageIdSchema,
  /** Counts up for each new version of the same document (see `seriesIdOf`). */
  revision: z.number().int().min(1).max(1_000_000_000),
  /** The packageId of the revision this one replaces, when the sender knows it. */
  supersedes: packageIdSchema.nullable(),
  subject: z.strictObject({ cycleId: subjectIdSchema.optional(), applicantId: subjectIdSchema.optional(), panelId: subjectIdSchema.optional() }),
  /** UTC, ISO 8601 with milliseconds, as `Date.prototype.toISOString` writes it. */
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  sender: z.strictObject({ name: personNameSchema, keyId: keyIdSchema, signingKey: spkiBase64Schema }),
  /** False only for identity cards, which are public. */
  encrypted: z.boolean(),
  recipients: z.array(recipientSchema).max(64),
  entries: z.array(manifestEntrySchema).min(1).max(10_000),
});
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * The document a package is a revision of: type, cycle, applicant, panel and sender, joined
 * by `/` (`-` for an id an identity card has not). Derived, never stated, so a sender cannot
 * make its package replace someone else's, nor a package for one cycle replace one for
 * another that reuses the panel id.
 */
export function seriesIdOf(manifest: Pick<Manifest, 'type' | 'subject' | 'sender'>): string {
  const { cycleId, applicantId, panelId } = manifest.subject;
  return [manifest.type, cycleId ?? '-', applicantId ?? '-', panelId ?? '-', manifest.sender.keyId].join('/');
}

export function hkdfInfoFor(formatVersion: Manifest['formatVersion'], packageId: string, recipientKeyId: string): string {
  return `zqa-package/${formatVersion} content-key ${packageId} ${recipientKeyId}`;
}
