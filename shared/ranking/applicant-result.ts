import { z } from 'zod';
import { STAGES } from '../applicant/stage.js';
import { isExclusionNumber, type ExclusionNumber } from '../regulation/exclusions.js';

/**
 * What the comprehensive review (综合评审) needs of each applicant, in plain data: the integrator
 * fills it from the panel returns (consensus total, subtotals, confirmed exclusions, the
 * panel's recommendation and divergence notes). Totals are integer hundredths of a point.
 */
export const applicantResultSchema = z.strictObject({
  applicantId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  industry: z.string().trim().max(100).default(''),
  /** For reserved places (cycle rules' reservations). */
  category: z.string().max(40).optional(),
  /** Where the applicant is in the cycle; absent: a candidate (a result read from a panel return alone). */
  stage: z.enum(STAGES).optional(),
  /** Why it left the cycle (the withdrawal's recorded reason, the unmet condition), for the list apart. */
  stageReason: z.string().max(2000).optional(),
  /** Its last award before this cycle (Art. 27: a repeat winner takes no quota place and no prize money). */
  previousAward: z.strictObject({ year: z.number().int().min(1990).max(2200), kind: z.enum(['award', 'nomination']) }).optional(),
  totalHundredths: z.number().int('a total is a whole number of hundredths').min(0).max(100_000),
  /** Category id → subtotal in hundredths. */
  categorySubtotals: z.record(z.string(), z.number().int().min(0).max(100_000)).default({}),
  /** Confirmed Art. 14 exclusions, by their article number. */
  exclusions: z.array(z.custom<ExclusionNumber>(isExclusionNumber, 'an Art. 14 exclusion number, 1 to 7')).max(7).default([]),
  /** The panel's recommendation (建议), as the panel signed it. */
  recommendation: z.string().max(500).default(''),
  /** The rules the panel signed under (the assignment's), when the result comes from a panel return. */
  signedUnder: z.strictObject({ awardThresholdPoints: z.number().int().min(0).max(1000), nominationMinimumPoints: z.number().int().min(0).max(1000) }).optional(),
  /** Items whose members diverged beyond the cycle's limit, as short notes. */
  divergenceNotes: z.array(z.string().max(500)).max(100).default([]),
  /** Members who countersigned the panel's report with reservations (有保留意见), with their reasons. */
  dissents: z.array(z.strictObject({ name: z.string().max(100), reason: z.string().max(5000) })).max(7).default([]),
  /** Members the leader recorded as unable to countersign, with the reasons. */
  absences: z.array(z.strictObject({ name: z.string().max(100), reason: z.string().max(2000) })).max(7).default([]),
});
export type ApplicantResult = z.infer<typeof applicantResultSchema>;
export type ApplicantResultInput = z.input<typeof applicantResultSchema>;

export type ProposalList = 'award' | 'nomination' | 'notAwarded';
export const LIST_ORDER: readonly ProposalList[] = ['award', 'nomination', 'notAwarded'];
export const LIST_NAMES: Record<ProposalList, { zh: string; en: string }> = {
  award: { zh: '市长质量奖', en: 'Award' },
  nomination: { zh: '市长质量奖提名奖', en: 'Nomination Award' },
  notAwarded: { zh: '未获奖', en: 'Not awarded' },
};
