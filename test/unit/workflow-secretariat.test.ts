import { beforeAll, describe, expect, it } from 'vitest';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import type { ApplicantResult } from '../../shared/ranking/applicant-result.js';
import type { ExclusionNumber } from '../../shared/regulation/exclusions.js';
import { assemblePanelReturn } from '../../shared/workflow/assemble-panel-return.js';
import { proposeRanking } from '../../shared/workflow/propose-ranking.js';
import { receivePanelReturn, type ReceivePanelReturnPorts } from '../../shared/workflow/receive-panel-return.js';
import { countersignatures, panelWithSheets, settledConsensus, signedReport, type SteppedPanel } from './workflow-fixture.js';

let p: SteppedPanel;
let returned: Uint8Array;
beforeAll(async () => {
  p = await panelWithSheets(5, 41);
  const consensus = await settledConsensus(p, Object.fromEntries(p.assignment.materialReview.scores.map((s) => [s.itemId, 60])));
  const report = await signedReport(p, consensus);
  const signed = await countersignatures(p, report, [1, 2, 3, 4]);
  const held = p.sheets.map((s, i) => ({ memberKeyId: p.members[i]!.card.keyId, memberName: p.members[i]!.facts.name, packageBytes: s.bytes }));
  const r = await assemblePanelReturn({ assignment: p.assignment, consensus, report, scoresheets: held, countersignatures: signed, excused: {}, previous: null }, { keys: p.members[0]!.keys, clock: p.clock });
  if (!r.ok) throw new Error(r.error.en);
  returned = r.value.written.bytes;
}, 30_000);

const ports = (over: Partial<ReceivePanelReturnPorts> = {}): ReceivePanelReturnPorts => ({
  keys: p.secretariat.keys,
  self: p.secretariat.card,
  assignmentFor: (panelId) => Promise.resolve(panelId === p.assignment.panel.id ? p.assignment : undefined),
  history: NO_HISTORY,
  heldScoresheet: () => Promise.resolve(null),
  ...over,
});

describe('receive and check a panel return (shared/workflow/receive-panel-return.ts)', () => {
  it('reads the applicant’s result and every member’s item scores from a return it can check in full', async () => {
    const checked = await receivePanelReturn(returned, ports());
    if (!checked.ok) throw new Error(checked.error.en);
    expect(checked.value.result).toMatchObject({ applicantId: p.assignment.applicant.id, totalHundredths: 60000, exclusions: [] });
    expect(checked.value.itemScores.members.map((m) => m.leader)).toEqual([true, false, false, false, false]);
    expect(checked.value.itemScores.consensusPercentByItem['4.1.2']).toBe(60);
    expect(checked.value.scoresheets).toHaveLength(5);
  });

  it('refuses a return for a panel this secretariat issued nothing for, or one another secretariat would have to open', async () => {
    expect(await receivePanelReturn(returned, ports({ assignmentFor: () => Promise.resolve(undefined) }))).toMatchObject({ ok: false, error: { code: 'mismatch', en: expect.stringMatching(/no assignment was issued/) as unknown } });
    const other = await panelWithSheets(5, 42);
    expect(await receivePanelReturn(returned, ports({ keys: other.secretariat.keys }))).toMatchObject({ ok: false, error: { code: 'package', package: { code: 'not-a-recipient' } } });
    expect(await receivePanelReturn(returned, ports({ self: other.secretariat.card }))).toMatchObject({ ok: false, error: { code: 'mismatch', en: expect.stringMatching(/not issued under this secretariat's key/) as unknown } });
  });
});

describe('propose the ranking (shared/workflow/propose-ranking.ts)', () => {
  const result = (id: string, total: number, exclusions: ExclusionNumber[] = []): ApplicantResult => ({ applicantId: id, name: id, industry: '制造', totalHundredths: total, categorySubtotals: {}, exclusions, recommendation: '', divergenceNotes: [], dissents: [], absences: [] });

  it('joins the secretariat’s own findings to the panels’ results and splits under the cycle’s rules', () => {
    const rules = { ...rulesFromPreset('draft-2021', 0), awardQuota: 1, nominationQuota: 1 };
    const findings = new Map([['b', { exclusions: { 5: { status: 'confirmed' as const, evidence: '年报' } } }]]);
    const { results, proposal } = proposeRanking(rules, [result('a', 52000), result('b', 61000), result('c', 48000)], findings);
    expect(results.find((r) => r.applicantId === 'b')?.exclusions).toEqual([5]);
    expect(proposal.award.map((e) => e.applicantId)).toEqual(['a']);
    expect(proposal.nomination.map((e) => e.applicantId)).toEqual(['c']);
    expect(proposal.notAwarded.map((e) => [e.applicantId, e.reason])).toEqual([['b', 'excluded']]);
  });
});
