import { z } from 'zod';
import { isoTimeSchema, keyIdSchema, panelSubjectShape, sha256HexSchema } from './common.js';

/**
 * `countersignature` content (member → leader): the member's DER ECDSA P-256 / SHA-256
 * signature over the report PDF's bytes (verifiable with `openssl dgst -sha256 -verify`
 * against the member's key), and which report it signs. The signature is checked where the
 * PDF is at hand: in the panel return, and by the leader against the report it sent.
 */
export const countersignatureContentSchema = z.strictObject({
  ...panelSubjectShape,
  reportPackageId: z.string().regex(/^[0-9a-f]{32}$/),
  reportSha256: sha256HexSchema,
  signerKeyId: keyIdSchema,
  signature: z.string().min(8).max(200).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 DER signature'),
  agrees: z.boolean(),
  comment: z.string().max(5000),
  signedAt: isoTimeSchema,
});
export type CountersignatureContent = z.infer<typeof countersignatureContentSchema>;
