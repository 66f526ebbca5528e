import { z } from 'zod';
import { applicantProfileSchema } from './applicant-profile.js';
import { eligibilityEntrySchema, exclusionEntrySchema, emptyEligibilityChecklist, emptyExclusionChecklist } from './checklists.js';
import { eligibilityFactsSchema, NO_FACTS, type EligibilityContext } from './eligibility-check.js';
import { awardRecordSchema } from './prior-awards.js';
import { checkTransition, STAGES, type ApplicantState, type Stage, type TransitionRefusal } from './stage.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * An applicant as the secretariat keeps it through a cycle: profile, both checklists, the
 * material-review result, the on-site total once the panel return is in, the stage, and
 * every stage change with who made it, when and why (Art. 26: an auditable trail).
 */
const stageChangeSchema = z.strictObject({
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
  /** The dates Art. 13's year counts and Art. 14's look-back need. */
  facts: eligibilityFactsSchema,
  /** Awards the organisation won before this cycle (Art. 24, 27), as recorded by the secretariat. */
  priorAwards: z.array(awardRecordSchema).max(50),
  /** This cycle's award once decided (validity, prize money, a revocation later). */
  award: awardRecordSchema.optional(),
  /** Secretariat staff who handle this applicant (Art. 18: checked for recusal like experts). */
  handlerIds: z.array(z.string().min(1).max(64)).max(20),
  stage: z.enum(STAGES),
  history: z.array(stageChangeSchema),
});
export type ApplicantRecord = z.infer<typeof applicantRecordSchema>;

export function newApplicantRecord(cycleId: string, profile: ApplicantRecord['profile']): ApplicantRecord {
  return { cycleId, profile, eligibility: emptyEligibilityChecklist(), exclusions: emptyExclusionChecklist(), facts: NO_FACTS, priorAwards: [], handlerIds: [], stage: 'applied', history: [] };
}

/** What a move looks at beyond the record: the cycle's rules and dates, the decision, the notice. */
export interface TransitionContext {
  rules: EligibilityContext['rules'];
  callDate?: string | undefined;
  /** Awards found for the same organisation in other cycles of this database. */
  otherAwards?: readonly ApplicantRecord['priorAwards'][number][];
  decision?: ApplicantState['decision'];
  notice?: ApplicantState['notice'];
}

export function eligibilityContextOf(record: ApplicantRecord, ctx: Pick<TransitionContext, 'rules' | 'callDate' | 'otherAwards'>): EligibilityContext {
  return { rules: ctx.rules, callDate: ctx.callDate, category: record.profile.category, facts: record.facts, priorAwards: [...record.priorAwards, ...(ctx.otherAwards ?? [])] };
}

/**
 * The record moved to `to`, or every reason it may not move; the record passed in is never
 * changed, so a refused move leaves nothing half-done.
 */
export function applyTransition(record: ApplicantRecord, to: Stage, change: { at: string; by: string; reason?: string }, ctx: TransitionContext): Result<ApplicantRecord, TransitionRefusal[]> {
  const checked = checkTransition(
    {
      stage: record.stage,
      eligibility: record.eligibility,
      exclusions: record.exclusions,
      ...(record.materialReview ? { materialReview: record.materialReview } : {}),
      ...(record.onSiteTotalHundredths !== undefined ? { onSiteTotalHundredths: record.onSiteTotalHundredths } : {}),
      eligibilityContext: eligibilityContextOf(record, ctx),
      decision: ctx.decision,
      notice: ctx.notice,
    },
    to,
    change.reason,
  );
  if (!checked.ok) return err(checked.error);
  const reason = change.reason?.trim();
  const entry: StageChange = { from: record.stage, to, at: change.at, by: change.by, ...(reason ? { reason } : {}) };
  return ok({ ...record, stage: to, history: [...record.history, entry] });
}
