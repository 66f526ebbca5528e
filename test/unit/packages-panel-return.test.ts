import { beforeAll, describe, expect, it } from 'vitest';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import type { PanelReturnContent } from '../../shared/packages/content/panel-return.js';
import { signReportPdf, verifyReportSignature } from '../../shared/packages/countersign.js';
import { importPackage } from '../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { writePackage } from '../../shared/packages/write-package.js';
import { ok } from '../../shared/util/result.js';
import { assemblePanelReturn } from '../../shared/workflow/assemble-panel-return.js';
import { receivePackage } from '../../shared/workflow/received.js';
import { panelHeld } from './packages-fixture.js';
import { countersignatures, panelWithSheets, reportOnMemberDevice, settledConsensus, signedReport, type SteppedPanel } from './workflow-fixture.js';

/**
 * The leader's packages as the package layer checks them: the report for signing, the
 * countersignatures and the panel return, made by the workflow's own steps; a hostile return
 * (a countersignature over other bytes) put together by hand, as a dishonest leader could.
 */
let p: SteppedPanel;
beforeAll(async () => {
  p = await panelWithSheets(5, 51);
}, 30_000);

async function secretariatCheck(bytes: Uint8Array) {
  const imported = await receivePackage(bytes, 'panel-return', { trust: p.memberTrust, keys: p.secretariat.keys, history: NO_HISTORY, held: panelHeld(p) });
  // The importer runs checkPanelReturn itself; a refusal is its answer.
  if (!imported.ok) return imported;
  if (!imported.value.panelReturn) throw new Error('a panel return was imported without its nested checks');
  return ok(imported.value.panelReturn);
}

describe('the leader’s packages', () => {
  it('a report for signing reaches every member, who countersign the PDF; only the leader may send one', async () => {
    const report = await signedReport(p, await settledConsensus(p));
    const onDevice = await reportOnMemberDevice(p, report, 3);
    const member = p.members[3]!;
    const signature = await signReportPdf(member.keys, onDevice.pdf);
    expect(await verifyReportSignature(member.card.signingKey, report.pdf, signature)).toBe(true);
    expect(await verifyReportSignature(p.members[2]!.card.signingKey, report.pdf, signature)).toBe(false);
    // An expert cannot send a report for signing: only the leader may.
    const opened = await receivePackage(report.rfsPackage, 'report-for-signing', { keys: member.keys, trust: p.memberTrust, history: NO_HISTORY, held: panelHeld(p) });
    if (!opened.ok) throw new Error(opened.error.message);
    const [blob] = await prepareBlobs([{ fileName: '评审报告.pdf', mediaType: 'application/pdf', bytes: report.pdf }]);
    const asExpert = await writePackage({ type: 'report-for-signing', content: opened.value.content, blobs: [{ entry: blob!.ref.entry, bytes: report.pdf }], subject: p.subject, revision: 1, sender: { name: member.facts.name, keys: member.keys }, recipients: [p.members[0]!.card] });
    const refused = asExpert.ok ? await importPackage(asExpert.value.bytes, { keys: p.members[0]!.keys, trust: p.memberTrust, accept: ['report-for-signing'], history: NO_HISTORY, held: panelHeld(p) }) : null;
    expect(refused && !refused.ok && refused.error.code).toBe('untrusted-signer');
  });

  it('a panel return carries every signed scoresheet and countersignature, each checkable by the secretariat', async () => {
    const consensus = await settledConsensus(p);
    const report = await signedReport(p, consensus);
    const signed = await countersignatures(p, report, [1, 2, 3, 4]);
    const held = p.sheets.map((s, i) => ({ memberKeyId: p.members[i]!.card.keyId, memberName: p.members[i]!.facts.name, packageBytes: s.bytes }));
    const returned = await assemblePanelReturn({ assignment: p.assignment, consensus, report, scoresheets: held, countersignatures: signed, excused: {}, previous: null }, { keys: p.members[0]!.keys, clock: p.clock });
    if (!returned.ok) throw new Error(returned.error.en);
    const checked = await secretariatCheck(returned.value.written.bytes);
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.value.scoresheets.map((s) => s.manifest.sender.keyId)).toEqual(p.members.map((m) => m.card.keyId));
    expect(checked.value.countersignatures.map((c) => c.content.signerKeyId)).toEqual(p.members.slice(1).map((m) => m.card.keyId));
    expect(checked.value.signOff).toMatchObject({ dissents: [], absences: [] });
  });

  it('refuses a panel return whose countersignature signs another PDF', async () => {
    const consensus = await settledConsensus(p);
    const report = await signedReport(p, consensus);
    const [genuine] = await countersignatures(p, report, [1]);
    const member = p.members[1]!;
    // The member signs other bytes; the leader nests it in a return signed by hand.
    const forged = await writePackage({
      type: 'countersignature', content: { ...p.subject, reportPackageId: genuine!.reportPackageId, reportSha256: report.sha256, signerKeyId: member.card.keyId, signature: await signReportPdf(member.keys, new TextEncoder().encode('%PDF another report')), agrees: true, comment: '', signedAt: genuine!.signedAt },
      subject: p.subject, revision: 1, sender: { name: member.facts.name, keys: member.keys }, recipients: [p.members[0]!.card, p.secretariat.card],
    });
    if (!forged.ok) throw new Error(forged.error.message);
    const files = await prepareBlobs([
      { fileName: '评审报告.pdf', mediaType: 'application/pdf', bytes: report.pdf },
      ...p.sheets.map((s, i) => ({ fileName: `scoresheet-${i + 1}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: s.bytes })),
      { fileName: 'countersignature.zqa', mediaType: 'application/vnd.zqa.package', bytes: forged.value.bytes },
    ]);
    const nested = (i: number) => ({ ...files[i]!.ref, mediaType: 'application/vnd.zqa.package' as const });
    const content: PanelReturnContent = {
      ...p.subject, consensus, recommendation: report.recommendation, reportText: report.reportText, report: { ...files[0]!.ref, mediaType: 'application/pdf' },
      scoresheets: p.members.map((m, i) => ({ expertKeyId: m.card.keyId, package: nested(1 + i) })),
      countersignatures: [{ signerKeyId: member.card.keyId, package: nested(1 + p.sheets.length) }],
      absences: [],
      returnedAt: genuine!.signedAt,
    };
    const leader = p.members[0]!;
    const hostile = await writePackage({ type: 'panel-return', content, blobs: files.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject: p.subject, revision: 1, sender: { name: leader.facts.name, keys: leader.keys }, recipients: [p.secretariat.card, leader.card] });
    if (!hostile.ok) throw new Error(hostile.error.message);
    const checked = await secretariatCheck(hostile.value.bytes);
    expect(checked.ok ? 'accepted' : `${checked.error.code}: ${checked.error.message}`).toMatch(/^return-part-invalid: .*countersignature is not a valid signature over this report PDF/);
  });
});
