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
export interface CommitteeDecisionInput {
  applicantId: string;
  outcome: ProposalList;
  reason?: string;
}

export interface DecisionRecord {
  applicantId: string;
  name: string;
  totalHundredths: number;
  proposed: ProposalList;
  outcome: ProposalList;
  departs: boolean;
  reason?: string;
}

export interface DecisionProblem {
  code: 'unknown-applicant' | 'duplicate' | 'missing' | 'reason-required' | 'below-threshold' | 'below-nomination-minimum' | 'excluded' | 'over-quota';
  applicantId?: string;
  zh: string;
  en: string;
}

type Rules = Pick<CycleRules, 'awardQuota' | 'nominationQuota' | 'awardThresholdPoints' | 'nominationMinimumPoints'>;

function departs(entry: ProposalEntry, outcome: ProposalList): boolean {
  return entry.tie ? !entry.tie.possible.includes(outcome) : entry.list !== outcome;
}

export function recordDecisions(proposal: Proposal, decisions: readonly CommitteeDecisionInput[], rules: Rules): Result<DecisionRecord[], DecisionProblem[]> {
  const entries = new Map([...proposal.award, ...proposal.nomination, ...proposal.notAwarded].map((e) => [e.applicantId, e]));
  const problems: DecisionProblem[] = [];
  const records: DecisionRecord[] = [];
  const seen = new Set<string>();
  for (const d of decisions) {
    const entry = entries.get(d.applicantId);
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
    if (d.outcome === 'nomination' && rules.nominationMinimumPoints !== undefined && entry.totalHundredths < rules.nominationMinimumPoints * 100) {
      problems.push({
        code: 'below-nomination-minimum',
        applicantId: d.applicantId,
        zh: `“${entry.name}”得分低于本届提名奖最低分${rules.nominationMinimumPoints}分`,
        en: `"${entry.name}" scored below this cycle's nomination minimum of ${rules.nominationMinimumPoints}`,
      });
    }
    records.push({
      applicantId: entry.applicantId,
      name: entry.name,
      totalHundredths: entry.totalHundredths,
      proposed: entry.list,
      outcome: d.outcome,
      departs: departure,
      ...(reason ? { reason } : {}),
    });
  }
  for (const entry of entries.values()) {
    if (!seen.has(entry.applicantId)) problems.push({ code: 'missing', applicantId: entry.applicantId, zh: `“${entry.name}”尚无决定`, en: `"${entry.name}" has no decision` });
  }
  const count = (l: ProposalList): number => records.filter((r) => r.outcome === l).length;
  for (const [list, quota] of [['award', rules.awardQuota], ['nomination', rules.nominationQuota]] as const) {
    if (count(list) > quota) {
      problems.push({
        code: 'over-quota',
        zh: `${LIST_NAMES[list].zh}决定${count(list)}个，超过名额${quota}个（第四条）`,
        en: `${count(list)} ${LIST_NAMES[list].en}s decided, over the quota of ${quota} (Art. 4)`,
      });
    }
  }
  return problems.length > 0 ? err(problems) : ok(records);
}
