import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { memberCertificate } from '../../shared/packages/content/assignment-certificates.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { certificateToPem } from '../../shared/pki/pem.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { assemblePanelReturn, countersignatureStatuses } from '../../shared/workflow/assemble-panel-return.js';
import { countersignReport, receiveReportForSigning } from '../../shared/workflow/countersign-report.js';
import { produceReport, type SignedReport } from '../../shared/workflow/produce-report.js';
import { receiveCountersignature, type ReceivedCountersignature } from '../../shared/workflow/receive-countersignature.js';
import { writeFileAtomic } from './atomic-write.js';
import { settleDemoConsensus } from './demo-leader.js';
import type { DemoContext, DemoStage } from './demo-panel.js';
import { RESERVATION as DEMO_RESERVATION } from './report-demo-input.js';

/**
 * The leader's part of `zqa demo`, run through the real code after every
 * scoresheet has reached the leader: consolidation and consensus, the report PDF signed
 * under a secretariat-issued certificate with the members' captioned photos in its appendix,
 * the report for signing, every member's countersignature — one member with a reservation,
 * so the leader produces a second version that prints it verbatim and everyone countersigns
 * that one — and the panel return with all of it.
 */
export const REPORT_STAGES: DemoStage[] = [leaderReportStage];

async function leaderReportStage(ctx: DemoContext): Promise<void> {
  const [leader, ...others] = ctx.members;
  if (!leader) throw new Error('the demo panel has no leader');

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
  const decisions = ctx.given ? { percent: ctx.given.percent, exclusions: ctx.given.exclusions } : {};
  // The consensus meeting: every edit is stamped with the meeting's time.
  const meeting = ctx.clock();
  const { consensus } = await settleDemoConsensus(ctx.assignment, sheets, decisions, { clock: { now: () => meeting }, actor: leader.card.keyId });
  // Dated today, or the visit's last day if the run's clock has passed it: never outside the review dates.
  const lastDay = ctx.assignment.schedule.map((s) => s.date).sort().at(-1)!;
  const today = ctx.clock().toISOString().slice(0, 10);
  const reportDate = today > lastDay ? lastDay : today;
  const clock = { now: ctx.clock };

  const attachments = (keyId: string, id: string) => {
    const ref = ctx.scoresheets.get(keyId)?.attachments.find((a) => a.id === id);
    return Promise.resolve((ref && ctx.scoresheetBlobs.get(keyId)?.get(ref.entry)) ?? null);
  };
  const render = (input: Parameters<typeof renderReportPdf>[0]) => renderReportPdf(input, ctx.fonts);
  // The member who countersigns the first version with a reservation (the scenario's panels: nobody).
  const dissenter = ctx.given ? undefined : others[2];

  let report: SignedReport | undefined;
  let countersignatures: ReceivedCountersignature[] = [];
  for (let round = 1; round <= 2; round++) {
    const earlier = countersignatures.map((c) => ({ signerKeyId: c.signerKeyId, agrees: c.agrees, comment: c.comment, signedAt: c.signedAt }));
    const produced = await produceReport(
      { assignment: ctx.assignment, scoresheets: sheets, consensus, reportDate, leaderKeyId: leader.card.keyId, previous: report ? { rfsPackageId: report.rfsPackageId, rfsRevision: report.rfsRevision } : null, earlier },
      { keys: leader.keys, clock, render, attachments },
    );
    if (!produced.ok) throw new Error(produced.error.en);
    report = produced.value;
    await writeFileAtomic(join(ctx.outDir, ctx.panelDir, 'report.pdf'), report.pdf);
    const rfsFile = `${ctx.panelDir}packages/report-for-signing${round > 1 ? `-v${round}` : ''}.zqa`;
    await ctx.publish(rfsFile, report.rfsPackage, 'report-for-signing', leader, ctx.members);

    // Each member's device checks the leader's signature and the hash, reads it, then countersigns;
    // the dissenter gives a reservation, and gives it again on the version that prints it.
    const countersignatureFiles: string[] = [];
    for (const [i, m] of others.entries()) {
      const held = { forPanel: () => Promise.resolve({ reviewId: ctx.assignment.panel.id, content: ctx.assignment }) };
      const got = await receiveReportForSigning(await ctx.read(rfsFile), { keys: m.keys, trust: ctx.trust.get(m.card.keyId)!, history: NO_HISTORY, assignments: held, held: heldRecordsFrom({ assignments: [ctx.assignment] }), myKeyId: m.card.keyId });
      if (!got.ok) throw new Error(`${m.facts.name} cannot import the report for signing: ${got.error.message}`);
      const dissents = m === dissenter;
      const signed = await countersignReport(
        { report: got.value.report, assignment: ctx.assignment, agrees: !dissents, comment: dissents ? DEMO_RESERVATION : '', lastRevision: round - 1 },
        { keys: m.keys, clock, myKeyId: m.card.keyId },
      );
      if (!signed.ok) throw new Error(`${m.facts.name} cannot countersign: ${signed.error.en}`);
      const file = `${ctx.panelDir}packages/countersignature-${String(i + 2).padStart(2, '0')}-expert${round > 1 ? `-v${round}` : ''}.zqa`;
      await ctx.publish(file, signed.value.written.bytes, 'countersignature', m, [leader, ctx.secretariat, m]);
      countersignatureFiles.push(file);
    }

    // The leader takes in every countersignature; a reservation not yet printed means another version.
    countersignatures = [];
    for (const file of countersignatureFiles) {
      const got = await receiveCountersignature(await ctx.read(file), { assignment: ctx.assignment, report }, { keys: leader.keys, trust: ctx.trust.get(leader.card.keyId)!, history: NO_HISTORY, held: heldRecordsFrom({ assignments: [ctx.assignment] }) });
      if (!got.ok) throw new Error(`${leader.facts.name} refuses ${file}: ${got.error.message}`);
      countersignatures.push(got.value);
    }
    const statuses = await countersignatureStatuses(ctx.assignment, report, countersignatures, {});
    if (statuses.ok) break;
    if (!statuses.error.some((st) => st.status === 'reservation-not-printed')) throw new Error(`the leader cannot finalise: ${statuses.error.map((st) => `${st.name} ${st.status}`).join(', ')}`);
  }
  if (!report) throw new Error('no report was produced');
  const scoresheets = [];
  for (const m of ctx.members) scoresheets.push({ memberKeyId: m.card.keyId, memberName: m.facts.name, packageBytes: await ctx.read(ctx.scoresheetFiles.get(m.card.keyId)!) });
  const returned = await assemblePanelReturn({ assignment: ctx.assignment, consensus, report, scoresheets, countersignatures, excused: {}, previous: null }, { keys: leader.keys, clock });
  if (!returned.ok) throw new Error(`the leader cannot finalise: ${returned.error.en}`);
  await ctx.publish(`${ctx.panelDir}packages/panel-return.zqa`, returned.value.written.bytes, 'panel-return', leader, [ctx.secretariat, leader]);
}
