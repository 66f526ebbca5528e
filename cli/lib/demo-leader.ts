import { exclusionTarget, type ConsensusEdit } from '../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import { chooseNote } from '../../shared/consensus/panel-notes.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { buildPanelModel, suggestedPercent, type PanelModel } from '../../shared/workflow/consolidate.js';
import { memoryConsensusLedger } from '../../shared/workflow/memory/consensus-ledger.js';
import type { Clock } from '../../shared/workflow/ports/clock.js';
import { settleConsensus, startConsensus, verifyConsensusTrail } from '../../shared/workflow/settle-consensus.js';
import { KEY_OFIS, KEY_STRENGTHS, OVERALL_EVALUATION } from './report-demo-text.js';

/**
 * A leader's decisions for `zqa demo` and the tests, taken through the app's own steps: the
 * panel consolidated (shared/workflow/consolidate.ts), then one consensus edit at a time
 * (shared/workflow/settle-consensus.ts), each in the hash-chained log. What the leader decides
 * is scripted: the given percentages, or the members' median on the 5% grid; a rationale where
 * they diverged; up to two strengths and two opportunities chosen from the members' notes
 * with their provenance; the exclusions given, or those a member flagged.
 */
export interface LeaderDecisions {
  /** The consensus percentage per item; absent: the members' median on the grid. */
  percent?: Readonly<Record<string, number>>;
  /** The Art. 14 numbers the panel confirms; absent: those any member flagged. */
  exclusions?: readonly number[];
}

export interface SettledPanel {
  model: PanelModel;
  consensus: ConsensusRecord;
  /** How many edits the leader's log holds. */
  edits: number;
}

export async function settleDemoConsensus(
  assignment: AssignmentContent,
  sheets: readonly ScoresheetContent[],
  decisions: LeaderDecisions,
  ports: { clock: Clock; actor: string },
): Promise<SettledPanel> {
  const received = sheets.map((content) => ({ memberKeyId: content.expertKeyId, revision: 1, receivedAt: ports.clock.now().toISOString(), content }));
  const model = buildPanelModel(assignment, received);
  if (!model.ok) throw new Error(model.error);
  const { matrix, sheets: scores, criteriaSet } = model.value;
  const ledger = memoryConsensusLedger();
  const reviewId = assignment.panel.id;
  await startConsensus(ledger, reviewId, criteriaSet, ports);
  const apply = async (edit: ConsensusEdit): Promise<void> => {
    const r = await settleConsensus(ledger, reviewId, edit, ports);
    if (!r.ok) throw new Error(r.error.en);
  };
  for (const row of matrix.rows) {
    await apply({ kind: 'consensus-percent', itemId: row.itemId, to: decisions.percent?.[row.itemId] ?? suggestedPercent(row.medianTenths) ?? 50 });
    if (row.divergent) await apply({ kind: 'consensus-rationale', itemId: row.itemId, to: `评分极差 ${row.spread} 个百分点；经讨论，评审组${decisions.percent ? '对照评分指南形成' : '取中位数附近的'}共识评分。` });
    const withNotes = scores.filter((s) => (s.items[row.itemId]?.strengths.length ?? 0) > 0);
    const strengths = withNotes.slice(0, 2).map((s, k) => chooseNote(`${row.itemId}-ps${k + 1}`, s.memberId, s.items[row.itemId]!.strengths[0]!));
    if (strengths.length > 0) await apply({ kind: 'consensus-strengths', itemId: row.itemId, to: strengths });
    const withOfis = scores.filter((s) => (s.items[row.itemId]?.ofis.length ?? 0) > 0);
    const ofis = withOfis.slice(0, 2).map((s, k) => chooseNote(`${row.itemId}-po${k + 1}`, s.memberId, s.items[row.itemId]!.ofis[0]!));
    if (ofis.length > 0) await apply({ kind: 'consensus-ofis', itemId: row.itemId, to: ofis });
  }
  for (let n = 1; n <= 7; n++) {
    const flagged = decisions.exclusions ? decisions.exclusions.includes(n) : scores.some((s) => s.exclusions.some((e) => e.number === n && e.status === 'flagged'));
    await apply({ kind: 'consensus-exclusion', itemId: exclusionTarget(n), to: { status: flagged ? 'flagged' : 'clear', note: flagged ? '评审组成员现场核查确认' : '' } });
  }
  await apply({ kind: 'consensus-overall', itemId: 'overall', to: OVERALL_EVALUATION.join('\n') });
  await apply({ kind: 'consensus-key-strengths', itemId: 'overall', to: KEY_STRENGTHS });
  await apply({ kind: 'consensus-key-ofis', itemId: 'overall', to: KEY_OFIS });
  const trail = await ledger.trail(reviewId);
  const checked = await verifyConsensusTrail(trail, criteriaSet);
  if (!checked.ok || !trail) throw new Error(`the leader's consensus log does not check: ${checked.ok ? 'empty' : checked.error}`);
  return { model: model.value, consensus: trail.record, edits: checked.value.edits };
}
