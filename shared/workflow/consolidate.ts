import { consolidate, type Consolidation } from '../consensus/consolidate.js';
import { memberScoresFromScoresheet, panelMemberFromRoster } from '../consensus/from-packages.js';
import type { MemberScores, PanelMember } from '../consensus/member-scores.js';
import type { CriteriaSet } from '../criteria/criteria-set.js';
import type { CycleRules } from '../cycle/cycle-rules.js';
import { validateCriteriaSet } from '../criteria/validate-criteria-set.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * Consolidate (the leader): the panel as the leader sees it, from the assignment and the
 * members' latest verified scoresheets — the roster, each member's scores, the matrix with
 * its divergent items and who is missing. What the leader's screens show and what `zqa demo`
 * settles the consensus from. Pure: the storage of the scoresheets is the caller's.
 */
export interface ReceivedSheet {
  memberKeyId: string;
  revision: number;
  receivedAt: string;
  content: ScoresheetContent;
}

export interface PanelModel {
  criteriaSet: CriteriaSet;
  /** The cycle's rules as the assignment carries them: divergence limit, threshold, nomination minimum. */
  rules: CycleRules;
  roster: PanelMember[];
  leader: PanelMember;
  sheets: MemberScores[];
  /** memberKeyId → revision and arrival of the sheet the matrix shows. */
  received: Map<string, { revision: number; receivedAt: string }>;
  matrix: Consolidation;
  /** Member key id → name, for labels. */
  names: Map<string, string>;
}

export function buildPanelModel(assignment: AssignmentContent, sheets: readonly ReceivedSheet[]): Result<PanelModel, string> {
  const set = validateCriteriaSet(assignment.criteriaSet);
  if (!set.ok) return err(`the assignment's criteria set is not valid: ${set.error.map((e) => e.message).join('; ')}`);
  const roster = assignment.panel.members.map(panelMemberFromRoster);
  const leader = roster.find((m) => m.role === 'leader');
  if (!leader) return err('the assignment names no leader');
  const seats = new Set(roster.map((m) => m.memberId));
  // Only the latest revision of each roster member counts; anything else is left out here
  // (the importer already refused strangers and older revisions).
  const latest = new Map<string, ReceivedSheet>();
  for (const s of sheets) {
    if (!seats.has(s.memberKeyId) || s.content.expertKeyId !== s.memberKeyId) continue;
    const held = latest.get(s.memberKeyId);
    if (!held || s.revision > held.revision) latest.set(s.memberKeyId, s);
  }
  const scores = [...latest.values()].map((s) => memberScoresFromScoresheet(s.content));
  const materialReview = Object.fromEntries(assignment.materialReview.scores.map((s) => [s.itemId, s.percent]));
  try {
    const matrix = consolidate({ criteriaSet: set.value, roster, scoresheets: scores, materialReview, divergenceLimit: assignment.rules.divergenceLimitPoints });
    return ok({
      criteriaSet: set.value,
      rules: assignment.rules,
      roster,
      leader,
      sheets: scores,
      received: new Map([...latest.values()].map((s) => [s.memberKeyId, { revision: s.revision, receivedAt: s.receivedAt }])),
      matrix,
      names: new Map(roster.map((m) => [m.memberId, m.name])),
    });
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}

/** Kept here for the screens that import it from the workflow; it lives with the matrix. */
export { suggestedPercent } from '../consensus/consolidate.js';
