import { z } from 'zod';
import { isValidPercent } from '../scoring/percent.js';
import { visitRecordSchema } from './visit-record.js';
import { BULK_ID_PATTERN } from './bulk-settlement.js';

/**
 * The panel's consensus for one applicant: what the leader records during the consensus
 * discussion and what the report and the panel return carry. Validated at every edge.
 */
const textSchema = z.string().max(4000);
const idSchema = z.string().min(1).max(64);

/** Where a panel note came from: the member's note it was chosen, edited or merged from. */
export const noteSourceSchema = z.strictObject({ memberId: idSchema, noteId: idSchema });
export type NoteSource = z.infer<typeof noteSourceSchema>;

const SOURCE_COUNTS: Record<'chosen' | 'edited' | 'merged' | 'written', readonly [number, number]> = {
  chosen: [1, 1],
  edited: [1, 1],
  merged: [2, 20],
  written: [0, 0],
};

export const panelNoteSchema = z
  .strictObject({
    id: idSchema,
    text: z.string().trim().min(1).max(4000),
    /** chosen: a member's note as written; edited: one member's note reworded; merged: several into one; written: the panel's own. */
    origin: z.enum(['chosen', 'edited', 'merged', 'written']),
    sources: z.array(noteSourceSchema).max(20),
  })
  .superRefine((note, ctx) => {
    const [min, max] = SOURCE_COUNTS[note.origin];
    if (note.sources.length < min || note.sources.length > max) {
      ctx.addIssue({ code: 'custom', message: `a ${note.origin} note needs ${min === max ? min : `${min}–${max}`} source(s), has ${note.sources.length}` });
    }
  });
export type PanelNote = z.infer<typeof panelNoteSchema>;

export const consensusPercentSchema = z.number().refine(isValidPercent, 'a percentage from 0 to 100 in steps of 5');

export const itemConsensusSchema = z.strictObject({
  itemId: idSchema,
  /** null until the panel has agreed. */
  percent: consensusPercentSchema.nullable(),
  rationale: textSchema,
  strengths: z.array(panelNoteSchema).max(50),
  ofis: z.array(panelNoteSchema).max(50),
  /**
   * The bulk settlement that gave this percentage (bulk-settlement.ts), absent when the
   * leader set it by hand. Optional: records made before bulk settlements lack it.
   */
  bulkSettlement: z.string().regex(BULK_ID_PATTERN).optional(),
});
export type ItemConsensus = z.infer<typeof itemConsensusSchema>;

export const exclusionConsensusSchema = z.strictObject({
  number: z.number().int().min(1).max(7),
  /** open until the panel decides; flagged means the exclusion is confirmed and disqualifies. */
  status: z.enum(['open', 'clear', 'flagged']),
  note: textSchema,
});
export type ExclusionConsensus = z.infer<typeof exclusionConsensusSchema>;

export const consensusRecordSchema = z
  .strictObject({
    criteriaSetId: idSchema,
    items: z.array(itemConsensusSchema).min(1).max(100),
    exclusions: z.array(exclusionConsensusSchema).length(7),
    /** 综合评价 */
    overallEvaluation: textSchema,
    keyStrengths: z.array(z.string().trim().min(1).max(2000)).max(20),
    keyOfis: z.array(z.string().trim().min(1).max(2000)).max(20),
    /** The visit as it happened (visit-record.ts); absent in records made before it was kept. */
    visit: visitRecordSchema.optional(),
  })
  .superRefine((record, ctx) => {
    const seen = new Set<string>();
    for (const item of record.items) {
      if (seen.has(item.itemId)) ctx.addIssue({ code: 'custom', message: `item ${item.itemId} appears twice` });
      seen.add(item.itemId);
      if (item.bulkSettlement !== undefined && item.percent === null) ctx.addIssue({ code: 'custom', message: `item ${item.itemId} is marked as settled by ${item.bulkSettlement} but has no percentage` });
    }
    record.exclusions.forEach((e, i) => {
      if (e.number !== i + 1) ctx.addIssue({ code: 'custom', message: `exclusions must be listed 1 to 7 in order; position ${i + 1} holds ${e.number}` });
    });
  });
export type ConsensusRecord = z.infer<typeof consensusRecordSchema>;
