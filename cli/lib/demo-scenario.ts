import { z } from 'zod';
import { STAGES, type Stage } from '../../shared/applicant/stage.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { categorySchema, type CycleRules } from '../../shared/cycle/cycle-rules.js';
import { EXCLUSION_RULES, isExclusionNumber } from '../../shared/regulation/exclusions.js';
import { isValidPercent } from '../../shared/scoring/percent.js';
import { err, ok, type Result } from '../../shared/util/result.js';
import { rulesFrom } from '../commands/rank.js';

/**
 * `zqa demo --cycle SCENARIO.json`: the cycle's rules and, per applicant, the consensus its
 * panel reaches (every item of GB/T 19580-2012 on the 5% grid), the Art. 14 exclusions it
 * confirms, and what the secretariat knows of it: its stage, its category (for reserved
 * places), its last earlier award. Checked whole before anything is written.
 *
 * `rules` takes the cycle rules' own names or the short ones (`threshold`, `nominationMinimum`),
 * and a `preset` ('draft-2021' default, or 'adopted-2022'); the nomination minimum must be
 * stated (the regulation gives none).
 */
const ITEMS = itemsOf(GBT19580_2012);
const ITEM_IDS = new Set(ITEMS.map((i) => i.id));
const EXCLUSION_NUMBERS = EXCLUSION_RULES.map((r) => r.number).join(', ');

const applicantSchema = z.strictObject({
  name: z.string().trim().min(1, 'a name is required').max(200),
  industry: z.string().trim().max(200).default(''),
  consensus: z.record(z.string(), z.unknown()),
  exclusions: z.array(z.unknown()).max(7).default([]),
  stage: z.enum(STAGES, `one of the app's stages: ${STAGES.join(', ')}`).optional(),
  category: categorySchema.optional(),
  previousAward: z.strictObject({ year: z.number().int().min(1990).max(2200), kind: z.enum(['award', 'nomination']) }).optional(),
});

const scenarioSchema = z.strictObject({
  rules: z
    .looseObject({
      /** The award threshold in points (of 1000). */
      threshold: z.number().int('whole points').min(0).max(1000, 'at most 1000 (the criteria total)').optional(),
      /** Stated per cycle: the regulation gives none (0 for no floor). */
      nominationMinimum: z.number().int('whole points').min(0).max(1000, 'at most 1000 (the criteria total)').optional(),
    })
    .superRefine((r, ctx) => {
      if (r.nominationMinimum === undefined && r.nominationMinimumPoints === undefined) {
        ctx.addIssue({ code: 'custom', path: ['nominationMinimum'], message: 'state the nomination minimum (0 for none): the regulation gives none' });
      }
    }),
  applicants: z.array(applicantSchema).min(1, 'at least one applicant').max(40, 'at most 40 applicants'),
});

export interface ScenarioApplicant {
  name: string;
  industry: string;
  /** Percent by item id, every item present. */
  consensus: Record<string, number>;
  exclusions: number[];
  stage?: Stage;
  category?: string;
  previousAward?: { year: number; kind: 'award' | 'nomination' };
}

export interface Scenario {
  /** As given, for DIR/index.json (what `zqa rank DIR` reads). */
  rules: Record<string, unknown>;
  cycleRules: CycleRules;
  applicants: ScenarioApplicant[];
}

/** Every problem, each naming where it is: `applicants[2] (某公司).consensus.4.1.2: …`. */
export function parseScenario(input: unknown): Result<Scenario, string[]> {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return err(parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'scenario'}: ${i.message}`));
  const problems: string[] = [];
  const rules = rulesFrom(parsed.data.rules);
  if (!rules.ok) problems.push(`rules: ${rules.error}`);
  const names = new Set<string>();
  const applicants = parsed.data.applicants.map((a, n) => {
    const where = `applicants[${n}] (${a.name})`;
    if (names.has(a.name)) problems.push(`${where}: the name is given twice`);
    names.add(a.name);
    const consensus: Record<string, number> = {};
    for (const item of ITEMS) {
      const value = a.consensus[item.id];
      if (value === undefined) problems.push(`${where}.consensus: missing item ${item.id} (${item.name})`);
      else if (typeof value !== 'number' || !isValidPercent(value)) problems.push(`${where}.consensus.${item.id}: ${JSON.stringify(value)} is not a percentage from 0 to 100 in steps of 5`);
      else consensus[item.id] = value;
    }
    for (const id of Object.keys(a.consensus)) if (!ITEM_IDS.has(id)) problems.push(`${where}.consensus: unknown item ${id} (GB/T 19580-2012 has ${ITEMS[0]!.id} … ${ITEMS[ITEMS.length - 1]!.id})`);
    const exclusions: number[] = [];
    for (const e of a.exclusions) {
      if (!isExclusionNumber(e)) problems.push(`${where}.exclusions: ${JSON.stringify(e)} is not an Art. 14 exclusion number (${EXCLUSION_NUMBERS})`);
      else if (exclusions.includes(e)) problems.push(`${where}.exclusions: ${e} is given twice`);
      else exclusions.push(e);
    }
    return {
      name: a.name,
      industry: a.industry,
      consensus,
      exclusions,
      ...(a.stage ? { stage: a.stage } : {}),
      ...(a.category ? { category: a.category } : {}),
      ...(a.previousAward ? { previousAward: a.previousAward } : {}),
    };
  });
  if (problems.length > 0 || !rules.ok) return err(problems);
  return ok({ rules: parsed.data.rules, cycleRules: rules.value, applicants });
}
