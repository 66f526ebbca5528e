import { z } from 'zod';
import { cycleRulesSchema, validateCycleRules, type RuleProblem } from './cycle-rules.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * A cycle (届): the award is run every 2 years (Art. 4); each cycle has its own rules, criteria
 * set (Art. 16 allows sector variants) and applicants.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const cycleSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'id: letters, digits, dots, dashes'),
  /** The ordinal of the cycle: 第 N 届. */
  ordinal: z.number().int().positive().max(999),
  /** The year the cycle is run (its call for applications). */
  year: z.number().int().min(2000).max(2200),
  name: z.string().trim().min(1).max(200),
  criteriaSetId: z.string().min(1).max(64),
  rules: cycleRulesSchema,
  /** The call for applications (信息发布, Art. 17(1)): Art. 13's years are counted to it. */
  callDate: isoDate.optional(),
  /** Planned on-site review start; recusal counts "the last 3 years" back from it. */
  reviewDate: isoDate.optional(),
});
export type Cycle = z.infer<typeof cycleSchema>;

/** "第3届（2025年）". */
export function cycleTitleZh(cycle: Pick<Cycle, 'ordinal' | 'year'>): string {
  return `第${cycle.ordinal}届（${cycle.year}年）`;
}

/** A cycle from outside; its rules may be a preset with overrides (validateCycleRules). */
export function validateCycle(input: unknown): Result<Cycle, RuleProblem[]> {
  const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const rules = validateCycleRules(given.rules);
  if (!rules.ok) return err(rules.error.map((p) => ({ ...p, path: `rules${p.path ? `.${p.path}` : ''}` })));
  const parsed = cycleSchema.safeParse({ ...given, rules: rules.value });
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
        return { path, zh: `${path}：${issue.message}`, en: `${path}: ${issue.message}` };
      }),
    );
  }
  return ok(parsed.data);
}
