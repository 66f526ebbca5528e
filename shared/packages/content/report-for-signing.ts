import { z } from 'zod';
import { blobRefSchema, duplicates, isoTimeSchema, keyIdSchema, longText, panelSubjectShape } from './common.js';
import { consensusContentSchema } from './consensus.js';

/**
 * `report-for-signing` content (leader → members): the consensus, the report PDF as an
 * encrypted entry (its SHA-256 in `report`), and who is asked to countersign it.
 */
export const reportForSigningContentSchema = z
  .strictObject({
    ...panelSubjectShape,
    consensus: consensusContentSchema,
    reportText: longText,
    report: blobRefSchema.extend({ mediaType: z.literal('application/pdf') }),
    signers: z.array(keyIdSchema).min(1).max(7),
    sentAt: isoTimeSchema,
    /**
     * The members' reservations this version of the report prints verbatim (given with their
     * countersignatures of an earlier version). The leader finishes only when each member's
     * countersignature of this version says what is printed here for them. Optional: older
     * reports printed none.
     */
    reservations: z.array(z.strictObject({ signerKeyId: keyIdSchema, text: z.string().trim().min(1).max(5000) })).max(7).optional(),
  })
  .superRefine((r, ctx) => {
    for (const d of duplicates(r.signers)) ctx.addIssue({ code: 'custom', path: ['signers'], message: `signer ${d} listed twice` });
  });
export type ReportForSigningContent = z.infer<typeof reportForSigningContentSchema>;
