import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyConsensusEdit, exclusionTarget, type ConsensusEdit } from '../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import { consolidate } from '../../shared/consensus/consolidate.js';
import { memberScoresFromScoresheet, panelMemberFromRoster } from '../../shared/consensus/from-packages.js';
import type { MemberScores } from '../../shared/consensus/member-scores.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { chooseNote } from '../../shared/consensus/panel-notes.js';
import { recommend } from '../../shared/consensus/recommendation.js';
import { validateCriteriaSet } from '../../shared/criteria/validate-criteria-set.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import type { CountersignatureContent } from '../../shared/packages/content/countersignature.js';
import type { ReportForSigningContent } from '../../shared/packages/content/report-for-signing.js';
import { writePackage } from '../../shared/packages/write-package.js';
import { memberCertificate } from '../../shared/packages/content/assignment-certificates.js';
import { countersign } from '../../shared/pki/countersignature.js';
import { signPdf } from '../../shared/pki/pades.js';
import { certificateToPem } from '../../shared/pki/pem.js';
import { RECOMMENDATION_ZH } from '../../shared/report/format-zh.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';
import { checkFinalisation, checkSignedReport } from '../../shared/report/report-checks.js';
import { reportInputFromPackages } from '../../shared/report/report-input-from-packages.js';
import { formatHundredths } from '../../shared/scoring/hundredths.js';
import { fromBase64, toBase64 } from '../../shared/util/bytes.js';
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
  const subject = { cycleId: ctx.assignment.cycle.id, applicantId: ctx.assignment.applicant.id, panelId: ctx.assignment.panel.id };

  // The leader signs under the certificate the secretariat issued at enrolment, which came
  // with the assignment together with the secretariat's root.
  const root = fromBase64(ctx.assignment.certificates.root);
  const leaderSpki = fromBase64(leader.card.signingKey);
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
  const matrix = consolidate({ criteriaSet: set.value, roster, scoresheets: scores, divergenceLimit: ctx.assignment.rules.divergenceLimitPoints });
  const consensus = settle(newConsensusRecord(set.value), matrix, scores, ctx.given);
  const reportDate = ctx.clock().toISOString().slice(0, 10);
  const input = reportInputFromPackages({ assignment: ctx.assignment, scoresheets: sheets, consensus, reportDate, issuedAt: ctx.clock().toISOString() });
  if (!input.ok) throw new Error(input.error);
  const facts = recommend(set.value, consensus, input.value.rules);
  if (!facts.ok) throw new Error(facts.error.message);

  const unsigned = await renderReportPdf(input.value, ctx.fonts);
  const pdf = await signPdf(unsigned, { sign: (d) => leader.keys.sign(d), certificate: leaderCert, chain: [root] }, {
    name: leader.facts.name,
    reason: '评审组组长签署现场评审报告',
    location: '郑州',
    signingTime: ctx.clock(),
  });
  await writeFileAtomic(join(ctx.outDir, ctx.panelDir, 'report.pdf'), pdf);
  const [reportBlob] = await prepareBlobs([{ fileName: '现场评审报告.pdf', mediaType: 'application/pdf', bytes: pdf }]);
  const reportText = `${ctx.assignment.applicant.name} 现场评审报告：共识总分 ${formatHundredths(facts.value.totalHundredths)} 分；${RECOMMENDATION_ZH[facts.value.recommendation]}。`;

  const forSigning: ReportForSigningContent = { ...subject, consensus, reportText, report: { ...reportBlob!.ref, mediaType: 'application/pdf' }, signers: others.map((m) => m.card.keyId), sentAt: ctx.clock().toISOString() };
  const rfs = await writePackage({
    type: 'report-for-signing', content: forSigning, blobs: [{ entry: reportBlob!.ref.entry, bytes: pdf }], subject, revision: 1, createdAt: ctx.clock(),
    sender: { name: leader.facts.name, keys: leader.keys }, recipients: [leader.card, ...others.map((m) => m.card)],
  });
  if (!rfs.ok) throw new Error(rfs.error.message);
  await ctx.publish(`${ctx.panelDir}packages/report-for-signing.zqa`, rfs.value.bytes, 'report-for-signing', leader, ctx.members);

  // Each member checks the leader's signature and the hash, then countersigns.
  const countersignatureFiles: { signerKeyId: string; file: string }[] = [];
  for (const [i, m] of others.entries()) {
    const got = await ctx.receive(`${ctx.panelDir}packages/report-for-signing.zqa`, m, ['report-for-signing']);
    const content = got.content as ReportForSigningContent;
    const received = got.blobs.get(content.report.entry)!;
    const checked = await checkSignedReport(received, { sha256: content.report.sha256, leaderSpki, rootCertificate: root });
    if (!checked.ok) throw new Error(`${m.facts.name} refuses the report: ${checked.error}`);
    const cs: CountersignatureContent = {
      ...subject, reportPackageId: rfs.value.manifest.packageId, reportSha256: content.report.sha256, signerKeyId: m.card.keyId,
      signature: toBase64(await countersign(received, (d) => m.keys.sign(d))), agrees: true, comment: '', signedAt: ctx.clock().toISOString(),
    };
    const pkg = await writePackage({ type: 'countersignature', content: cs, subject, revision: 1, createdAt: ctx.clock(), sender: { name: m.facts.name, keys: m.keys }, recipients: [leader.card, ctx.secretariat.card, m.card] });
    if (!pkg.ok) throw new Error(pkg.error.message);
    const file = `${ctx.panelDir}packages/countersignature-${String(i + 2).padStart(2, '0')}-expert.zqa`;
    await ctx.publish(file, pkg.value.bytes, 'countersignature', m, [leader, ctx.secretariat, m]);
    countersignatureFiles.push({ signerKeyId: m.card.keyId, file });
  }

  // The leader finalises only with every countersignature, then returns everything.
  const signatures = new Map<string, Uint8Array>();
  for (const c of countersignatureFiles) {
    const got = await ctx.receive(c.file, leader, ['countersignature']);
    signatures.set(c.signerKeyId, fromBase64((got.content as CountersignatureContent).signature));
  }
  const keys = new Map(ctx.assignment.panel.members.map((m) => [m.keyId, fromBase64(m.signingKey)]));
  const final = await checkFinalisation(pdf, roster, { signatures, keys, excused: new Map() });
  if (!final.ok) throw new Error(`the leader cannot finalise: ${final.error.filter((s) => s.status !== 'countersigned').map((s) => `${s.name} ${s.status}`).join(', ')}`);

  const nested = [
    ...ctx.members.map((m) => ({ kind: 'scoresheet' as const, keyId: m.card.keyId, file: ctx.scoresheetFiles.get(m.card.keyId)! })),
    ...countersignatureFiles.map((c) => ({ kind: 'countersignature' as const, keyId: c.signerKeyId, file: c.file })),
  ];
  const files = [{ fileName: '现场评审报告.pdf', mediaType: 'application/pdf', bytes: pdf }];
  for (const n of nested) files.push({ fileName: n.file.slice(n.file.lastIndexOf('/') + 1), mediaType: 'application/vnd.zqa.package', bytes: new Uint8Array(await readFile(join(ctx.outDir, n.file))) });
  const blobs = await prepareBlobs(files);
  const ref = (i: number) => ({ ...blobs[i]!.ref, mediaType: 'application/vnd.zqa.package' as const });
  const pr = await writePackage({
    type: 'panel-return',
    content: {
      ...subject, consensus, recommendation: facts.value.recommendation, reportText, report: { ...blobs[0]!.ref, mediaType: 'application/pdf' },
      scoresheets: nested.flatMap((n, i) => (n.kind === 'scoresheet' ? [{ expertKeyId: n.keyId, package: ref(i + 1) }] : [])),
      countersignatures: nested.flatMap((n, i) => (n.kind === 'countersignature' ? [{ signerKeyId: n.keyId, package: ref(i + 1) }] : [])),
      returnedAt: ctx.clock().toISOString(),
    },
    blobs: blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject, revision: 1, createdAt: ctx.clock(),
    sender: { name: leader.facts.name, keys: leader.keys }, recipients: [ctx.secretariat.card, leader.card],
  });
  if (!pr.ok) throw new Error(pr.error.message);
  await ctx.publish(`${ctx.panelDir}packages/panel-return.zqa`, pr.value.bytes, 'panel-return', leader, [ctx.secretariat, leader]);
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
