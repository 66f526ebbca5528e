import { z } from 'zod';
import { isoTimeSchema, keyIdSchema, panelSubjectShape, sha256HexSchema } from './common.js';

/**
 * `countersignature` content (member → leader): the member's DER ECDSA P-256 / SHA-256
 * signature, low S, over the countersignature context and the report PDF's bytes
 * (docs/package-format.md §3, "Signatures"), and which report it signs. The signature is checked where the
 * PDF is at hand: in the panel return, and by the leader against the report it sent.
 */
export const countersignatureContentSchema = z
  .strictObject({
    ...panelSubjectShape,
    reportPackageId: z.string().regex(/^[0-9a-f]{32}$/),
    reportSha256: sha256HexSchema,
    signerKeyId: keyIdSchema,
    signature: z.string().min(8).max(200).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 DER signature'),
    /** False: signed with reservations (有保留意见); the comment then says why, and travels to the secretariat. */
    agrees: z.boolean(),
    comment: z.string().max(5000),
    signedAt: isoTimeSchema,
  })
  .refine((c) => c.agrees || c.comment.trim() !== '', { path: ['comment'], message: 'a countersignature with reservations (agrees: false) states its reason' });
export type CountersignatureContent = z.infer<typeof countersignatureContentSchema>;
