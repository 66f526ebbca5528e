import { z } from 'zod';
import { PRESET_IDS, PRESETS, type PresetId } from '../regulation/presets.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * A cycle's rules (届的评选规则) as data: every number the regulation sets, chosen from a preset
 * (shared/regulation/presets.ts: the 2021 draft or the rules adopted in 2022) and editable per
 * cycle. The schema has no defaults: a stored cycle states every rule, and the nomination
 * minimum is always stated by the secretariat (the regulation gives none). Validation reports
 * every problem at once, in Chinese and English.
 */

/** An enterprise category places can be reserved for, as registered on the applicant (e.g. 专精特新). */
export const categorySchema = z
  .string()
  .trim()
  .min(1, 'a category needs a name')
  .max(40, 'a category name has at most 40 characters')
  .refine((c) => ![...c].some((ch) => ch.charCodeAt(0) < 0x20), 'a category name has no control characters');

const nonNegativeInt = z.number('must be a number').int('must be a whole number').nonnegative('must not be negative');
const positiveInt = z.number('must be a number').int('must be a whole number').positive('must be at least 1');

/**
 * Places of a quota kept for one category (e.g. 3 of the 8 Awards for 专精特新 enterprises). They
 * are part of the quota, not added to it, and filled first by the category's best qualifiers.
 * `guaranteed-minimum`: the category also competes for the open places, so the reservation only
 * ever adds places for it. `separate-pool`: the category competes only for its own places (a
 * pool with its own cap), the open places go to everyone else.
 */
export const RESERVATION_KINDS = ['guaranteed-minimum', 'separate-pool'] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];

const reservationSchema = z.strictObject({
  category: categorySchema,
  label: z.string().trim().min(1, 'a reservation needs a label').max(100),
  award: nonNegativeInt,
  nomination: nonNegativeInt,
  kind: z.enum(RESERVATION_KINDS),
});
export type Reservation = z.infer<typeof reservationSchema>;

/** What happens to a reserved place no applicant of its category qualifies for. */
export const UNFILLED_RESERVED = ['vacant', 'released'] as const;
export type UnfilledReserved = (typeof UNFILLED_RESERVED)[number];

/** The year counts Art. 13 asks for, computed from the applicant's dates. */
const eligibilityYearsSchema = z.strictObject({
  /** Art. 13(一): lawful operation for at least this many years (founding date to the cycle's call). */
  operatingYears: positiveInt.max(50),
  /** A shorter period for some categories (2022 rules: 3 years for 专精特新 "little giants"). */
  operatingYearsByCategory: z.array(z.strictObject({ category: categorySchema, years: positiveInt.max(50) })).max(10),
  /** Art. 13(二): the performance-excellence model in use for at least this many years. */
  excellenceModelYears: positiveInt.max(50),
  /** Art. 14(三)–(六): the look-back for spot checks, misconduct, losses and accidents. */
  lookbackYears: positiveInt.max(50),
});
export type EligibilityYears = z.infer<typeof eligibilityYearsSchema>;

export const cycleRulesSchema = z.strictObject({
  /** The preset the rules started from; it also chooses the Art. 13 texts (eligibility.ts). */
  preset: z.enum(PRESET_IDS as [PresetId, ...PresetId[]]),
  /** Art. 4: at most so many Awards per cycle. */
  awardQuota: nonNegativeInt.max(100),
  /** Art. 4: at most so many Nomination Awards per cycle. */
  nominationQuota: nonNegativeInt.max(100),
  /** Art. 15: an Award needs at least this many points, the line included. Whole points. */
  awardThresholdPoints: nonNegativeInt.max(1000),
  /** Stated by the secretariat per cycle (the regulation gives none); 0 states "no floor". */
  nominationMinimumPoints: z.number('state the nomination minimum (0 for none): the regulation gives none').int('must be a whole number').nonnegative('must not be negative').max(1000),
  /** Items whose members' percentages span more than this many points are discussed. */
  divergenceLimitPoints: z.number('must be a number').int('must be a whole number').min(5, 'must be at least 5').max(100),
  /** Art. 11: panel size. */
  panelSizeMin: positiveInt.max(50),
  panelSizeMax: positiveInt.max(50),
  /** Art. 27: how long an award is valid. */
  awardValidityYears: positiveInt.max(50),
  /** Art. 24: how long a revoked winner may not apply again. */
  revocationBarYears: nonNegativeInt.max(50),
  /** Art. 17(8): the shortest public notice. */
  publicNoticeMinDays: positiveInt.max(365),
  /** Art. 4: prize money per place, in yuan (Art. 27: none for a repeat winner). */
  prizeMoneyYuan: z.strictObject({ award: nonNegativeInt.max(1e9), nomination: nonNegativeInt.max(1e9) }),
  reservations: z.array(reservationSchema).max(20),
  unfilledReserved: z.enum(UNFILLED_RESERVED),
  eligibility: eligibilityYearsSchema,
});
export type CycleRules = z.infer<typeof cycleRulesSchema>;

export interface RuleProblem {
  /** Where: "awardQuota", "reservations[1].award". */
  path: string;
  zh: string;
  en: string;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** The checks a schema cannot express: relations between fields. */
function crossFieldProblems(rules: CycleRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (rules.panelSizeMin > rules.panelSizeMax) {
    problems.push({
      path: 'panelSizeMin',
      zh: `评审组最少人数（${rules.panelSizeMin}）大于最多人数（${rules.panelSizeMax}）`,
      en: `minimum panel size (${rules.panelSizeMin}) is larger than the maximum (${rules.panelSizeMax})`,
    });
  }
  if (rules.nominationMinimumPoints > rules.awardThresholdPoints) {
    problems.push({
      path: 'nominationMinimumPoints',
      zh: `提名奖最低分（${rules.nominationMinimumPoints}）高于市长质量奖分数线（${rules.awardThresholdPoints}）`,
      en: `the nomination minimum (${rules.nominationMinimumPoints}) is above the award threshold (${rules.awardThresholdPoints})`,
    });
  }
  const seen = new Set<string>();
  rules.reservations.forEach((r, i) => {
    if (seen.has(r.category)) {
      problems.push({ path: `reservations[${i}].category`, zh: `申报单位类别“${r.category}”重复预留名额`, en: `category "${r.category}" has places reserved twice` });
    }
    seen.add(r.category);
    if (r.award === 0 && r.nomination === 0) {
      problems.push({ path: `reservations[${i}]`, zh: `类别“${r.label}”的预留名额为零`, en: `the reservation for "${r.label}" reserves no place` });
    }
  });
  const reservedAward = rules.reservations.reduce((a, r) => a + r.award, 0);
  const reservedNomination = rules.reservations.reduce((a, r) => a + r.nomination, 0);
  if (reservedAward > rules.awardQuota) {
    problems.push({
      path: 'reservations',
      zh: `预留的市长质量奖名额（${reservedAward}）超过名额总数（${rules.awardQuota}）`,
      en: `reserved Award places (${reservedAward}) exceed the award quota (${rules.awardQuota})`,
    });
  }
  if (reservedNomination > rules.nominationQuota) {
    problems.push({
      path: 'reservations',
      zh: `预留的提名奖名额（${reservedNomination}）超过名额总数（${rules.nominationQuota}）`,
      en: `reserved Nomination places (${reservedNomination}) exceed the nomination quota (${rules.nominationQuota})`,
    });
  }
  const categories = new Set<string>();
  rules.eligibility.operatingYearsByCategory.forEach((c, i) => {
    if (categories.has(c.category)) {
      problems.push({ path: `eligibility.operatingYearsByCategory[${i}]`, zh: `类别“${c.category}”的运营年限重复设定`, en: `category "${c.category}" has two operating periods` });
    }
    categories.add(c.category);
  });
  return problems;
}

/**
 * Reads cycle rules from outside (a form, a file, a scenario, a package). An object may name a
 * `preset` (default: the 2021 draft) and override any of its rules; nested rules (prize money,
 * eligibility years) are replaced whole. The nomination minimum must be given: no preset has one.
 * Every problem is returned, none silently corrected.
 */
export function validateCycleRules(input: unknown): Result<CycleRules, RuleProblem[]> {
  const given = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
  if (!given) return err([{ path: '', zh: '评选规则应为一个对象', en: 'the rules must be an object' }]);
  const presetId = given.preset ?? 'draft-2021';
  if (typeof presetId !== 'string' || !(PRESET_IDS as readonly string[]).includes(presetId)) {
    return err([{ path: 'preset', zh: `preset：应为 ${PRESET_IDS.join('、')} 之一`, en: `preset: one of ${PRESET_IDS.join(', ')}` }]);
  }
  const parsed = cycleRulesSchema.safeParse({ ...PRESETS[presetId as PresetId].rules, ...given, preset: presetId });
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => {
        const path = pathOf(issue.path);
        if (path === 'nominationMinimumPoints' && given.nominationMinimumPoints === undefined) {
          return { path, zh: '须写明本届提名奖最低分（不设最低分请填0）：管理办法未作规定', en: `${path}: ${issue.message}` };
        }
        return { path, zh: `${path || '规则'}：${issue.message}`, en: `${path || 'rules'}: ${issue.message}` };
      }),
    );
  }
  const problems = crossFieldProblems(parsed.data);
  return problems.length > 0 ? err(problems) : ok(parsed.data);
}

/** The rules a panel's recommendation follows (Art. 15 and the cycle's nomination minimum). */
export type RecommendationRules = Pick<CycleRules, 'awardThresholdPoints' | 'nominationMinimumPoints'>;
