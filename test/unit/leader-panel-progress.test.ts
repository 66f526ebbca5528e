import { beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedCountersignatureRecord, ReportArtefactRecord } from '../../renderer/src/db/leader-records.js';
import { panelProgress } from '../../renderer/src/workspaces/leader/panel-progress.js';
import type { LeaderPanelData } from '../../renderer/src/workspaces/leader/store/use-leader-data.js';
import { err, ok } from '../../shared/util/result.js';
import { buildPanelModel, type PanelModel } from '../../shared/workflow/consolidate.js';
import { makePanel, scoresheetPackage, type Panel } from './packages-fixture.js';

/**
 * The leader's board reads the panel model, the consensus check and the countersignature
 * check side by side: what each member's row says and what is left, in order.
 */
let panel: Panel;
let model: PanelModel;
let data: LeaderPanelData;
beforeAll(async () => {
  panel = await makePanel(5, 31);
  // Everyone but the last member has sent a sheet; the leader's own was exported.
  const sheets = await Promise.all(panel.members.slice(0, 4).map(async (m, i) => ({ memberKeyId: m.card.keyId, revision: 1, receivedAt: `2026-06-0${i + 1}T02:00:00.000Z`, content: (await scoresheetPackage(panel, m, { seed: 40 + i })).content })));
  const built = buildPanelModel(panel.assignment, sheets);
  if (!built.ok) throw new Error(built.error);
  model = built.value;
  data = { sheets, consensus: null, report: null, countersignatures: [], finalisation: null, edits: 0, ownSheetExported: true };
});

const ids = () => panel.members.map((m) => m.card.keyId);

describe('the leader’s progress board', () => {
  it('before the report: sheets with revision and time, divergent items per member, countersignatures not sent, and what is left', () => {
    const { members, left } = panelProgress(model, data, null);
    const [leader, a, , , missing] = ids();
    expect(members.map((m) => m.sheet?.revision ?? null)).toEqual([1, 1, 1, 1, null]);
    expect(members.find((m) => m.memberId === a)?.sheet?.receivedAt).toBe('2026-06-02T02:00:00.000Z');
    expect(members.map((m) => m.countersign.state)).toEqual(['leader', 'not-sent', 'not-sent', 'not-sent', 'not-sent']);
    // Each divergent item counts for the members at its extremes: at least two a row.
    const divergent = model.matrix.divergentItemIds.length;
    const counted = members.reduce((n, m) => n + (m.divergentItems ?? 0), 0);
    expect(divergent).toBeGreaterThan(0);
    expect(counted).toBeGreaterThanOrEqual(2 * divergent);
    expect(members.find((m) => m.memberId === missing)?.divergentItems).toBeNull();
    expect(members.find((m) => m.memberId === leader)?.isLeader).toBe(true);
    expect(left).toEqual([{ step: 'sheets', names: [panel.members[4]!.facts.name] }, { step: 'report' }, { step: 'send' }]);
    // Independence: nobody's divergent items before the leader's own sheet is exported.
    const hidden = panelProgress(model, { ...data, ownSheetExported: false }, null);
    expect(hidden.members.every((m) => m.divergentItems === null)).toBe(true);
    expect(hidden.left.map((s) => s.step)).toEqual(['sheets', 'ownSheet', 'report', 'send']);
  });

  it('after the report: agreed, a reservation with its text, absent with the reason, awaited; then sent', () => {
    const [, a, b, c, d] = ids();
    const report = { id: 'rfs-1', sha256: 'f'.repeat(64), consensusJson: '{}' } as unknown as ReportArtefactRecord;
    const cs = (signerKeyId: string, agrees: boolean, comment: string) => ({ signerKeyId, reportSha256: report.sha256, agrees, comment }) as unknown as ReceivedCountersignatureRecord;
    const withReport: LeaderPanelData = { ...data, report, countersignatures: [cs(a!, true, ''), cs(b!, false, '4.7.4 的共识分偏高')] };
    const statuses = [
      { memberId: a!, name: 'a', status: 'countersigned' as const },
      { memberId: b!, name: 'b', status: 'countersigned' as const },
      { memberId: c!, name: 'c', status: 'excused' as const, reason: '因病未能到场' },
      { memberId: d!, name: '陈明', status: 'missing' as const },
    ];
    const waiting = panelProgress(model, withReport, err(statuses));
    expect(waiting.members.slice(1).map((m) => m.countersign)).toEqual([{ state: 'agreed' }, { state: 'reservation', text: '4.7.4 的共识分偏高' }, { state: 'excused', text: '因病未能到场' }, { state: 'missing' }]);
    expect(waiting.left).toEqual([{ step: 'sheets', names: [panel.members[4]!.facts.name] }, { step: 'countersign', names: ['陈明'] }, { step: 'send' }]);

    const done = panelProgress(model, { ...withReport, finalisation: { reviewId: 'r', excused: {}, panelReturnPackageId: 'p', panelReturnRevision: 1, reportId: report.id, finalisedAt: '2026-06-05T08:00:00.000Z', updatedAt: '', updatedBy: '' } }, ok(statuses.slice(0, 3)));
    expect(done.left.map((s) => s.step)).toEqual(['sheets']);
  });
});
