import { z } from 'zod';
import { blobRefSchema, duplicates, isoTimeSchema, keyIdSchema, longText, panelSubjectShape } from './common.js';
import { consensusContentSchema } from './consensus.js';
import { RECOMMENDATIONS } from '../../consensus/recommendation.js';

/**
 * `panel-return` content (leader → secretariat): everything the panel produced. Scoresheets
 * and countersignatures travel as the original signed packages, nested as encrypted entries
 * (media type `application/vnd.zqa.package`), so the secretariat can check every member's
 * own signature, not just the leader's.
 */
const nestedPackageSchema = blobRefSchema.extend({ mediaType: z.literal('application/vnd.zqa.package') });

export const panelReturnContentSchema = z
  .strictObject({
    ...panelSubjectShape,
    consensus: consensusContentSchema,
    /**
     * The recommendation the panel signed in its report, under the rules of the assignment; the
     * secretariat shows it as signed and checks it follows from the consensus and those rules.
     */
    recommendation: z.enum(RECOMMENDATIONS),
    reportText: longText,
    report: blobRefSchema.extend({ mediaType: z.literal('application/pdf') }),
    scoresheets: z.array(z.strictObject({ expertKeyId: keyIdSchema, package: nestedPackageSchema })).min(1).max(7),
    countersignatures: z.array(z.strictObject({ signerKeyId: keyIdSchema, package: nestedPackageSchema })).max(7),
    /**
     * Members who could not countersign, each with the reason the leader recorded. Signed by
     * the leader: the return's content is covered by its manifest signature. A member of the
     * roster other than the leader has a countersignature or an absence, never both.
     */
    absences: z.array(z.strictObject({ memberKeyId: keyIdSchema, reason: z.string().trim().min(1).max(2000), recordedAt: isoTimeSchema })).max(7),
    returnedAt: isoTimeSchema,
  })
  .superRefine((r, ctx) => {
    for (const d of duplicates(r.scoresheets.map((s) => s.expertKeyId))) ctx.addIssue({ code: 'custom', path: ['scoresheets'], message: `scoresheet of ${d} listed twice` });
    for (const d of duplicates(r.countersignatures.map((s) => s.signerKeyId))) ctx.addIssue({ code: 'custom', path: ['countersignatures'], message: `countersignature of ${d} listed twice` });
    for (const d of duplicates(r.absences.map((a) => a.memberKeyId))) ctx.addIssue({ code: 'custom', path: ['absences'], message: `absence of ${d} recorded twice` });
  });
export type PanelReturnContent = z.infer<typeof panelReturnContentSchema>;
