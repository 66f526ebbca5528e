import { INTEREST_KIND_NAMES, type Employer, type Interest, type PoolExpert } from './expert.js';
import { normaliseOrganisationName } from './organisation-name.js';
import { addYears } from '../util/iso-date.js';

/**
 * Recusal (回避, Art. 18): an expert or a member of staff with an interest in the applicant
 * must not review or handle it. The employer is part of their profile and always checked;
 * other interests are their own declarations. Each is matched against the applicant by
 * unified social credit code when both sides have one (the code is unambiguous, names are
 * not), else by normalised name. An interest that ended more than the look-back before the
 * review date no longer counts (the regulation says only 有利害关系; the software reads it with
 * the cycle's Art. 14 look-back, 3 years in both presets).
 */
export interface RecusalWindow {
  /** YYYY-MM-DD the review (or the handling) takes place. */
  reviewDate: string;
  /** Interests that ended more than this many years before it no longer count. */
  lookbackYears: number;
}

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
  return addYears(isoDate, -years);
}

/** Whether an interest still counts at the review date: ongoing, or ended within the look-back. */
export function interestCurrent(interest: Interest, window: RecusalWindow): boolean {
  if (interest.until === undefined) return true;
  return interest.until >= yearsBefore(window.reviewDate, window.lookbackYears);
}

function matchOf(interest: Interest, target: RecusalTarget): 'credit-code' | 'name' | undefined {
  if (interest.creditCode !== undefined && target.creditCode !== undefined) {
    return interest.creditCode === target.creditCode.trim().toUpperCase() ? 'credit-code' : undefined;
  }
  const a = normaliseOrganisationName(interest.organisation);
  return a.length > 0 && a === normaliseOrganisationName(target.name) ? 'name' : undefined;
}

/** Someone who may have to recuse: an expert of the pool, or a member of the secretariat's staff. */
export interface RecusalPerson {
  id: string;
  name: string;
  employer?: Employer | undefined;
  interests: readonly Interest[];
}

export type RecusalRole = 'expert' | 'staff';

const ROLE_NAMES: Record<RecusalRole, { zh: string; en: string }> = { expert: { zh: '评审员', en: 'expert' }, staff: { zh: '工作人员', en: 'staff member' } };

/** How a match was made, in the conflict's words. */
function matchWords(matchedBy: 'credit-code' | 'name'): { by: string; byEn: string } {
  return matchedBy === 'credit-code' ? { by: '统一社会信用代码相同', byEn: 'same unified social credit code' } : { by: '单位名称相同', byEn: 'same organisation name' };
}

/**
 * Every conflict between one person and the applicant: their employer (part of their profile,
 * no declaration needed) and each declared interest still current at the review date.
 */
export function personConflicts(person: RecusalPerson, target: RecusalTarget, window: RecusalWindow, role: RecusalRole = 'expert'): RecusalConflict[] {
  const who = ROLE_NAMES[role];
  const conflicts: RecusalConflict[] = [];
  const employer = person.employer;
  if (employer && employer.name.trim()) {
    const interest: Interest = { kind: 'employer', organisation: employer.name, ...(employer.creditCode ? { creditCode: employer.creditCode } : {}) };
    const matchedBy = matchOf(interest, target);
    if (matchedBy) {
      const { by, byEn } = matchWords(matchedBy);
      conflicts.push({
        expertId: person.id,
        expertName: person.name,
        interest,
        matchedBy,
        zh: `${who.zh}${person.name}的工作单位“${employer.name}”即申报单位“${target.name}”（${by}），依第十八条应当回避`,
        en: `${who.en} ${person.name} works for "${employer.name}", which is the applicant "${target.name}" (${byEn}), so Art. 18 requires recusal`,
      });
    }
  }
  for (const interest of person.interests) {
    if (!interestCurrent(interest, window)) continue;
    const matchedBy = matchOf(interest, target);
    if (!matchedBy) continue;
    // The same organisation as the employer already reported: one conflict is enough.
    if (interest.kind === 'employer' && conflicts.some((c) => c.interest.kind === 'employer')) continue;
    const kind = INTEREST_KIND_NAMES[interest.kind];
    const since = interest.until ? `（${interest.until}止，未满${window.lookbackYears}年）` : '';
    const sinceEn = interest.until ? ` (ended ${interest.until}, within ${window.lookbackYears} years)` : '';
    const relation = interest.relation ? `（${interest.relation}）` : '';
    const relationEn = interest.relation ? ` (${interest.relation})` : '';
    const { by, byEn } = matchWords(matchedBy);
    conflicts.push({
      expertId: person.id,
      expertName: person.name,
      interest,
      matchedBy,
      zh: `${who.zh}${person.name}申报的${kind.zh}${relation}“${interest.organisation}”${since}即申报单位“${target.name}”（${by}），依第十八条应当回避`,
      en: `${who.en} ${person.name} declared "${interest.organisation}" as ${kind.en}${relationEn}${sinceEn}; it is the applicant "${target.name}" (${byEn}), so Art. 18 requires recusal`,
    });
  }
  return conflicts;
}

/** Every conflict between one expert of the pool and the applicant. */
export function expertConflicts(expert: PoolExpert, target: RecusalTarget, window: RecusalWindow): RecusalConflict[] {
  return personConflicts(expert, target, window, 'expert');
}
