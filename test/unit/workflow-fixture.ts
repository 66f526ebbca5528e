/**
 * A panel taken through the workflow's steps with in-memory ports only, for the steps' own
 * unit tests: the report renderer is a stand-in one-page PDF (rendering is the report
 * module's concern, tested on its own), everything else is the real step.
 */
import { countersignInMemory } from '../../cli/lib/demo-countersign.js';
import { settleDemoConsensus } from '../../cli/lib/demo-leader.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { receiveReportForSigning, type ReportToSign } from '../../shared/workflow/countersign-report.js';
import { steppingClock, type Clock } from '../../shared/workflow/ports/clock.js';
import type { RenderReport } from '../../shared/workflow/ports/report-renderer.js';
import { produceReport, type SignedReport } from '../../shared/workflow/produce-report.js';
import type { ReceivedCountersignature } from '../../shared/workflow/receive-countersignature.js';
import { makePanel, scoresheetPackage, type Panel, type WrittenScoresheet } from './packages-fixture.js';
import { tinyPdf } from './pki-test-keys.js';

export const standInRender: RenderReport = () => Promise.resolve(tinyPdf());

export interface SteppedPanel extends Panel {
  clock: Clock;
  sheets: WrittenScoresheet[];
}

/** A panel of `size` whose every member has exported a scoresheet. */
export async function panelWithSheets(size = 5, seed = 21): Promise<SteppedPanel> {
  const panel = await makePanel(size, seed);
  const sheets: WrittenScoresheet[] = [];
  for (const [i, m] of panel.members.entries()) sheets.push(await scoresheetPackage(panel, m, { seed: seed + i }));
  // After the assignment was issued: the leader's certificate is valid from then on.
  return { ...panel, sheets, clock: steppingClock(new Date(Date.UTC(2026, 5, 5, 2))) };
}

export async function settledConsensus(p: SteppedPanel, percent?: Record<string, number>): Promise<ConsensusRecord> {
  const { consensus } = await settleDemoConsensus(p.assignment, p.sheets.map((s) => s.content), percent ? { percent, exclusions: [] } : {}, { clock: p.clock, actor: p.members[0]!.card.keyId });
  return consensus;
}

export async function signedReport(p: SteppedPanel, consensus: ConsensusRecord, previous: SignedReport | null = null): Promise<SignedReport> {
  const produced = await produceReport(
    { assignment: p.assignment, scoresheets: p.sheets.map((s) => s.content), consensus, reportDate: '2026-06-05', leaderKeyId: p.members[0]!.card.keyId, previous },
    { keys: p.members[0]!.keys, clock: p.clock, render: standInRender },
  );
  if (!produced.ok) throw new Error(produced.error.en);
  return produced.value;
}

/** `memberIndex`'s device receives the report for signing, as the member's app would. */
export async function reportOnMemberDevice(p: SteppedPanel, report: SignedReport, memberIndex: number): Promise<ReportToSign> {
  const m = p.members[memberIndex]!;
  const held = { forPanel: () => Promise.resolve({ reviewId: 'r1', content: p.assignment }) };
  const got = await receiveReportForSigning(report.rfsPackage, { keys: m.keys, trust: p.memberTrust, history: NO_HISTORY, assignments: held, held: heldRecordsFrom({ assignments: [p.assignment] }), myKeyId: m.card.keyId });
  if (!got.ok) throw new Error(got.error.message);
  return got.value.report;
}

/** The members at `indexes` countersign; the leader takes each in. */
export async function countersignatures(p: SteppedPanel, report: SignedReport, indexes: readonly number[]): Promise<ReceivedCountersignature[]> {
  const signers = indexes.map((i) => p.members[i]!);
  return (await countersignInMemory(report, p.assignment, signers, p.members[0]!, { trust: p.memberTrust, clock: p.clock })).received;
}
