import { z } from 'zod';
import type { CycleRules } from '../cycle/cycle-rules.js';
import { ELIGIBILITY_CONDITIONS_BY_PRESET, type EligibilityCondition } from '../regulation/eligibility.js';
import { addYears, wholeYearsBetween } from '../util/iso-date.js';
import type { ConditionStatus, EligibilityChecklist } from './checklists.js';
import { priorAwardRefusals, type AwardRecord, type PriorAwardRefusal } from './prior-awards.js';

/**
 * Art. 13 with its year counts computed from dates, and the incidents Art. 14's look-back
 * asks about, dated. The secretariat ticks the conditions that need judgement; "operating N
 * years" and "the excellence model for N years" are computed from the founding date and the
 * model's start date to the cycle's call for applications (the cycle's rules give N, and a
 * category may have a shorter period). A computed condition without its date is unchecked:
 * eligibility must be shown, not presumed.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** An incident Art. 14 looks back at (spot check failed, misconduct, a loss, an accident), dated. */
const incidentSchema = z.strictObject({
  date: isoDate,
  /** The Art. 14 paragraph it falls under: (三) spot checks, (四) misconduct, (五) a loss, (六) an accident. */
  exclusion: z.union([z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  note: z.string().trim().min(1, 'say what happened').max(2000),
});
export type Incident = z.infer<typeof incidentSchema>;

export const eligibilityFactsSchema = z.strictObject({
  /** 成立日期, from the business licence. */
  foundedOn: isoDate.optional(),
  /** When the performance-excellence model was introduced. */
  excellenceModelSince: isoDate.optional(),
  incidents: z.array(incidentSchema).max(100),
});
export type EligibilityFacts = z.infer<typeof eligibilityFactsSchema>;

export const NO_FACTS: EligibilityFacts = { incidents: [] };

export interface EligibilityContext {
  rules: Pick<CycleRules, 'preset' | 'eligibility' | 'awardValidityYears' | 'revocationBarYears'>;
  /** The cycle's call for applications: years are counted to it. */
  callDate?: string | undefined;
  category?: string | undefined;
  facts: EligibilityFacts;
  priorAwards: readonly AwardRecord[];
}

export interface ConditionView {
  condition: EligibilityCondition;
  status: ConditionStatus;
  /** For computed conditions: the years counted, the years required, or what is missing. */
  computed?: { years?: number; required: number; from?: string; missing?: 'date' | 'call-date' };
}

/** The years a category must have operated (a shorter period for some categories). */
function requiredOperatingYears(rules: EligibilityContext['rules'], category: string | undefined): number {
  const special = rules.eligibility.operatingYearsByCategory.find((c) => c.category === category);
  return special?.years ?? rules.eligibility.operatingYears;
}

function computedView(condition: EligibilityCondition, ctx: EligibilityContext): ConditionView {
  const operating = condition.computed === 'operating-years';
  const required = operating ? requiredOperatingYears(ctx.rules, ctx.category) : ctx.rules.eligibility.excellenceModelYears;
  const from = operating ? ctx.facts.foundedOn : ctx.facts.excellenceModelSince;
  if (!from) return { condition, status: 'unchecked', computed: { required, missing: 'date' } };
  if (!ctx.callDate) return { condition, status: 'unchecked', computed: { required, from, missing: 'call-date' } };
  const years = wholeYearsBetween(from, ctx.callDate);
  return { condition, status: years >= required ? 'met' : 'unmet', computed: { years, required, from } };
}

/** Every Art. 13 condition of the cycle's text with its status: ticked, or computed from dates. */
export function eligibilityViews(checklist: EligibilityChecklist, ctx: EligibilityContext): ConditionView[] {
  return ELIGIBILITY_CONDITIONS_BY_PRESET[ctx.rules.preset].map((condition) =>
    condition.computed ? computedView(condition, ctx) : { condition, status: checklist[condition.id]?.status ?? 'unchecked' },
  );
}

/** Conditions not (yet) met: unchecked ones count, since eligibility must be shown. */
export function unmetConditions(checklist: EligibilityChecklist, ctx: EligibilityContext): ConditionView[] {
  return eligibilityViews(checklist, ctx).filter((v) => v.status !== 'met');
}

/** Earlier awards that keep the organisation out (Art. 24, 27), counted at the call for applications. */
export function priorAwardBars(ctx: EligibilityContext): PriorAwardRefusal[] {
  return ctx.callDate ? priorAwardRefusals(ctx.priorAwards, ctx.callDate, ctx.rules) : [];
}

/** The incidents within Art. 14's look-back before the call, and the whole years since the last one. */
export function incidentLookback(ctx: EligibilityContext): { within: Incident[]; since?: string; yearsWithout?: number } {
  if (!ctx.callDate) return { within: [] };
  const since = addYears(ctx.callDate, -ctx.rules.eligibility.lookbackYears);
  const within = ctx.facts.incidents.filter((i) => i.date >= since && i.date <= ctx.callDate!).sort((a, b) => a.date.localeCompare(b.date));
  const last = [...ctx.facts.incidents].filter((i) => i.date <= ctx.callDate!).sort((a, b) => b.date.localeCompare(a.date))[0];
  const start = last?.date ?? ctx.facts.foundedOn;
  return { within, since, ...(start ? { yearsWithout: wholeYearsBetween(start, ctx.callDate) } : {}) };
}
