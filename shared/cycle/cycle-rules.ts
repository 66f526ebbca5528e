import { z } from 'zod';
import { err, ok, type Result } from '../util/result.js';

/**
 * A cycle's rules (届的评选规则) as data. The defaults are the regulation's; every number is
 * editable per cycle because the final city rules, and other cities' awards built on the same
 * software, differ (issue 5). Validation reports every problem at once, in Chinese and English.
 */

/** An applicant category (e.g. "small-micro", "service") that places can be reserved for. */
const categoryIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'category id: lower-case letters, digits and dashes, 1–40 characters');

const nonNegativeInt = z.number('must be a number').int('must be a whole number').nonnegative('must not be negative');

/**
 * Places of a quota kept for applicants of one category (e.g. 1 of the 5 Awards for small and
 * micro enterprises). The reserved places are part of the quota, not added to it. They are
 * filled first by that category's best qualifiers; the rest of the quota is open to all, and a
 * reserved place that no applicant of its category can fill stays vacant (docs/secretariat.md).
 */
export const reservationSchema = z.strictObject({
  category: categoryIdSchema,
  label: z.string().trim().min(1).max(100),
  award: nonNegativeInt.default(0),
  nomination: nonNegativeInt.default(0),
});
export type Reservation = z.infer<typeof reservationSchema>;

export const cycleRulesSchema = z.strictObject({
  /** Art. 4: at most 5 Awards per cycle. */
  awardQuota: nonNegativeInt.default(5),
  /** Art. 4: at most 5 Nomination Awards per cycle. */
  nominationQuota: nonNegativeInt.default(5),
  /** Art. 15: an Award needs at least 500 points, 500 included. Whole points. */
  awardThresholdPoints: nonNegativeInt.max(1000).default(500),
  /** Not in the regulation: a floor for Nominations some cycles set. Unset: no floor. */
  nominationMinimumPoints: nonNegativeInt.max(1000).optional(),
  /** Items whose members' percentages span more than this many points are discussed. */
  divergenceLimitPoints: nonNegativeInt.max(100).default(20),
  /** Art. 11: 5–7 experts per panel. */
  panelSizeMin: z.number().int().positive().default(5),
  panelSizeMax: z.number().int().positive().default(7),
  /** Art. 27: an award is valid 4 years. */
  awardValidityYears: z.number().int().positive().max(50).default(4),
  /** Art. 17(8): public notice of at least 7 days. */
  publicNoticeMinDays: z.number().int().positive().max(365).default(7),
  reservations: z.array(reservationSchema).max(20).default([]),
});
export type CycleRules = z.infer<typeof cycleRulesSchema>;
export type CycleRulesInput = z.input<typeof cycleRulesSchema>;

export interface RuleProblem {
  /** Where: "awardQuota", "reservations[1].award". */
  path: string;
  zh: string;
  en: string;
}

/** The regulation's rules, for a new cycle. */
export function defaultCycleRules(): CycleRules {
  return cycleRulesSchema.parse({});
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
  if (rules.nominationMinimumPoints !== undefined && rules.nominationMinimumPoints > rules.awardThresholdPoints) {
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
  return problems;
}

/**
 * Reads cycle rules from outside (a form, a file, a package): missing fields take the
 * regulation's defaults; every problem is returned, none is silently corrected.
 */
export function validateCycleRules(input: unknown): Result<CycleRules, RuleProblem[]> {
  const parsed = cycleRulesSchema.safeParse(input ?? {});
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => {
        const path = pathOf(issue.path);
        return { path, zh: `${path || '规则'}：${issue.message}`, en: `${path || 'rules'}: ${issue.message}` };
      }),
    );
  }
  const problems = crossFieldProblems(parsed.data);
  return problems.length > 0 ? err(problems) : ok(parsed.data);
}
