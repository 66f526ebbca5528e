import { beforeAll, describe, expect, it } from 'vitest';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import type { CountersignatureContent } from '../../shared/packages/content/countersignature.js';
import type { PanelReturnContent } from '../../shared/packages/content/panel-return.js';
import type { ReportForSigningContent } from '../../shared/packages/content/report-for-signing.js';
import { signReportPdf, verifyReportSignature } from '../../shared/packages/countersign.js';
import { importPackage } from '../../shared/packages/import-package.js';
import { checkPanelReturn } from '../../shared/packages/panel-return-check.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { writePackage } from '../../shared/packages/write-package.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { makePanel, scoresheetPackage, type Panel } from './packages-fixture.js';

let panel: Panel;
const pdf = new TextEncoder().encode('%PDF-1.7\n% 现场评审报告 (stand-in bytes)\n%%EOF\n');
const at = '2026-06-05T10:00:00.000Z';

beforeAll(async () => {
  panel = await makePanel(5);
});

async function countersignature(member: Panel['members'][number], reportPackageId: string, signedPdf: Uint8Array): Promise<Uint8Array> {
  const content: CountersignatureContent = {
    ...panel.subject, reportPackageId, reportSha256: await sha256Hex(pdf), signerKeyId: member.card.keyId,
    signature: await signReportPdf(member.keys, signedPdf), agrees: true, comment: '', signedAt: at,
  };
  const r = await writePackage({ type: 'countersignature', content, subject: panel.subject, revision: 1, sender: { name: member.facts.name, keys: member.keys }, recipients: [panel.members[0]!.card, panel.secretariat.card] });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.bytes;
}

async function panelReturn(countersignatures: Uint8Array[]): Promise<Uint8Array> {
  const leader = panel.members[0]!;
  const sheets = await Promise.all(panel.members.map((m) => scoresheetPackage(panel, m)));
  const files = [
    { fileName: '评审报告.pdf', mediaType: 'application/pdf', bytes: pdf },
    ...sheets.map((s, i) => ({ fileName: `scoresheet-${i + 1}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: s.bytes })),
    ...countersignatures.map((c, i) => ({ fileName: `countersignature-${i + 1}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: c })),
  ];
  const blobs = await prepareBlobs(files);
  const content: PanelReturnContent = {
    ...panel.subject,
    consensus: newConsensusRecord(panel.assignment.criteriaSet),
    recommendation: 'not-recommended',
    reportText: '评审组意见',
    report: { ...blobs[0]!.ref, mediaType: 'application/pdf' },
    scoresheets: panel.members.map((m, i) => ({ expertKeyId: m.card.keyId, package: { ...blobs[1 + i]!.ref, mediaType: 'application/vnd.zqa.package' } })),
    countersignatures: panel.members.slice(0, countersignatures.length).map((m, i) => ({ signerKeyId: m.card.keyId, package: { ...blobs[1 + sheets.length + i]!.ref, mediaType: 'application/vnd.zqa.package' } })),
    returnedAt: at,
  };
  const r = await writePackage({
    type: 'panel-return', content, blobs: blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject: panel.subject, revision: 1,
    sender: { name: leader.facts.name, keys: leader.keys }, recipients: [panel.secretariat.card, leader.card],
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.bytes;
}

async function secretariatCheck(bytes: Uint8Array) {
  const opts = { trust: panel.memberTrust, keys: panel.secretariat.keys };
  const imported = await importPackage(bytes, { ...opts, accept: ['panel-return'], history: NO_HISTORY });
  // The importer runs checkPanelReturn itself; a refusal is its answer.
  if (!imported.ok) return imported;
  expect(imported.value.panelReturn).toBeDefined();
  return checkPanelReturn(imported.value.content as PanelReturnContent, imported.value.manifest, imported.value.blobs, opts);
}

describe('the leader’s packages', () => {
  it('a report for signing reaches every member, who countersign the PDF', async () => {
    const leader = panel.members[0]!;
    const [report] = await prepareBlobs([{ fileName: '评审报告.pdf', mediaType: 'application/pdf', bytes: pdf }]);
    const content: ReportForSigningContent = {
      ...panel.subject, consensus: newConsensusRecord(panel.assignment.criteriaSet), reportText: '报告正文',
      report: { ...report!.ref, mediaType: 'application/pdf' }, signers: panel.members.map((m) => m.card.keyId), sentAt: at,
    };
    const written = await writePackage({
      type: 'report-for-signing', content, blobs: [{ entry: report!.ref.entry, bytes: pdf }], subject: panel.subject, revision: 1,
      sender: { name: leader.facts.name, keys: leader.keys }, recipients: panel.members.map((m) => m.card),
    });
    if (!written.ok) throw new Error(written.error.message);
    const member = panel.members[3]!;
    const got = await importPackage(written.value.bytes, { keys: member.keys, trust: panel.memberTrust, accept: ['report-for-signing'], history: NO_HISTORY });
    if (!got.ok) throw new Error(got.error.message);
    const received = got.value.blobs.get(report!.ref.entry)!;
    const signature = await signReportPdf(member.keys, received);
    expect(await verifyReportSignature(member.card.signingKey, pdf, signature)).toBe(true);
    expect(await verifyReportSignature(panel.members[2]!.card.signingKey, pdf, signature)).toBe(false);
    // An expert cannot send a report for signing: only the leader may.
    const asExpert = await writePackage({ ...{ type: 'report-for-signing' as const, content, blobs: [{ entry: report!.ref.entry, bytes: pdf }], subject: panel.subject, revision: 1 }, sender: { name: member.facts.name, keys: member.keys }, recipients: [leader.card] });
    const refused = asExpert.ok ? await importPackage(asExpert.value.bytes, { keys: leader.keys, trust: panel.memberTrust, accept: ['report-for-signing'], history: NO_HISTORY }) : null;
    expect(refused && !refused.ok && refused.error.code).toBe('untrusted-signer');
  });

  it('a panel return carries every signed scoresheet and countersignature, each checkable by the secretariat', async () => {
    const sigs = await Promise.all(panel.members.map((m) => countersignature(m, 'a'.repeat(32), pdf)));
    const checked = await secretariatCheck(await panelReturn(sigs));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.scoresheets.map((s) => s.manifest.sender.keyId)).toEqual(panel.members.map((m) => m.card.keyId));
    expect(checked.value.countersignatures).toHaveLength(panel.members.length);
  });

  it('refuses a panel return whose countersignature signs another PDF', async () => {
    const sigs = [await countersignature(panel.members[0]!, 'a'.repeat(32), new TextEncoder().encode('%PDF another report'))];
    const checked = await secretariatCheck(await panelReturn(sigs));
    expect(checked.ok ? 'accepted' : checked.error.message).toMatch(/countersignature is not a valid signature over this report PDF/);
  });
});
