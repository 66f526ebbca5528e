import { z } from 'zod';
import { STAGE_NAMES } from '../applicant/stage.js';
import type { CycleRules } from '../cycle/cycle-rules.js';
import { err, ok, type Result } from '../util/result.js';
import { LIST_NAMES, type ProposalList } from './applicant-result.js';
import type { Proposal, ProposalEntry } from './proposal.js';

/**
 * The committee's decision (评委会审议表决, Art. 9(3), 17(7)) recorded per applicant. The
 * committee weighs industry representation as well as scores, so it may depart from the
 * proposal, but each departure carries its reason, and the regulation's hard limits hold
 * whatever it decides: no Award under the threshold (Art. 15), no place for an applicant with
 * a confirmed exclusion (Art. 14), no more places than the quotas (Art. 4). Deciding a tie
 * within the outcomes it contends for is not a departure.
 */
/** The committee's vote on one decision (审议表决): for, against, abstaining. */
const voteSchema = z.strictObject({
  for: z.number().int().nonnegative(),
  against: z.number().int().nonnegative(),
  abstaining: z.number().int().nonnegative(),
});
export type CommitteeVote = z.infer<typeof voteSchema>;

export interface CommitteeDecisionInput {
  applicantId: string;
  outcome: ProposalList;
  reason?: string;
  vote: CommitteeVote;
}

export interface DecisionRecord {
  applicantId: string;
  name: string;
  totalHundredths: number;
  proposed: ProposalList;
  outcome: ProposalList;
  departs: boolean;
  reason?: string;
  vote: CommitteeVote;
  /** Art. 27: an Award to a repeat winner takes no quota place and no prize money. */
  repeatWinner: boolean;
  /** Art. 4 and 27: the prize money the decision carries, in yuan. */
  prizeMoneyYuan: number;
}

export interface DecisionProblem {
  code: 'unknown-applicant' | 'not-a-candidate' | 'duplicate' | 'missing' | 'reason-required' | 'vote' | 'below-threshold' | 'below-nomination-minimum' | 'excluded' | 'over-quota';
  applicantId?: string;
  zh: string;
  en: string;
}

type Rules = Pick<CycleRules, 'awardQuota' | 'nominationQuota' | 'awardThresholdPoints' | 'nominationMinimumPoints' | 'prizeMoneyYuan'>;

function voteProblem(d: CommitteeDecisionInput, name: string): DecisionProblem | undefined {
  const v = voteSchema.safeParse(d.vote);
  if (!v.success) return { code: 'vote', applicantId: d.applicantId, zh: `“${name}”的表决票数应为非负整数（赞成、反对、弃权）`, en: `the vote on "${name}" must be whole numbers for, against and abstaining` };
  if (v.data.for + v.data.against + v.data.abstaining === 0) return { code: 'vote', applicantId: d.applicantId, zh: `“${name}”的决定须记录表决结果`, en: `the decision on "${name}" needs the committee's vote` };
  return undefined;
}

function departs(entry: ProposalEntry, outcome: ProposalList): boolean {
  return entry.tie ? !entry.tie.possible.includes(outcome) : entry.list !== outcome;
}

export function recordDecisions(proposal: Proposal, decisions: readonly CommitteeDecisionInput[], rules: Rules): Result<DecisionRecord[], DecisionProblem[]> {
  const { records, problems } = evaluateDecisions(proposal, decisions, rules);
  return problems.length > 0 ? err(problems) : ok(records);
}

/** Every decision read against the proposal and the rules: the records of those about candidates, and every problem. */
export function evaluateDecisions(proposal: Proposal, decisions: readonly CommitteeDecisionInput[], rules: Rules): { records: DecisionRecord[]; problems: DecisionProblem[] } {
  const entries = new Map([...proposal.award, ...proposal.nomination, ...proposal.notAwarded].map((e) => [e.applicantId, e]));
  const others = new Map(proposal.notCandidates.map((e) => [e.applicantId, e]));
  const problems: DecisionProblem[] = [];
  const records: DecisionRecord[] = [];
  const seen = new Set<string>();
  for (const d of decisions) {
    const entry = entries.get(d.applicantId);
    const other = others.get(d.applicantId);
    if (!entry && other) {
      problems.push({
        code: 'not-a-candidate',
        applicantId: d.applicantId,
        zh: `“${other.name}”处于“${STAGE_NAMES[other.stage].zh}”阶段，不是候选单位（${other.why.zh}），评委会不对其作出决定`,
        en: `"${other.name}" is ${STAGE_NAMES[other.stage].en.toLowerCase()}, not a candidate (${other.why.en}); the committee does not decide on it`,
      });
      continue;
    }
    if (!entry) {
      problems.push({ code: 'unknown-applicant', applicantId: d.applicantId, zh: `申报单位${d.applicantId}不在本届综合评审名单中`, en: `applicant ${d.applicantId} is not in this review` });
      continue;
    }
    if (seen.has(d.applicantId)) {
      problems.push({ code: 'duplicate', applicantId: d.applicantId, zh: `“${entry.name}”有两个决定`, en: `"${entry.name}" has two decisions` });
      continue;
    }
    seen.add(d.applicantId);
    const reason = d.reason?.trim();
    const departure = departs(entry, d.outcome);
    const vote = voteProblem(d, entry.name);
    if (vote) problems.push(vote);
    if (departure && !reason) {
      problems.push({
        code: 'reason-required',
        applicantId: d.applicantId,
        zh: `“${entry.name}”的决定（${LIST_NAMES[d.outcome].zh}）与建议（${LIST_NAMES[entry.list].zh}）不同，须注明理由`,
        en: `the decision for "${entry.name}" (${LIST_NAMES[d.outcome].en}) departs from the proposal (${LIST_NAMES[entry.list].en}); give the reason`,
      });
    }
    if (d.outcome !== 'notAwarded' && entry.exclusions?.length) {
      problems.push({
        code: 'excluded',
        applicantId: d.applicantId,
        zh: `“${entry.name}”存在已确认的第十四条第${entry.exclusions.join('、')}项否决情形，不得获奖`,
        en: `"${entry.name}" has confirmed Art. 14 exclusion(s) ${entry.exclusions.join(', ')} and cannot be awarded`,
      });
    }
    if (d.outcome === 'award' && entry.totalHundredths < rules.awardThresholdPoints * 100) {
      problems.push({
        code: 'below-threshold',
        applicantId: d.applicantId,
        zh: `“${entry.name}”得分低于${rules.awardThresholdPoints}分，依第十五条不得授予市长质量奖`,
        en: `"${entry.name}" scored below ${rules.awardThresholdPoints}; Art. 15 forbids the Award`,
      });
    }
    if (d.outcome === 'nomination' && entry.totalHundredths < rules.nominationMinimumPoints * 100) {
      problems.push({
        code: 'below-nomination-minimum',
        applicantId: d.applicantId,
        zh: `“${entry.name}”得分低于本届提名奖最低分${rules.nominationMinimumPoints}分`,
        en: `"${entry.name}" scored below this cycle's nomination minimum of ${rules.nominationMinimumPoints}`,
      });
    }
    const repeatWinner = entry.place?.kind === 'repeat';
    records.push({
      applicantId: entry.applicantId,
      name: entry.name,
      totalHundredths: entry.totalHundredths,
      proposed: entry.list,
      outcome: d.outcome,
      departs: departure,
      ...(reason ? { reason } : {}),
      vote: d.vote,
      repeatWinner: d.outcome === 'award' && repeatWinner,
      prizeMoneyYuan: d.outcome === 'award' ? (repeatWinner ? 0 : rules.prizeMoneyYuan.award) : d.outcome === 'nomination' ? rules.prizeMoneyYuan.nomination : 0,
    });
  }
  for (const entry of entries.values()) {
    if (!seen.has(entry.applicantId)) problems.push({ code: 'missing', applicantId: entry.applicantId, zh: `“${entry.name}”尚无决定`, en: `"${entry.name}" has no decision` });
  }
  // Repeat winners' Awards take no quota place (Art. 27).
  const count = (l: ProposalList): number => records.filter((r) => r.outcome === l && !r.repeatWinner).length;
  for (const [list, quota] of [['award', rules.awardQuota], ['nomination', rules.nominationQuota]] as const) {
    if (count(list) > quota) {
      problems.push({
        code: 'over-quota',
        zh: `${LIST_NAMES[list].zh}决定${count(list)}个，超过名额${quota}个（第四条）`,
        en: `${count(list)} ${LIST_NAMES[list].en}s decided, over the quota of ${quota} (Art. 4)`,
      });
    }
  }
  return { records, problems };
}
