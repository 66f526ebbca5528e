import { z } from 'zod';
import { spkiBase64Schema } from '../../identity/identity-card.js';
import { FINGERPRINT_PATTERN } from '../../identity/fingerprint.js';
import { organisationSchema, personNameSchema } from '../../identity/role.js';
import { isValidPercent } from '../../scoring/percent.js';
import { keyIdSchema, sha256HexSchema, subjectIdSchema } from '../manifest.js';

/** Building blocks the six content schemas share. */
export const shortText = z.string().trim().min(1).max(500);
export const longText = z.string().max(20_000);
export const localIdSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, 'id of 1–64 letters, digits, dots, dashes');
export const itemIdSchema = z.string().min(1).max(32);
export const isoTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'ISO 8601 UTC time');
export const percentSchema = z.number().refine(isValidPercent, 'a percentage from 0 to 100 in steps of 5');
export { keyIdSchema, sha256HexSchema };

/** A person's public identity as rosters and cards carry it (see identity-card.ts). */
export const publicIdentitySchema = z.strictObject({
  name: personNameSchema,
  organisation: organisationSchema,
  keyId: keyIdSchema,
  signingKey: spkiBase64Schema,
  encryptionKey: spkiBase64Schema,
  fingerprint: z.string().regex(FINGERPRINT_PATTERN),
});
export type PublicIdentity = z.infer<typeof publicIdentitySchema>;

/**
 * A file carried as its own encrypted entry (a photo, the report PDF, a nested package):
 * `entry` names it in the zip, `sha256` is of the plaintext, checked after decryption.
 */
const BLOB_ENTRY_PATTERN = /^blobs\/\d{4}$/;
export const blobRefSchema = z.strictObject({
  entry: z.string().regex(BLOB_ENTRY_PATTERN, 'blobs/NNNN'),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((n) => !/[/\\:*?"<>|]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 0x20), 'a plain file name'),
  mediaType: z.string().regex(/^[a-z]+\/[0-9a-z.+-]+$/, 'a media type'),
  size: z.number().int().min(0),
  sha256: sha256HexSchema,
});
export type BlobRef = z.infer<typeof blobRefSchema>;

/** The ids every panel-bound package repeats, checked against the signed manifest. */
export const panelSubjectShape = { cycleId: subjectIdSchema, applicantId: subjectIdSchema, panelId: subjectIdSchema };

export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}
