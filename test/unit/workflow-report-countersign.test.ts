import { beforeAll, describe, expect, it } from 'vitest';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import { checkSignedReport } from '../../shared/report/report-checks.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { assemblePanelReturn } from '../../shared/workflow/assemble-panel-return.js';
import { countersignReport, receiveReportForSigning } from '../../shared/workflow/countersign-report.js';
import { produceReport } from '../../shared/workflow/produce-report.js';
import { receivePackage } from '../../shared/workflow/received.js';
import { receiveCountersignature } from '../../shared/workflow/receive-countersignature.js';
import { countersignatures, panelWithSheets, reportOnMemberDevice, settledConsensus, signedReport, standInRender, type SteppedPanel } from './workflow-fixture.js';

let p: SteppedPanel;
beforeAll(async () => {
  p = await panelWithSheets(5, 31);
}, 30_000);

describe('produce and sign the report (shared/workflow/produce-report.ts)', () => {
  it('is the leader’s alone, and only for a finished consensus', async () => {
    const consensus = await settledConsensus(p);
    const input = { assignment: p.assignment, scoresheets: p.sheets.map((s) => s.content), consensus, reportDate: '2026-06-05', previous: null };
    const member = p.members[1]!;
    expect(await produceReport({ ...input, leaderKeyId: member.card.keyId }, { keys: member.keys, clock: p.clock, render: standInRender })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const unfinished = { ...consensus, items: consensus.items.map((i, k) => (k === 0 ? { ...i, percent: null } : i)) };
    expect(await produceReport({ ...input, consensus: unfinished, leaderKeyId: p.members[0]!.card.keyId }, { keys: p.members[0]!.keys, clock: p.clock, render: standInRender })).toMatchObject({ ok: false, error: { code: 'not-ready' } });
  });

  it('signs under the leader’s certificate and sends it to every member as the next revision', async () => {
    const report = await signedReport(p, await settledConsensus(p));
    expect((await checkSignedReport(report.pdf, { sha256: report.sha256, leaderSpki: fromBase64(p.members[0]!.card.signingKey), rootCertificate: fromBase64(p.assignment.certificates.root) })).ok).toBe(true);
    expect(report.reportText).toMatch(/共识总分 \d+\.\d\d 分；/);
    const rfs = await receivePackage(report.rfsPackage, 'report-for-signing', { keys: p.members[3]!.keys, trust: p.memberTrust, history: NO_HISTORY, held: heldRecordsFrom({ assignments: [p.assignment] }) });
    expect(rfs.ok && rfs.value.content.signers).toEqual(p.members.slice(1).map((m) => m.card.keyId));
    const next = await signedReport(p, await settledConsensus(p), report);
    expect([next.rfsRevision, next.rfsPackageId === report.rfsPackageId]).toEqual([2, false]);
  });
});

describe('countersign (shared/workflow/countersign-report.ts, receive-countersignature.ts)', () => {
  it('is refused to a device without the assignment, and to one not asked to sign', async () => {
    const report = await signedReport(p, await settledConsensus(p));
    const m = p.members[1]!;
    const none = { forPanel: () => Promise.resolve(null) };
    expect(await receiveReportForSigning(report.rfsPackage, { keys: m.keys, trust: p.memberTrust, history: NO_HISTORY, assignments: none, held: heldRecordsFrom({ assignments: [] }), myKeyId: m.card.keyId })).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/holds no assignment/) as unknown } });
    const leader = p.members[0]!;
    const held = { forPanel: () => Promise.resolve({ reviewId: 'r1', content: p.assignment }) };
    expect(await receiveReportForSigning(report.rfsPackage, { keys: leader.keys, trust: p.memberTrust, history: NO_HISTORY, assignments: held, held: heldRecordsFrom({ assignments: [p.assignment] }), myKeyId: leader.card.keyId })).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/not among the members asked/) as unknown } });
  });

  it('needs a reason to dissent, refuses a report whose signature fails, and the leader takes only this report’s countersignature', async () => {
    const report = await signedReport(p, await settledConsensus(p));
    const m = p.members[2]!;
    const onDevice = await reportOnMemberDevice(p, report, 2);
    expect(onDevice.leaderCheckError).toBeNull();
    const ports = { keys: m.keys, clock: p.clock, myKeyId: m.card.keyId };
    expect(await countersignReport({ report: onDevice, assignment: p.assignment, agrees: false, comment: '  ', lastRevision: 0 }, ports)).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    expect(await countersignReport({ report: { ...onDevice, leaderCheckError: 'bad' }, assignment: p.assignment, agrees: true, comment: '', lastRevision: 0 }, ports)).toMatchObject({ ok: false, error: { code: 'signature' } });
    const dissent = await countersignReport({ report: onDevice, assignment: p.assignment, agrees: false, comment: '第 4.7.4 条评分偏高', lastRevision: 2 }, ports);
    if (!dissent.ok) throw new Error(dissent.error.en);
    expect([dissent.value.revision, dissent.value.content.agrees, dissent.value.content.comment]).toEqual([3, false, '第 4.7.4 条评分偏高']);
    const leaderPorts = { keys: p.members[0]!.keys, trust: p.memberTrust, history: NO_HISTORY, held: heldRecordsFrom({ assignments: [p.assignment] }) };
    const taken = await receiveCountersignature(dissent.value.written.bytes, { assignment: p.assignment, report }, leaderPorts);
    expect(taken.ok && [taken.value.signerKeyId, taken.value.agrees]).toEqual([m.card.keyId, false]);
    const newer = await signedReport(p, await settledConsensus(p), report);
    expect(await receiveCountersignature(dissent.value.written.bytes, { assignment: p.assignment, report: newer }, leaderPorts)).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/another version of the report/) as unknown } });
  });
});

describe('assemble the panel return (shared/workflow/assemble-panel-return.ts)', () => {
  it('waits for every member’s countersignature or recorded reason, refuses a consensus changed after signing, and nests every member’s own package', async () => {
    const consensus = await settledConsensus(p);
    const report = await signedReport(p, consensus);
    const signed = await countersignatures(p, report, [1, 2, 3]);
    const held = p.sheets.map((s, i) => ({ memberKeyId: p.members[i]!.card.keyId, memberName: p.members[i]!.facts.name, packageBytes: s.bytes }));
    const input = { assignment: p.assignment, consensus, report, scoresheets: held, countersignatures: signed, excused: {}, previous: null };
    const ports = { keys: p.members[0]!.keys, clock: p.clock };
    expect(await assemblePanelReturn(input, ports)).toMatchObject({ ok: false, error: { code: 'not-ready', en: expect.stringMatching(new RegExp(`${p.members[4]!.facts.name} \\(missing\\)`)) as unknown } });
    const excused = { [p.members[4]!.card.keyId]: '因病未能到场' };
    const changed = { ...consensus, overallEvaluation: '另行修改' };
    expect(await assemblePanelReturn({ ...input, consensus: changed, excused }, ports)).toMatchObject({ ok: false, error: { code: 'mismatch' } });
    const returned = await assemblePanelReturn({ ...input, excused }, ports);
    if (!returned.ok) throw new Error(returned.error.en);
    const opened = await receivePackage(returned.value.written.bytes, 'panel-return', { keys: p.secretariat.keys, trust: p.memberTrust, history: NO_HISTORY, held: heldRecordsFrom({ assignments: [p.assignment] }) });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.content.scoresheets.map((s) => s.expertKeyId)).toEqual(p.members.map((m) => m.card.keyId));
    expect(opened.value.content.countersignatures).toHaveLength(3);
    // The absence travels as its own signed record (docs/package-format.md), the reason with it.
    expect(opened.value.content.absences.map((x) => [x.memberKeyId, x.reason])).toEqual([[p.members[4]!.card.keyId, '因病未能到场']]);
    expect(opened.value.panelReturn?.countersignatures.map((c) => c.content.signerKeyId)).toEqual(p.members.slice(1, 4).map((m) => m.card.keyId));
    const again = await assemblePanelReturn({ ...input, excused, previous: { packageId: returned.value.written.manifest.packageId, revision: 1 } }, ports);
    expect(again.ok && again.value.revision).toBe(2);
  });
});
