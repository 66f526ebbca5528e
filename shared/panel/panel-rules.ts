import type { CycleRules } from '../cycle/cycle-rules.js';
import { err, ok, type Result } from '../util/result.js';
import type { PoolExpert } from './expert.js';
import { expertConflicts, type RecusalConflict, type RecusalTarget, type RecusalWindow } from './recusal.js';

/**
 * A review panel (评审组) for one applicant: as many experts of the pool as the cycle's rules
 * allow (Art. 11), exactly one leader who is a member (组长负责制), no expert twice, every member's key
 * fingerprint confirmed (packages are encrypted to those keys), and nobody with an interest
 * in the applicant (Art. 18). A panel breaking any rule is refused with every reason at once.
 */
export interface PanelProposal {
  applicantId: string;
  memberIds: readonly string[];
  leaderId: string;
}

export interface Panel {
  applicantId: string;
  memberIds: string[];
  leaderId: string;
}

export type PanelProblem =
  | { code: 'size'; zh: string; en: string }
  | { code: 'leader-not-member' | 'duplicate-member' | 'unknown-expert' | 'fingerprint-unconfirmed'; expertId: string; zh: string; en: string }
  | ({ code: 'recusal' } & RecusalConflict);

export interface PanelContext {
  rules: Pick<CycleRules, 'panelSizeMin' | 'panelSizeMax' | 'eligibility'>;
  pool: readonly PoolExpert[];
  applicant: RecusalTarget;
  /** YYYY-MM-DD: interests that ended more than the cycle's look-back before it no longer count. */
  reviewDate: string;
}

function windowOf(context: PanelContext): RecusalWindow {
  return { reviewDate: context.reviewDate, lookbackYears: context.rules.eligibility.lookbackYears };
}

export function checkPanel(proposal: PanelProposal, context: PanelContext): Result<Panel, PanelProblem[]> {
  const problems: PanelProblem[] = [];
  const { panelSizeMin: min, panelSizeMax: max } = context.rules;
  const distinct = [...new Set(proposal.memberIds)];
  if (distinct.length < min || distinct.length > max) {
    problems.push({
      code: 'size',
      zh: `评审组应由${min}至${max}名评审员组成，现有${distinct.length}名`,
      en: `a panel needs ${min} to ${max} experts; this one has ${distinct.length}`,
    });
  }
  const byId = new Map(context.pool.map((e) => [e.id, e]));
  const counted = new Set<string>();
  for (const id of proposal.memberIds) {
    if (counted.has(id)) {
      const name = byId.get(id)?.name ?? id;
      problems.push({ code: 'duplicate-member', expertId: id, zh: `评审员${name}重复列入`, en: `expert ${name} is listed more than once` });
    }
    counted.add(id);
  }
  if (!distinct.includes(proposal.leaderId)) {
    const name = byId.get(proposal.leaderId)?.name ?? proposal.leaderId;
    problems.push({
      code: 'leader-not-member',
      expertId: proposal.leaderId,
      zh: `组长${name}不是本评审组成员`,
      en: `the leader ${name} is not a member of the panel`,
    });
  }
  for (const id of distinct) {
    const expert = byId.get(id);
    if (!expert) {
      problems.push({ code: 'unknown-expert', expertId: id, zh: `评审员${id}不在专家库中`, en: `expert ${id} is not in the pool` });
      continue;
    }
    if (!expert.fingerprintConfirmed) {
      problems.push({
        code: 'fingerprint-unconfirmed',
        expertId: id,
        zh: `评审员${expert.name}的密钥指纹尚未核对确认`,
        en: `expert ${expert.name}'s key fingerprint has not been confirmed`,
      });
    }
    for (const conflict of expertConflicts(expert, context.applicant, windowOf(context))) {
      problems.push({ code: 'recusal', ...conflict });
    }
  }
  if (problems.length > 0) return err(problems);
  return ok({ applicantId: proposal.applicantId, memberIds: distinct, leaderId: proposal.leaderId });
}

/**
 * The experts of the pool who could sit on an applicant's panel: confirmed and free of
 * conflict. For the secretariat's picker, so conflicts are seen before a panel is proposed.
 */
export function eligibleExperts(context: PanelContext): PoolExpert[] {
  return context.pool.filter((e) => e.fingerprintConfirmed && expertConflicts(e, context.applicant, windowOf(context)).length === 0);
}
