import { z } from 'zod';
import { applicantProfileSchema } from './applicant-profile.js';
import { eligibilityEntrySchema, exclusionEntrySchema, emptyEligibilityChecklist, emptyExclusionChecklist } from './checklists.js';
import { checkTransition, STAGES, type Stage, type TransitionRefusal } from './stage.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * An applicant as the secretariat keeps it through a cycle: profile, both checklists, the
 * material-review result, the on-site total once the panel return is in, the stage, and
 * every stage change with who made it, when and why (Art. 26: an auditable trail).
 */
export const stageChangeSchema = z.strictObject({
  from: z.enum(STAGES),
  to: z.enum(STAGES),
  /** ISO 8601 instant. */
  at: z.string().min(1).max(40),
  by: z.string().min(1).max(100),
  reason: z.string().max(2000).optional(),
});
export type StageChange = z.infer<typeof stageChangeSchema>;

export const applicantRecordSchema = z.strictObject({
  cycleId: z.string().min(1).max(64),
  profile: applicantProfileSchema,
  eligibility: z.record(z.string(), eligibilityEntrySchema),
  exclusions: z.record(z.string().regex(/^[1-7]$/), exclusionEntrySchema),
  materialReview: z
    .strictObject({
      criteriaSetId: z.string(),
      percentByItem: z.record(z.string(), z.number()),
      siteVisitIssues: z.array(z.strictObject({ itemId: z.string().optional(), text: z.string() })),
    })
    .optional(),
  onSiteTotalHundredths: z.number().int().min(0).max(100_000).optional(),
  stage: z.enum(STAGES),
  history: z.array(stageChangeSchema),
});
export type ApplicantRecord = z.infer<typeof applicantRecordSchema>;

export function newApplicantRecord(cycleId: string, profile: ApplicantRecord['profile']): ApplicantRecord {
  return { cycleId, profile, eligibility: emptyEligibilityChecklist(), exclusions: emptyExclusionChecklist(), stage: 'applied', history: [] };
}

/**
 * The record moved to `to`, or every reason it may not move; the record passed in is never
 * changed, so a refused move leaves nothing half-done.
 */
export function applyTransition(record: ApplicantRecord, to: Stage, change: { at: string; by: string; reason?: string }): Result<ApplicantRecord, TransitionRefusal[]> {
  const checked = checkTransition(
    {
      stage: record.stage,
      eligibility: record.eligibility,
      exclusions: record.exclusions,
      ...(record.materialReview ? { materialReview: record.materialReview } : {}),
      ...(record.onSiteTotalHundredths !== undefined ? { onSiteTotalHundredths: record.onSiteTotalHundredths } : {}),
    },
    to,
    change.reason,
  );
  if (!checked.ok) return err(checked.error);
  const reason = change.reason?.trim();
  const entry: StageChange = { from: record.stage, to, at: change.at, by: change.by, ...(reason ? { reason } : {}) };
  return ok({ ...record, stage: to, history: [...record.history, entry] });
}
