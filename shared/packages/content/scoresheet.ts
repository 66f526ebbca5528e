import { z } from 'zod';
import { historyEntrySchema } from '../../history/hash-chain.js';
import { EXCLUSION_RULES } from '../../regulation/exclusions.js';
import { blobRefSchema, duplicates, isoTimeSchema, itemIdSchema, keyIdSchema, localIdSchema, panelSubjectShape, percentSchema, shortText } from './common.js';

/**
 * `scoresheet` content (expert → leader, readable by the secretariat): one member's
 * independent work on one applicant. Attachments (photos, documents) travel as their own
 * encrypted entries, named in `attachments`; the history is the hash chain of every score
 * change (shared/history/hash-chain.ts), re-verified on import.
 */
const noteSchema = z.strictObject({ id: localIdSchema, text: z.string().trim().min(1).max(5000) });
const evidenceRefSchema = z.strictObject({ document: z.string().max(500), intervieweeRole: z.string().max(200), place: z.string().max(200) });

export const scoresheetContentSchema = z
  .strictObject({
    ...panelSubjectShape,
    expertKeyId: keyIdSchema,
    criteriaSetId: z.string().min(1).max(32),
    items: z
      .array(z.strictObject({ itemId: itemIdSchema, percent: percentSchema.nullable(), strengths: z.array(noteSchema).max(50), ofis: z.array(noteSchema).max(50) }))
      .max(100),
    observations: z
      .array(
        z.strictObject({
          id: localIdSchema,
          itemId: itemIdSchema.nullable(),
          at: isoTimeSchema,
          text: z.string().trim().min(1).max(5000),
          /** Where it was seen: document, interviewee, place. */
          evidence: z.string().max(2000),
          attachmentIds: z.array(localIdSchema).max(100),
          /** The same evidence in its parts, so the report can list people interviewed by role and sites visited. Optional: older sheets lack it. */
          evidenceRef: evidenceRefSchema.optional(),
        }),
      )
      .max(2000),
    attachments: z
      .array(
        blobRefSchema.extend({
          id: localIdSchema,
          /** What the photo shows, in the expert's words (the report's appendix prints it). Optional: older sheets lack it. */
          caption: z.string().max(500).optional(),
          /** The item the photo was taken for, as filed on the expert's screen. */
          itemId: itemIdSchema.nullable().optional(),
        }),
      )
      .max(1500),
    siteIssues: z
      .array(
        z.strictObject({
          issueId: localIdSchema,
          status: z.enum(['pending', 'confirmed', 'not-confirmed']),
          note: z.string().max(2000),
          /** Where the finding rests: a document, an interview, a place. Optional: older sheets lack it. */
          evidence: z.string().max(2000).optional(),
        }),
      )
      .max(200),
    exclusions: z
      .array(z.strictObject({ number: z.number().int().min(1).max(7), status: z.enum(['unchecked', 'clear', 'flagged']), note: z.string().max(2000) }))
      .length(EXCLUSION_RULES.length),
    declaration: z.strictObject({ noConflict: z.boolean(), statement: shortText, conflicts: z.string().max(2000), declaredAt: isoTimeSchema }),
    history: z.array(historyEntrySchema).max(100_000),
    submittedAt: isoTimeSchema,
  })
  .superRefine((s, ctx) => {
    for (const d of duplicates(s.items.map((i) => i.itemId))) ctx.addIssue({ code: 'custom', path: ['items'], message: `item ${d} listed twice` });
    for (const d of duplicates(s.attachments.map((a) => a.id))) ctx.addIssue({ code: 'custom', path: ['attachments'], message: `attachment ${d} listed twice` });
    for (const d of duplicates(s.observations.map((o) => o.id))) ctx.addIssue({ code: 'custom', path: ['observations'], message: `observation ${d} listed twice` });
    const attachmentIds = new Set(s.attachments.map((a) => a.id));
    s.observations.forEach((o, i) => {
      for (const id of o.attachmentIds) if (!attachmentIds.has(id)) ctx.addIssue({ code: 'custom', path: ['observations', i], message: `unknown attachment ${id}` });
    });
    s.exclusions.forEach((e, i) => {
      if (e.number !== i + 1) ctx.addIssue({ code: 'custom', path: ['exclusions', i], message: `exclusions are listed 1 to 7 in order; position ${i + 1} holds ${e.number}` });
    });
    if (s.exclusions.some((e) => e.status === 'flagged' && e.note.trim() === '')) ctx.addIssue({ code: 'custom', path: ['exclusions'], message: 'a flagged exclusion needs a note' });
  });
export type ScoresheetContent = z.infer<typeof scoresheetContentSchema>;
