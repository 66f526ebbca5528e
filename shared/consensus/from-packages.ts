import type { RosterMember } from '../packages/content/assignment.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import type { ExclusionNumber } from '../regulation/exclusions.js';
import type { MemberScores, PanelMember } from './member-scores.js';

/**
 * From what the packages carry to what the consolidation reads. Members are known by the
 * key id of their signing key, the same id their scoresheet package is signed under.
 */
export function panelMemberFromRoster(member: RosterMember): PanelMember {
  return { memberId: member.keyId, name: member.name, organisation: member.organisation, role: member.role, fingerprint: member.fingerprint };
}

export function memberScoresFromScoresheet(sheet: ScoresheetContent): MemberScores {
  return {
    memberId: sheet.expertKeyId,
    items: Object.fromEntries(sheet.items.map((item) => [item.itemId, { percent: item.percent ?? undefined, strengths: item.strengths, ofis: item.ofis }])),
    exclusions: sheet.exclusions
      .filter((e) => e.status !== 'unchecked')
      .map((e) => ({ number: e.number as ExclusionNumber, status: e.status as 'clear' | 'flagged', note: e.note })),
  };
}
