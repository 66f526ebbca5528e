import { z } from 'zod';
import type { CycleRules } from '../cycle/cycle-rules.js';
import { addYears } from '../util/iso-date.js';

/**
 * After the award (Art. 24, 27): an award is valid for the cycle's validity years from the
 * government's decision; a winner may apply again only once it has expired, and winning the
 * Award again gives the title without prize money and outside the quota. A revoked award
 * bars the organisation from applying for the cycle's bar years from the revocation date.
 *
 * Dates are whole days (YYYY-MM-DD). "Valid 4 years" from 2022-06-01 means through
 * 2026-05-31; an application on 2026-06-01 is allowed. A bar of 4 years from a revocation on
 * 2023-03-10 runs through 2027-03-09.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Art. 24's four grounds for revoking an award, by their paragraph. */
export const REVOCATION_GROUNDS = [
  { number: 1, zh: '弄虚作假，采取不正当手段获取市长质量奖的', en: 'obtained the award by fraud or other improper means' },
  { number: 2, zh: '在获奖有效期内发生质量、安全、环境污染等较大责任事故的', en: 'a serious quality, safety or environmental accident with liability during the award’s validity' },
  { number: 3, zh: '造成严重不良社会影响的', en: 'caused serious adverse public impact' },
  { number: 4, zh: '其他违法违规行为的', en: 'other violations of laws or regulations' },
] as const;

export const revocationSchema = z.strictObject({
  /** The Art. 24 paragraph, 1 … 4. */
  ground: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  reason: z.string().trim().min(1, 'a revocation needs its reason').max(2000),
  date: isoDate,
  /** The reference of the government's decision (e.g. 郑政文〔2024〕12号). */
  decisionRef: z.string().trim().min(1, 'a revocation needs the decision’s reference').max(200),
});
export type Revocation = z.infer<typeof revocationSchema>;

/** An award the organisation won (in this or an earlier cycle), as the secretariat records it. */
export const awardRecordSchema = z.strictObject({
  kind: z.enum(['award', 'nomination']),
  /** The year of the cycle it was won in. */
  year: z.number().int().min(1990).max(2200),
  /** The government's decision (Art. 17(9)); validity runs from it. */
  decidedOn: isoDate,
  cycleName: z.string().trim().max(200).optional(),
  /** Art. 4 and 27: what was paid (none for a Nomination or a repeat winner). */
  prizeMoneyYuan: z.number().int().nonnegative().optional(),
  /** Art. 27: won again after an earlier Award expired (no prize money, no quota place). */
  repeatWinner: z.boolean().optional(),
  revocation: revocationSchema.optional(),
});
export type AwardRecord = z.infer<typeof awardRecordSchema>;

/** The last day an award is valid (Art. 27). */
export function awardValidUntil(award: Pick<AwardRecord, 'decidedOn'>, rules: Pick<CycleRules, 'awardValidityYears'>): string {
  return addYears(award.decidedOn, rules.awardValidityYears, -1);
}

/** The last day a revocation bars the organisation from applying (Art. 24). */
export function revocationBarUntil(revocation: Pick<Revocation, 'date'>, rules: Pick<CycleRules, 'revocationBarYears'>): string {
  return addYears(revocation.date, rules.revocationBarYears, -1);
}

export interface PriorAwardRefusal {
  code: 'award-still-valid' | 'revocation-bar';
  /** The last day the bar holds. */
  until: string;
  zh: string;
  en: string;
}

/**
 * Whether earlier awards keep the organisation from applying on `applicationDate`: a valid,
 * unrevoked Award (Art. 27: it may apply again once it has expired), or a revocation whose bar
 * still runs (Art. 24). Each refusal names its article and the last day it holds.
 */
export function priorAwardRefusals(awards: readonly AwardRecord[], applicationDate: string, rules: Pick<CycleRules, 'awardValidityYears' | 'revocationBarYears'>): PriorAwardRefusal[] {
  const refusals: PriorAwardRefusal[] = [];
  for (const a of awards) {
    if (a.revocation) {
      const until = revocationBarUntil(a.revocation, rules);
      if (applicationDate <= until) {
        refusals.push({
          code: 'revocation-bar',
          until,
          zh: `${a.year}年度所获奖项已于${a.revocation.date}撤销（${a.revocation.decisionRef}），依第二十四条${rules.revocationBarYears}年内不得再次申报，至${until}止`,
          en: `the ${a.year} award was revoked on ${a.revocation.date} (${a.revocation.decisionRef}); Art. 24 bars a new application for ${rules.revocationBarYears} years, through ${until}`,
        });
      }
      continue;
    }
    if (a.kind !== 'award') continue;
    const until = awardValidUntil(a, rules);
    if (applicationDate <= until) {
      refusals.push({
        code: 'award-still-valid',
        until,
        zh: `${a.year}年度市长质量奖有效期至${until}，依第二十七条有效期满后方可再次申请`,
        en: `the ${a.year} Award is valid through ${until}; Art. 27 allows a new application only once it has expired`,
      });
    }
  }
  return refusals;
}

/**
 * The organisation's earlier unrevoked award that matters for this cycle: the latest Award if it
 * won one (Art. 27: it is then a repeat winner), else its latest Nomination.
 */
export function latestPriorAward(record: { priorAwards?: readonly AwardRecord[] | undefined }): { year: number; kind: AwardRecord['kind'] } | undefined {
  const kept = (record.priorAwards ?? []).filter((a) => !a.revocation);
  const rank = (a: AwardRecord) => (a.kind === 'award' ? 1 : 0);
  const last = [...kept].sort((x, y) => rank(y) - rank(x) || y.year - x.year)[0];
  return last ? { year: last.year, kind: last.kind } : undefined;
}
