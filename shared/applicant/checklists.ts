import { z } from 'zod';
import { ELIGIBILITY_CONDITION_IDS } from '../regulation/eligibility.js';
import { EXCLUSION_RULES, type ExclusionNumber, type ExclusionRule } from '../regulation/exclusions.js';

/**
 * The Art. 13 eligibility checklist and the Art. 14 exclusion checklist, each entry with the
 * evidence note that justifies it. An entry not yet looked at is 'unchecked', never assumed
 * fine: eligibility needs every condition positively met.
 */
const conditionStatusSchema = z.enum(['unchecked', 'met', 'unmet']);
export type ConditionStatus = z.infer<typeof conditionStatusSchema>;

/**
 * 'flagged': suspected, to verify on site (现场核查); 'confirmed': established, the applicant
 * is out whatever its score; 'clear': checked and not found.
 */
const exclusionStatusSchema = z.enum(['unchecked', 'clear', 'flagged', 'confirmed']);
export type ExclusionStatus = z.infer<typeof exclusionStatusSchema>;

const evidence = z.string().max(2000).default('');

export const eligibilityEntrySchema = z.strictObject({ status: conditionStatusSchema, evidence });
export const exclusionEntrySchema = z.strictObject({ status: exclusionStatusSchema, evidence });
export type EligibilityEntry = z.infer<typeof eligibilityEntrySchema>;
export type ExclusionEntry = z.infer<typeof exclusionEntrySchema>;

/** Keyed by the condition id of shared/regulation/eligibility.ts (computed conditions are not ticked). */
export type EligibilityChecklist = Readonly<Record<string, EligibilityEntry | undefined>>;
/** Keyed by the Art. 14 number, 1 … 7. */
export type ExclusionChecklist = Readonly<Partial<Record<ExclusionNumber, ExclusionEntry>>>;

export function emptyEligibilityChecklist(): Record<string, EligibilityEntry> {
  return Object.fromEntries(ELIGIBILITY_CONDITION_IDS.map((id) => [id, { status: 'unchecked' as const, evidence: '' }]));
}

export function emptyExclusionChecklist(): Record<ExclusionNumber, ExclusionEntry> {
  return Object.fromEntries(EXCLUSION_RULES.map((r) => [r.number, { status: 'unchecked' as const, evidence: '' }])) as Record<ExclusionNumber, ExclusionEntry>;
}

function exclusionsWithStatus(checklist: ExclusionChecklist, status: ExclusionStatus): ExclusionRule[] {
  return EXCLUSION_RULES.filter((rule) => (checklist[rule.number]?.status ?? 'unchecked') === status);
}

/** The Art. 14 numbers confirmed against the applicant, ascending. */
export function confirmedExclusionNumbers(checklist: ExclusionChecklist): ExclusionNumber[] {
  return exclusionsWithStatus(checklist, 'confirmed').map((r) => r.number);
}
