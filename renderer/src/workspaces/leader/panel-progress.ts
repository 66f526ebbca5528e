import type { ConsensusRecord } from '../../../../shared/consensus/consensus-record.js';
import { recommend, type IncompleteConsensus } from '../../../../shared/consensus/recommendation.js';
import type { CountersignatureStatus } from '../../../../shared/report/report-checks.js';
import { canonicalJson } from '../../../../shared/util/canonical-json.js';
import type { Result } from '../../../../shared/util/result.js';
import type { PanelModel } from '../../../../shared/workflow/consolidate.js';
import type { LeaderPanelData } from './store/use-leader-data.js';

/** A member's countersignature as the board shows it: before the report is sent, or the check's status of the current report. */
export type CountersignState = 'leader' | 'not-sent' | 'agreed' | 'reservation' | 'excused' | 'missing' | 'invalid' | 'reservation-not-printed';

export interface MemberProgress {
  memberId: string;
  name: string;
  isLeader: boolean;
  sheet: { revision: number; receivedAt: string } | null;
  /** Divergent items where this member's score is the panel's highest or lowest; null while scores are hidden (independence). */
  divergentItems: number | null;
  countersign: { state: CountersignState; text?: string };
}

/** One thing left before the panel return can be sent, in the order they are done. */
export type StepLeft =
  | { step: 'sheets'; names: string[] }
  | { step: 'ownSheet' }
  | { step: 'consensus'; gap: IncompleteConsensus }
  | { step: 'report' }
  | { step: 'reportStale' }
  | { step: 'countersign'; names: string[] }
  | { step: 'send' };

/** Whether the report was produced from another consensus than the one now held (it must be produced again). */
export const reportIsStale = (report: { consensusJson: string } | null, consensus: ConsensusRecord): boolean => report !== null && report.consensusJson !== canonicalJson(consensus);

/**
 * The leader's board from what the leader's screens already derive: the panel model
 * (consolidate: who sent which revision, the divergent items), the recommendation's check of
 * the consensus, and the countersignature check of the current report (checkFinalisation).
 * No rule of its own: it only reads those answers side by side.
 */
export function panelProgress(
  model: PanelModel,
  data: LeaderPanelData,
  statuses: Result<CountersignatureStatus[], CountersignatureStatus[]> | null,
): { members: MemberProgress[]; left: StepLeft[] } {
  const { matrix } = model;
  const divergent = matrix.rows.filter((r) => r.divergent);
  const extremesOf = (memberId: string) =>
    divergent.filter((row) => {
      const scored = row.cells.flatMap((c) => (c.percent === undefined ? [] : [c.percent]));
      const mine = row.cells.find((c) => c.memberId === memberId)?.percent;
      return mine !== undefined && (mine === Math.max(...scored) || mine === Math.min(...scored));
    }).length;
  const report = data.report;
  const checked = statuses ? (statuses.ok ? statuses.value : statuses.error) : [];
  const statusOf = new Map(checked.map((s) => [s.memberId, s]));
  const received = new Map((report ? data.countersignatures.filter((c) => c.reportSha256 === report.sha256) : []).map((c) => [c.signerKeyId, c]));
  const countersignOf = (memberId: string, isLeader: boolean): MemberProgress['countersign'] => {
    if (isLeader) return { state: 'leader' };
    if (!report) return { state: 'not-sent' };
    const s = statusOf.get(memberId);
    if (!s) return { state: 'missing' };
    if (s.status === 'countersigned') {
      const c = received.get(memberId);
      return c && !c.agrees ? { state: 'reservation', text: c.comment } : { state: 'agreed' };
    }
    if (s.status === 'excused') return { state: 'excused', ...(s.reason ? { text: s.reason } : {}) };
    if (s.status === 'reservation-not-printed') return { state: s.status, ...(s.reason ? { text: s.reason } : {}) };
    return { state: s.status };
  };
  const members = model.roster.map((m): MemberProgress => {
    const isLeader = m.memberId === model.leader.memberId;
    return {
      memberId: m.memberId,
      name: m.name,
      isLeader,
      sheet: model.received.get(m.memberId) ?? null,
      divergentItems: data.ownSheetExported && model.received.has(m.memberId) ? extremesOf(m.memberId) : null,
      countersign: countersignOf(m.memberId, isLeader),
    };
  });

  const left: StepLeft[] = [];
  const others = matrix.missingMembers.filter((m) => m.memberId !== model.leader.memberId);
  if (others.length > 0) left.push({ step: 'sheets', names: others.map((m) => m.name) });
  if (!data.ownSheetExported) left.push({ step: 'ownSheet' });
  const consensus = data.consensus?.record ?? null;
  const facts = consensus ? recommend(model.criteriaSet, consensus, model.rules) : null;
  if (facts && !facts.ok) left.push({ step: 'consensus', gap: facts.error });
  if (!report) left.push({ step: 'report' });
  else if (consensus && reportIsStale(report, consensus)) left.push({ step: 'reportStale' });
  else if (statuses && !statuses.ok) left.push({ step: 'countersign', names: statuses.error.filter((s) => s.status !== 'countersigned' && s.status !== 'excused').map((s) => s.name) });
  const sent = data.finalisation?.finalisedAt && report && data.finalisation.reportId === report.id;
  if (!sent) left.push({ step: 'send' });
  return { members, left };
}
