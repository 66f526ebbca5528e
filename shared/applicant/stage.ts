import { NOTICE_STATE_NAMES, type NoticeStanding } from '../public-notice/notice-state.js';
import { confirmedExclusionNumbers, type EligibilityChecklist, type ExclusionChecklist } from './checklists.js';
import { priorAwardBars, unmetConditions, type EligibilityContext } from './eligibility-check.js';
import type { MaterialReviewResult } from './material-review.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * An applicant's stage in a cycle, following Art. 17: applied (自愿申报/申报推荐) → eligible
 * (资格审核) → material review (材料评审) → on-site (现场评审) → candidate (综合评审) → public
 * notice (公示) → decided (确定); or out of it as withdrawn or ineligible.
 */
export const STAGES = ['applied', 'eligible', 'material-review', 'on-site', 'candidate', 'public-notice', 'decided', 'withdrawn', 'ineligible'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, { zh: string; en: string }> = {
  applied: { zh: '已申报', en: 'Applied' },
  eligible: { zh: '资格审核通过', en: 'Eligible' },
  'material-review': { zh: '材料评审', en: 'Material review' },
  'on-site': { zh: '现场评审', en: 'On-site review' },
  candidate: { zh: '候选单位', en: 'Candidate' },
  'public-notice': { zh: '公示中', en: 'Public notice' },
  decided: { zh: '已确定', en: 'Decided' },
  withdrawn: { zh: '已撤销/退出', en: 'Withdrawn' },
  ineligible: { zh: '不符合条件', en: 'Ineligible' },
};

const ACTIVE: readonly Stage[] = ['applied', 'eligible', 'material-review', 'on-site', 'candidate', 'public-notice'];

/**
 * The moves allowed from each stage. "decided" from on-site and candidate covers applicants the
 * comprehensive review does not put forward; "ineligible" at any active stage covers an unmet
 * condition or an exclusion found late (a confirmed exclusion ends the review whatever the
 * score, docs/domain.md §5); "withdrawn" covers an applicant's withdrawal and a proven complaint.
 */
export const TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  applied: ['eligible', 'ineligible', 'withdrawn'],
  eligible: ['material-review', 'ineligible', 'withdrawn'],
  'material-review': ['on-site', 'decided', 'ineligible', 'withdrawn'],
  'on-site': ['candidate', 'decided', 'ineligible', 'withdrawn'],
  candidate: ['public-notice', 'decided', 'ineligible', 'withdrawn'],
  'public-notice': ['decided', 'ineligible', 'withdrawn'],
  decided: [],
  withdrawn: [],
  ineligible: [],
};

/** What a transition's guards look at. */
export interface ApplicantState {
  stage: Stage;
  eligibility: EligibilityChecklist;
  exclusions: ExclusionChecklist;
  materialReview?: MaterialReviewResult;
  /** Set once the panel return with the on-site consensus has been imported. */
  onSiteTotalHundredths?: number;
  /** Art. 13's computed conditions and the Art. 24/27 bars are read in this context. */
  eligibilityContext: EligibilityContext;
  /** The committee's decision on it, once recorded (Art. 17(7)). */
  decision?: 'award' | 'nomination' | 'notAwarded' | undefined;
  /** Where its public notice stands (Art. 17(8)), for the move to decided. */
  notice?: NoticeStanding | undefined;
}

export interface TransitionRefusal {
  code:
    | 'not-allowed'
    | 'condition-unmet'
    | 'prior-award'
    | 'exclusion-confirmed'
    | 'no-reason'
    | 'no-material-review'
    | 'no-on-site-result'
    | 'nothing-disqualifying'
    | 'no-decision'
    | 'put-forward'
    | 'notice';
  zh: string;
  en: string;
}

function refusal(code: TransitionRefusal['code'], zh: string, en: string): TransitionRefusal {
  return { code, zh, en };
}

/**
 * Whether an applicant may move to `to`, with every reason it may not. `reason` is the
 * secretariat's note, required for withdrawals. Nothing is changed here; the caller applies
 * the move only on ok.
 */
export function checkTransition(state: ApplicantState, to: Stage, reason?: string): Result<Stage, TransitionRefusal[]> {
  const from = state.stage;
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    return err([
      refusal(
        'not-allowed',
        `不能从“${STAGE_NAMES[from].zh}”转到“${STAGE_NAMES[to].zh}”${allowed.length ? `；可转到：${allowed.map((s) => STAGE_NAMES[s].zh).join('、')}` : '；该阶段已结束'}`,
        `cannot move from ${STAGE_NAMES[from].en} to ${STAGE_NAMES[to].en}${allowed.length ? `; allowed: ${allowed.map((s) => STAGE_NAMES[s].en).join(', ')}` : '; this stage is final'}`,
      ),
    ]);
  }
  const refusals: TransitionRefusal[] = [];
  const confirmed = confirmedExclusionNumbers(state.exclusions);
  const unmet = unmetConditions(state.eligibility, state.eligibilityContext);
  const bars = priorAwardBars(state.eligibilityContext);
  const staysIn = to !== 'ineligible' && to !== 'withdrawn' && to !== 'decided';
  if (staysIn && confirmed.length > 0) {
    refusals.push(
      refusal('exclusion-confirmed', `已确认第十四条第${confirmed.join('、')}项否决情形`, `Art. 14 exclusion${confirmed.length > 1 ? 's' : ''} ${confirmed.join(', ')} confirmed`),
    );
  }
  if (to === 'eligible') {
    for (const { condition, status, computed } of unmet) {
      const counted = computed?.years !== undefined ? `（${computed.years}年，须满${computed.required}年）` : computed?.missing === 'date' ? '（须登记起始日期）' : computed?.missing === 'call-date' ? '（须设定本届申报通知日期）' : '';
      const countedEn = computed?.years !== undefined ? ` (${computed.years} years, ${computed.required} required)` : computed?.missing === 'date' ? ' (its start date is needed)' : computed?.missing === 'call-date' ? " (the cycle's call date is needed)" : '';
      refusals.push(
        refusal(
          'condition-unmet',
          `第十三条（${condition.paragraph}）“${condition.zh}”${status === 'unmet' ? '不符合' : '尚未核查'}${counted}`,
          `Art. 13(${condition.paragraph}) "${condition.en}" ${status === 'unmet' ? 'is not met' : 'has not been checked'}${countedEn}`,
        ),
      );
    }
    for (const bar of bars) refusals.push(refusal('prior-award', bar.zh, bar.en));
  }
  if (to === 'public-notice' && state.decision !== 'award' && state.decision !== 'nomination') {
    refusals.push(refusal('no-decision', '评委会尚未决定将其列入候选单位名单（市长质量奖或提名奖）', 'the committee has not put it forward (Award or Nomination)'));
  }
  if (to === 'decided' && from !== 'public-notice' && (state.decision === 'award' || state.decision === 'nomination')) {
    refusals.push(refusal('put-forward', '评委会已决定将其列入候选单位名单，须经公示后方可确定（第十七条第八、九项）', 'the committee put it forward: it is decided only after public notice (Art. 17(8), (9))'));
  }
  if (to === 'decided' && from === 'public-notice') {
    const n = state.notice;
    if (!n || n.state !== 'ended-without-objection') {
      const s = n?.state ?? 'not-started';
      const why =
        s === 'running' && n?.period
          ? { zh: `公示期至${n.period.end}止，尚未期满`, en: `the notice runs through ${n.period.end}` }
          : s === 'complaint-under-review'
            ? { zh: `有举报尚在核查（${n!.open.join('、')}）`, en: `a complaint is under review (${n!.open.join(', ')})` }
            : s === 'ended-with-proven-complaint'
              ? { zh: '举报经查实，应取消候选资格（转为已撤销）', en: 'a complaint was proven: the candidacy is withdrawn instead' }
              : { zh: '公示尚未开始', en: 'the notice has not started' };
      refusals.push(
        refusal('notice', `不能确定：${NOTICE_STATE_NAMES[s].zh}，${why.zh}（第十七条第八、九项）`, `cannot decide: ${NOTICE_STATE_NAMES[s].en.toLowerCase()}, ${why.en} (Art. 17(8), (9))`),
      );
    }
  }
  if (to === 'on-site' && !state.materialReview) {
    refusals.push(refusal('no-material-review', '尚无材料评审结果', 'no material-review result yet'));
  }
  if (to === 'candidate' && state.onSiteTotalHundredths === undefined) {
    refusals.push(refusal('no-on-site-result', '尚未收到评审组的现场评审结果', "the panel's on-site result has not been received"));
  }
  if (to === 'ineligible' && confirmed.length === 0 && bars.length === 0 && !unmet.some((u) => u.status === 'unmet')) {
    refusals.push(
      refusal('nothing-disqualifying', '没有不符合的申报条件、已确认的否决项或不得申报的获奖记录', 'no condition is recorded unmet, no exclusion is confirmed and no earlier award bars it'),
    );
  }
  if (to === 'withdrawn' && !reason?.trim()) {
    refusals.push(refusal('no-reason', '撤销须注明原因', 'a withdrawal needs a reason'));
  }
  return refusals.length > 0 ? err(refusals) : ok(to);
}

/**
 * The stages at which an applicant with an on-site result is a candidate of the comprehensive
 * review (Art. 17(7)): reviewed on site, put forward, under notice, decided. Withdrawn and
 * ineligible applicants, and those not yet reviewed on site, are no candidates.
 */
const CANDIDATE_STAGES: readonly Stage[] = ['on-site', 'candidate', 'public-notice', 'decided'];

export function isCandidateStage(stage: Stage): boolean {
  return CANDIDATE_STAGES.includes(stage);
}

export function isActiveStage(stage: Stage): boolean {
  return ACTIVE.includes(stage);
}
