import { INTEREST_KIND_NAMES, type Interest, type PoolExpert } from './expert.js';
import { normaliseOrganisationName } from './organisation-name.js';

/**
 * Recusal (回避, Art. 18): an expert with an interest in the applicant must not review it.
 * Interests are the expert's own declarations; each is matched against the applicant by
 * unified social credit code when both sides have one (the code is unambiguous, names are
 * not), else by normalised name. An interest that ended more than 3 years before the review
 * date no longer counts (the "within 3 years" of the brief and of Art. 14's look-back).
 */
export const RECUSAL_LOOKBACK_YEARS = 3;

export interface RecusalTarget {
  name: string;
  creditCode?: string;
}

export interface RecusalConflict {
  expertId: string;
  expertName: string;
  interest: Interest;
  matchedBy: 'credit-code' | 'name';
  zh: string;
  en: string;
}

/** The date `years` before an ISO date; 29 February falls back to 28 February. */
export function yearsBefore(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether an interest still counts at the review date: ongoing, or ended within 3 years. */
export function interestCurrent(interest: Interest, reviewDate: string): boolean {
  if (interest.until === undefined) return true;
  return interest.until >= yearsBefore(reviewDate, RECUSAL_LOOKBACK_YEARS);
}

function matchOf(interest: Interest, target: RecusalTarget): 'credit-code' | 'name' | undefined {
  if (interest.creditCode !== undefined && target.creditCode !== undefined) {
    return interest.creditCode === target.creditCode.trim().toUpperCase() ? 'credit-code' : undefined;
  }
  const a = normaliseOrganisationName(interest.organisation);
  return a.length > 0 && a === normaliseOrganisationName(target.name) ? 'name' : undefined;
}

/** Every conflict between one expert's declared interests and the applicant. */
export function expertConflicts(expert: PoolExpert, target: RecusalTarget, reviewDate: string): RecusalConflict[] {
  return expert.interests.flatMap((interest): RecusalConflict[] => {
    if (!interestCurrent(interest, reviewDate)) return [];
    const matchedBy = matchOf(interest, target);
    if (!matchedBy) return [];
    const kind = INTEREST_KIND_NAMES[interest.kind];
    const since = interest.until ? `（${interest.until}止，未满${RECUSAL_LOOKBACK_YEARS}年）` : '';
    const sinceEn = interest.until ? ` (ended ${interest.until}, within ${RECUSAL_LOOKBACK_YEARS} years)` : '';
    const relation = interest.relation ? `（${interest.relation}）` : '';
    const relationEn = interest.relation ? ` (${interest.relation})` : '';
    const by = matchedBy === 'credit-code' ? '统一社会信用代码相同' : '单位名称相同';
    const byEn = matchedBy === 'credit-code' ? 'same unified social credit code' : 'same organisation name';
    return [
      {
        expertId: expert.id,
        expertName: expert.name,
        interest,
        matchedBy,
        zh: `评审员${expert.name}申报的${kind.zh}${relation}“${interest.organisation}”${since}即申报单位“${target.name}”（${by}），依第十八条应当回避`,
        en: `expert ${expert.name} declared "${interest.organisation}" as ${kind.en}${relationEn}${sinceEn}; it is the applicant "${target.name}" (${byEn}), so Art. 18 requires recusal`,
      },
    ];
  });
}
