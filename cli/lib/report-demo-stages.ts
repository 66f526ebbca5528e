import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { applyConsensusEdit, exclusionTarget, type ConsensusEdit } from '../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import { consolidate } from '../../shared/consensus/consolidate.js';
import { memberScoresFromScoresheet, panelMemberFromRoster } from '../../shared/consensus/from-packages.js';
import type { MemberScores } from '../../shared/consensus/member-scores.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { chooseNote } from '../../shared/consensus/panel-notes.js';
import { validateCriteriaSet } from '../../shared/criteria/validate-criteria-set.js';
import { memberCertificate } from '../../shared/packages/content/assignment-certificates.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { certificateToPem } from '../../shared/pki/pem.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { assemblePanelReturn } from '../../shared/workflow/assemble-panel-return.js';
import { countersignReport, receiveReportForSigning } from '../../shared/workflow/countersign-report.js';
import { produceReport } from '../../shared/workflow/produce-report.js';
import { receiveCountersignature, type ReceivedCountersignature } from '../../shared/workflow/receive-countersignature.js';
import { writeFileAtomic } from './atomic-write.js';
import type { DemoContext, DemoStage, GivenConsensus } from './demo-panel.js';
import { KEY_OFIS, KEY_STRENGTHS, OVERALL_EVALUATION } from './report-demo-text.js';

/**
 * The leader's part of `zqa demo` (issue 4), run through the real code after every
 * scoresheet has reached the leader: consolidation and consensus, the report PDF signed
 * under a secretariat-issued certificate, the report for signing, every member's
 * countersignature, and the panel return with all of it.
 */
export const REPORT_STAGES: DemoStage[] = [leaderReportStage];

async function leaderReportStage(ctx: DemoContext): Promise<void> {
  const [leader, ...others] = ctx.members;
  if (!leader) throw new Error('the demo panel has no leader');
  const set = validateCriteriaSet(ctx.assignment.criteriaSet);
  if (!set.ok) throw new Error('the demo assignment has no valid criteria set');

  // The leader signs under the certificate the secretariat issued at enrolment, which came
  // with the assignment together with the secretariat's root.
  const root = fromBase64(ctx.assignment.certificates.root);
  const leaderCert = memberCertificate(ctx.assignment.certificates, leader.card.keyId);
  if (!leaderCert) throw new Error('the assignment carries no certificate for the leader');
  await mkdir(join(ctx.outDir, 'certs'), { recursive: true });
  await mkdir(join(ctx.outDir, ctx.panelDir, 'certs'), { recursive: true });
  await writeFileAtomic(join(ctx.outDir, 'certs', 'secretariat-root.pem'), new TextEncoder().encode(certificateToPem(root)));
  await writeFileAtomic(join(ctx.outDir, ctx.panelDir, 'certs', 'leader.pem'), new TextEncoder().encode(certificateToPem(leaderCert)));

  // The leader consolidates the verified scoresheets and settles the consensus.
  const sheets = [...ctx.scoresheets.values()];
  const roster = ctx.assignment.panel.members.map(panelMemberFromRoster);
  const scores = sheets.map(memberScoresFromScoresheet);
  const matrix = consolidate({ criteriaSet: set.value, roster, scoresheets: scores, divergenceLimit: ctx.assignment.panel.divergenceLimit });
  const consensus = settle(newConsensusRecord(set.value), matrix, scores, ctx.given);
  const reportDate = ctx.clock().toISOString().slice(0, 10);
  const clock = { now: ctx.clock };

  const produced = await produceReport(
    { assignment: ctx.assignment, scoresheets: sheets, consensus, reportDate, leaderKeyId: leader.card.keyId, previous: null },
    { keys: leader.keys, clock, render: (input) => renderReportPdf(input, ctx.fonts) },
  );
  if (!produced.ok) throw new Error(produced.error.en);
  const report = produced.value;
  await writeFileAtomic(join(ctx.outDir, ctx.panelDir, 'report.pdf'), report.pdf);
  await ctx.publish(`${ctx.panelDir}packages/report-for-signing.zqa`, report.rfsPackage, 'report-for-signing', leader, ctx.members);

  // Each member's device checks the leader's signature and the hash, then countersigns.
  const countersignatureFiles: string[] = [];
  for (const [i, m] of others.entries()) {
    const held = { forPanel: () => Promise.resolve({ reviewId: ctx.assignment.panel.id, content: ctx.assignment }) };
    const got = await receiveReportForSigning(await ctx.read(`${ctx.panelDir}packages/report-for-signing.zqa`), { keys: m.keys, trust: ctx.trust.get(m.card.keyId)!, history: NO_HISTORY, assignments: held, myKeyId: m.card.keyId });
    if (!got.ok) throw new Error(`${m.facts.name} cannot import the report for signing: ${got.error.message}`);
    const signed = await countersignReport({ report: got.value.report, assignment: ctx.assignment, agrees: true, comment: '', lastRevision: 0 }, { keys: m.keys, clock, myKeyId: m.card.keyId });
    if (!signed.ok) throw new Error(`${m.facts.name} cannot countersign: ${signed.error.en}`);
    const file = `${ctx.panelDir}packages/countersignature-${String(i + 2).padStart(2, '0')}-expert.zqa`;
    await ctx.publish(file, signed.value.written.bytes, 'countersignature', m, [leader, ctx.secretariat, m]);
    countersignatureFiles.push(file);
  }

  // The leader takes in every countersignature, then returns everything.
  const countersignatures: ReceivedCountersignature[] = [];
  for (const file of countersignatureFiles) {
    const got = await receiveCountersignature(await ctx.read(file), { assignment: ctx.assignment, report }, { keys: leader.keys, trust: ctx.trust.get(leader.card.keyId)!, history: NO_HISTORY });
    if (!got.ok) throw new Error(`${leader.facts.name} refuses ${file}: ${got.error.message}`);
    countersignatures.push(got.value);
  }
  const scoresheets = [];
  for (const m of ctx.members) scoresheets.push({ memberKeyId: m.card.keyId, memberName: m.facts.name, packageBytes: await ctx.read(ctx.scoresheetFiles.get(m.card.keyId)!) });
  const returned = await assemblePanelReturn({ assignment: ctx.assignment, consensus, report, scoresheets, countersignatures, excused: {}, previous: null }, { keys: leader.keys, clock });
  if (!returned.ok) throw new Error(`the leader cannot finalise: ${returned.error.en}`);
  await ctx.publish(`${ctx.panelDir}packages/panel-return.zqa`, returned.value.written.bytes, 'panel-return', leader, [ctx.secretariat, leader]);
}

/** A plausible consensus: the members' median on the 5% grid, a rationale where they diverged, notes chosen with provenance. */
function settle(start: ConsensusRecord, matrix: ReturnType<typeof consolidate>, scores: MemberScores[], given: GivenConsensus | undefined): ConsensusRecord {
  let record = start;
  const apply = (edit: ConsensusEdit): void => {
    const r = applyConsensusEdit(record, edit);
    if (!r.ok) throw new Error(r.error);
    record = r.value.record;
  };
  for (const row of matrix.rows) {
    const median = row.medianTenths ?? 500;
    apply({ kind: 'consensus-percent', itemId: row.itemId, to: given?.percent[row.itemId] ?? Math.min(100, Math.round(median / 50) * 5) });
    if (row.divergent) apply({ kind: 'consensus-rationale', itemId: row.itemId, to: `评分极差 ${row.spread} 个百分点；经讨论，评审组${given ? '对照评分指南形成' : '取中位数附近的'}共识评分。` });
    const withNotes = scores.filter((s) => (s.items[row.itemId]?.strengths.length ?? 0) > 0);
    const strengths = withNotes.slice(0, 2).map((s, k) => chooseNote(`${row.itemId}-ps${k + 1}`, s.memberId, s.items[row.itemId]!.strengths[0]!));
    if (strengths.length > 0) apply({ kind: 'consensus-strengths', itemId: row.itemId, to: strengths });
    const withOfis = scores.filter((s) => (s.items[row.itemId]?.ofis.length ?? 0) > 0);
    const ofis = withOfis.slice(0, 2).map((s, k) => chooseNote(`${row.itemId}-po${k + 1}`, s.memberId, s.items[row.itemId]!.ofis[0]!));
    if (ofis.length > 0) apply({ kind: 'consensus-ofis', itemId: row.itemId, to: ofis });
  }
  for (let n = 1; n <= 7; n++) {
    const flagged = given ? given.exclusions.includes(n) : scores.some((s) => s.exclusions.some((e) => e.number === n && e.status === 'flagged'));
    apply({ kind: 'consensus-exclusion', itemId: exclusionTarget(n), to: { status: flagged ? 'flagged' : 'clear', note: flagged ? '评审组成员现场核查确认' : '' } });
  }
  apply({ kind: 'consensus-overall', itemId: 'overall', to: OVERALL_EVALUATION.join('\n') });
  apply({ kind: 'consensus-key-strengths', itemId: 'overall', to: KEY_STRENGTHS });
  apply({ kind: 'consensus-key-ofis', itemId: 'overall', to: KEY_OFIS });
  return record;
}
