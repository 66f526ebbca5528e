import { describe, expect, it } from 'vitest';
import { exclusionTarget } from '../../shared/consensus/consensus-edits.js';
import { chooseNote } from '../../shared/consensus/panel-notes.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import { writePackage } from '../../shared/packages/write-package.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { receivePackage } from '../../shared/workflow/received.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';
import { loadReportFonts } from '../../cli/lib/report-fonts.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { applyLeaderEdit, ensureConsensus, verifyConsensusTrail, type LeaderWriteContext } from '../../renderer/src/workspaces/leader/store/consensus-store.js';
import { importCountersignature } from '../../renderer/src/workspaces/leader/store/countersignature-import.js';
import { setExcuse } from '../../renderer/src/workspaces/leader/store/finalisation-writes.js';
import { countersignReport, importReportForSigning } from '../../renderer/src/workspaces/countersign/store/member-countersign.js';
import { buildPanelModel, suggestedPercent } from '../../shared/workflow/consolidate.js';
import { writePanelReturn } from '../../renderer/src/workspaces/leader/store/panel-return-store.js';
import { produceAndKeepReport } from '../../renderer/src/workspaces/leader/store/report-store.js';
import type { ReportArtefactRecord } from '../../renderer/src/db/leader-records.js';
import { countersignatureStatuses } from '../../shared/workflow/assemble-panel-return.js';
import type { ProduceReportInput } from '../../shared/workflow/produce-report.js';
import { loadTrustStore } from '../../renderer/src/packages/trust-from-db.js';

const deviceTrustStore = async (db: ZqaDatabase) => (await loadTrustStore(db))!;
import type { Participant } from '../../cli/lib/demo-participant.js';
import { freshDatabase } from '../unit/db-test-helpers.js';
import { assignmentPackage, panelHeld, makePanel, scoresheetPackage, type Panel, type WrittenScoresheet } from '../unit/packages-fixture.js';

/** A device that imported the assignment and trusts the secretariat: the rows G's importer writes (migration 0002). */
async function device(panel: Panel, sheets: WrittenScoresheet[] = []): Promise<ZqaDatabase> {
  const db = freshDatabase();
  const at = '2026-06-01T00:00:00.000Z';
  await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array(), confirmedAt: at });
  await db.panelAssignments.put({ reviewId: 'r1', panelId: panel.assignment.panel.id, leaderKeyId: panel.members[0]!.card.keyId, revision: 1, manifestSha256: 'a'.repeat(64), content: panel.assignment, receivedAt: at });
  for (const s of sheets) {
    const m = panel.members.find((p) => p.card.keyId === s.content.expertKeyId)!;
    await db.memberScoresheets.put({ reviewId: 'r1', memberKeyId: m.card.keyId, memberName: m.facts.name, revision: 1, manifestSha256: 'b'.repeat(64), content: s.content, attachments: {}, packageBytes: s.bytes, receivedAt: at });
  }
  return db;
}

const clock = () => {
  let t = Date.parse('2026-06-05T02:00:00.000Z');
  return () => new Date((t += 1000));
};

describe('the leader’s flow through the app’s own modules', () => {
  it('consolidates, settles, signs, gathers countersignatures (one excused) and returns a panel return the secretariat accepts', { timeout: 60_000 }, async () => {
    const panel = await makePanel(5, 7);
    const [leader, ...others] = panel.members as [Participant, ...Participant[]];
    const sheets: WrittenScoresheet[] = [];
    for (const [i, m] of panel.members.entries()) sheets.push(await scoresheetPackage(panel, m, { seed: 10 + i }));
    expect(await assignmentPackage(panel)).toBeInstanceOf(Uint8Array);

    // Only four sheets at first: the fifth member shows as missing.
    const leaderDb = await device(panel, sheets.slice(0, 4));
    const now = clock();
    const ctx: LeaderWriteContext = { db: leaderDb, actor: leader.card.keyId, now };
    const partial = buildPanelModel(panel.assignment, (await leaderDb.memberScoresheets.toArray()).map((s) => ({ memberKeyId: s.memberKeyId, revision: s.revision, receivedAt: s.receivedAt, content: s.content })));
    if (!partial.ok) throw new Error(partial.error);
    expect(partial.value.matrix.missingMembers.map((m) => m.memberId)).toEqual([panel.members[4]!.card.keyId]);
    await leaderDb.memberScoresheets.put({ reviewId: 'r1', memberKeyId: panel.members[4]!.card.keyId, memberName: panel.members[4]!.facts.name, revision: 1, manifestSha256: 'b'.repeat(64), content: sheets[4]!.content, attachments: {}, packageBytes: sheets[4]!.bytes, receivedAt: now().toISOString() });
    const full = buildPanelModel(panel.assignment, (await leaderDb.memberScoresheets.toArray()).map((s) => ({ memberKeyId: s.memberKeyId, revision: s.revision, receivedAt: s.receivedAt, content: s.content })));
    if (!full.ok) throw new Error(full.error);
    const model = full.value;
    expect(model.matrix.missingMembers).toEqual([]);
    expect(model.matrix.discussionOrder.slice(0, model.matrix.divergentItemIds.length)).toEqual(model.matrix.divergentItemIds);

    // Consensus: the median on the grid, a rationale for divergent items, one chosen strength each.
    await ensureConsensus(ctx, 'r1', model.criteriaSet);
    for (const row of model.matrix.rows) {
      await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: row.itemId, to: suggestedPercent(row.medianTenths) ?? 50 });
      if (row.divergent) await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-rationale', itemId: row.itemId, to: '经讨论取中位数' });
      const withNote = model.sheets.find((s) => (s.items[row.itemId]?.strengths.length ?? 0) > 0);
      if (withNote) await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-strengths', itemId: row.itemId, to: [chooseNote(`${row.itemId}-ps1`, withNote.memberId, withNote.items[row.itemId]!.strengths[0]!)] });
    }
    for (let n = 1; n <= 7; n++) await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-exclusion', itemId: exclusionTarget(n), to: { status: 'clear', note: '' } });
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-overall', itemId: 'overall', to: '该单位卓越绩效管理基础扎实。' });
    expect((await verifyConsensusTrail(leaderDb, 'r1', model.criteriaSet)).ok).toBe(true);
    const consensus = (await leaderDb.consensusStates.get('r1'))!.record;

    // The report, signed under the leader's certificate from the assignment.
    const fonts = loadReportFonts();
    const produced = await produceAndKeepReport(
      leaderDb, 'r1',
      { assignment: panel.assignment, scoresheets: sheets.map((s) => s.content), consensus, reportDate: '2026-06-03', leaderKeyId: leader.card.keyId, previous: null },
      { keys: leader.keys, clock: { now }, render: (input) => renderReportPdf(input, fonts) },
    );
    if (!produced.ok) throw new Error(produced.error.en);
    const report = produced.value;
    expect(await leaderDb.reportArtefacts.get(report.id)).toBeDefined();
    const notLeader = await produceAndKeepReport(
      leaderDb, 'r1',
      { assignment: panel.assignment, scoresheets: [], consensus, reportDate: '2026-06-03', leaderKeyId: others[0]!.card.keyId, previous: null },
      { keys: others[0]!.keys, clock: { now }, render: () => Promise.reject(new Error('not reached')) },
    );
    expect(notLeader.ok ? 'produced' : notLeader.error).toMatchObject({ code: 'not-allowed', en: expect.stringMatching(/not the leader/) as unknown });
    expect(await leaderDb.reportArtefacts.count()).toBe(1);

    // Three members countersign; the fourth is excused.
    const countersignatures: Uint8Array[] = [];
    for (const m of others.slice(0, 3)) {
      const memberDb = await device(panel);
      const imported = await importReportForSigning(report.rfsPackage, { db: memberDb, keys: m.keys, trust: await deviceTrustStore(memberDb), now: now(), myKeyId: m.card.keyId });
      if (!imported.ok) throw new Error(imported.error.message);
      expect(imported.value.leaderCheckError).toBeNull();
      expect(imported.value.leaderSigner).toBe(leader.facts.name);
      const signed = await countersignReport(imported.value, { db: memberDb, keys: m.keys, myKeyId: m.card.keyId, agrees: true, comment: '', now: now() });
      if (!signed.ok) throw new Error(signed.error.en);
      countersignatures.push(signed.value.bytes);
    }
    const trust = await deviceTrustStore(leaderDb);
    const cs = { db: leaderDb, reviewId: 'r1', assignment: panel.assignment, report, keys: leader.keys, trust, now: now() };
    for (const bytes of countersignatures) {
      const r = await importCountersignature(bytes, cs);
      if (!r.ok) throw new Error(r.error.message);
    }
    // The same package again changes nothing and says so.
    const again = await importCountersignature(countersignatures[0]!, cs);
    expect(again.ok ? 'accepted' : again.error.code).toBe('duplicate');

    const received = await leaderDb.receivedCountersignatures.toArray();
    const blocked = await countersignatureStatuses(panel.assignment, report, received, {});
    expect(blocked.ok).toBe(false);
    const state = { assignment: panel.assignment, consensus, report, countersignatures: received };
    const ports = { keys: leader.keys, clock: { now } };
    const refused = await writePanelReturn(leaderDb, 'r1', { ...state, finalisation: null }, ports);
    expect(refused.ok ? 'written' : refused.error.en).toMatch(/not every member/);

    const absent = others[3]!;
    await setExcuse(leaderDb, 'r1', absent.card.keyId, '因病未能到场，电话确认同意报告内容', leader.card.keyId, now());
    const finalisation = (await leaderDb.finalisations.get('r1'))!;
    const returned = await writePanelReturn(leaderDb, 'r1', { ...state, finalisation }, ports);
    if (!returned.ok) throw new Error(returned.error.en);
    expect(returned.value.revision).toBe(1);
    const written = returned.value.written;

    // The secretariat opens it: every nested scoresheet and countersignature checks.
    const opened = await receivePackage(written.bytes, 'panel-return', { keys: panel.secretariat.keys, trust: panel.memberTrust, history: NO_HISTORY, held: panelHeld(panel) });
    if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
    const content = opened.value.content;
    expect(content.scoresheets).toHaveLength(5);
    expect(content.countersignatures).toHaveLength(3);
    // The absence travels as its own signed record, and the secretariat's check reports it.
    expect(content.absences).toEqual([{ memberKeyId: absent.card.keyId, reason: '因病未能到场，电话确认同意报告内容', recordedAt: expect.any(String) as string }]);
    expect(opened.value.panelReturn?.signOff?.absences.map((a) => a.name)).toEqual([absent.card.name]);
    expect(content.report.sha256).toBe(report.sha256);

    // A consensus changed after signing: the return is refused until the report is signed again.
    const changed = { ...consensus, overallEvaluation: `${consensus.overallEvaluation}（补充）` };
    const stale = await writePanelReturn(leaderDb, 'r1', { ...state, consensus: changed, finalisation }, ports);
    expect(stale.ok ? 'written' : stale.error.en).toMatch(/consensus changed/);
  });

  it('refuses a countersignature of an older report version, and a report whose PDF was changed after signing cannot be countersigned', { timeout: 60_000 }, async () => {
    const panel = await makePanel(5, 9);
    const [leader, member] = panel.members as [Participant, Participant];
    const sheets: WrittenScoresheet[] = [];
    for (const [i, m] of panel.members.entries()) sheets.push(await scoresheetPackage(panel, m, { seed: 30 + i }));
    const leaderDb = await device(panel, sheets);
    const now = clock();
    const ctx: LeaderWriteContext = { db: leaderDb, actor: leader.card.keyId, now };
    const model = buildPanelModel(panel.assignment, sheets.map((s, i) => ({ memberKeyId: panel.members[i]!.card.keyId, revision: 1, receivedAt: '2026-06-01T00:00:00.000Z', content: s.content })));
    if (!model.ok) throw new Error(model.error);
    await ensureConsensus(ctx, 'r1', model.value.criteriaSet);
    for (const row of model.value.matrix.rows) await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: row.itemId, to: 50 });
    for (let n = 1; n <= 7; n++) await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-exclusion', itemId: exclusionTarget(n), to: { status: n === 5 ? 'flagged' : 'clear', note: n === 5 ? '近三年有亏损' : '' } });
    const consensus = (await leaderDb.consensusStates.get('r1'))!.record;
    const fonts = loadReportFonts();
    const request: ProduceReportInput = { assignment: panel.assignment, scoresheets: sheets.map((s) => s.content), consensus, reportDate: '2026-06-03', leaderKeyId: leader.card.keyId, previous: null };
    const ports = { keys: leader.keys, clock: { now }, render: (input: Parameters<typeof renderReportPdf>[0]) => renderReportPdf(input, fonts) };
    const produce = async (previous: ReportArtefactRecord | null) => {
      const r = await produceAndKeepReport(leaderDb, 'r1', { ...request, previous }, ports);
      if (!r.ok) throw new Error(r.error.en);
      return r.value;
    };
    const v1 = await produce(null);
    expect(v1.recommendation).toBe('not-recommended');
    const v2 = await produce(v1);
    expect(v2.rfsRevision).toBe(2);

    // The member countersigns version 1; the leader now holds version 2 and refuses it.
    const memberDb = await device(panel);
    const got = await importReportForSigning(v1.rfsPackage, { db: memberDb, keys: member.keys, trust: await deviceTrustStore(memberDb), now: now(), myKeyId: member.card.keyId });
    if (!got.ok) throw new Error(got.error.message);
    const signed = await countersignReport(got.value, { db: memberDb, keys: member.keys, myKeyId: member.card.keyId, agrees: true, comment: '', now: now() });
    if (!signed.ok) throw new Error(signed.error.en);
    const refused = await importCountersignature(signed.value.bytes, { db: leaderDb, reviewId: 'r1', assignment: panel.assignment, report: v2, keys: leader.keys, trust: await deviceTrustStore(leaderDb), now: now() });
    expect(refused.ok ? 'accepted' : refused.error.detail).toMatch(/another version of the report/);
    expect(await leaderDb.receivedCountersignatures.count()).toBe(0);

    // A report-for-signing whose PDF changed after the leader signed it: imported, shown as invalid, not countersignable.
    const forged = v2.pdf.slice();
    forged[200] = forged[200]! ^ 0x01;
    const [blob] = await prepareBlobs([{ fileName: 'report.pdf', mediaType: 'application/pdf', bytes: forged }]);
    const opened = await receivePackage(v2.rfsPackage, 'report-for-signing', { keys: member.keys, trust: panel.memberTrust, history: NO_HISTORY, held: panelHeld(panel) });
    if (!opened.ok) throw new Error(opened.error.message);
    const content = { ...opened.value.content, report: { ...blob!.ref, mediaType: 'application/pdf' as const } };
    const bad = await writePackage({ type: 'report-for-signing', content, blobs: [{ entry: blob!.ref.entry, bytes: forged }], subject: panel.subject, revision: 3, sender: { name: leader.facts.name, keys: leader.keys }, recipients: panel.assignment.panel.members });
    if (!bad.ok) throw new Error(bad.error.message);
    const shown = await importReportForSigning(bad.value.bytes, { db: memberDb, keys: member.keys, trust: await deviceTrustStore(memberDb), now: now(), myKeyId: member.card.keyId });
    if (!shown.ok) throw new Error(shown.error.message);
    expect(shown.value.leaderCheckError).toMatch(/does not verify/);
    const attempt = await countersignReport(shown.value, { db: memberDb, keys: member.keys, myKeyId: member.card.keyId, agrees: true, comment: '', now: now() });
    expect(attempt.ok ? 'signed' : attempt.error.en).toMatch(/cannot be countersigned/);
  });
});
