import { panelMemberFromRoster } from '../consensus/from-packages.js';
import type { ConsensusRecord } from '../consensus/consensus-record.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import { prepareBlobs } from '../packages/blobs.js';
import { writePackage, type WrittenPackage } from '../packages/write-package.js';
import { checkFinalisation, type CountersignatureStatus } from '../report/report-checks.js';
import { fromBase64 } from '../util/bytes.js';
import { canonicalJson } from '../util/canonical-json.js';
import { err, ok, type Result } from '../util/result.js';
import { fileNames } from './file-names.js';
import type { Clock } from './ports/clock.js';
import type { KeyHolder } from './ports/keys.js';
import type { SignedReport } from './produce-report.js';
import type { ReceivedCountersignature } from './receive-countersignature.js';
import { fromPackageError, refuse, type WorkflowError } from './workflow-error.js';

/**
 * Assemble the panel return (the leader → the secretariat): the signed report, the consensus
 * it was made from, every member's original scoresheet package and every countersignature
 * package, nested unchanged so the secretariat checks each member's own signature. Refused
 * while a member has neither countersigned this PDF nor a recorded reason, or while the
 * consensus has changed since the report was signed.
 */

/** A member's signed scoresheet package as it reached the leader. */
export interface HeldScoresheet {
  memberKeyId: string;
  memberName: string;
  packageBytes: Uint8Array;
}

type ReportPart = Pick<SignedReport, 'pdf' | 'sha256' | 'consensusJson' | 'reportText' | 'recommendation'>;
type CountersignaturePart = Pick<ReceivedCountersignature, 'signerKeyId' | 'reportSha256' | 'signature' | 'package'>;

/** Each member's countersignature status for the current report, with the reasons recorded for the missing. */
export async function countersignatureStatuses(
  assignment: AssignmentContent,
  report: Pick<SignedReport, 'pdf' | 'sha256'>,
  received: readonly Pick<ReceivedCountersignature, 'signerKeyId' | 'reportSha256' | 'signature'>[],
  excused: Readonly<Record<string, string>>,
): Promise<Result<CountersignatureStatus[], CountersignatureStatus[]>> {
  const current = received.filter((r) => r.reportSha256 === report.sha256);
  return checkFinalisation(report.pdf, assignment.panel.members.map(panelMemberFromRoster), {
    signatures: new Map(current.map((r) => [r.signerKeyId, fromBase64(r.signature)])),
    keys: new Map(assignment.panel.members.map((m) => [m.keyId, fromBase64(m.signingKey)])),
    excused: new Map(Object.entries(excused)),
  });
}

export interface PanelReturnInput {
  assignment: AssignmentContent;
  consensus: ConsensusRecord;
  report: ReportPart;
  scoresheets: readonly HeldScoresheet[];
  countersignatures: readonly CountersignaturePart[];
  /** Member key id → why that member could not countersign. */
  excused: Readonly<Record<string, string>>;
  /** The panel return sent before, so this one supersedes it. */
  previous: { packageId: string; revision: number } | null;
}

export interface PanelReturnPorts {
  keys: KeyHolder;
  clock: Clock;
}

export async function assemblePanelReturn(input: PanelReturnInput, ports: PanelReturnPorts): Promise<Result<{ written: WrittenPackage; revision: number }, WorkflowError>> {
  const a = input.assignment;
  if (canonicalJson(input.consensus) !== input.report.consensusJson) {
    return refuse('mismatch', '报告签署后共识又有改动：请重新生成并签署报告', 'the consensus changed after the report was signed: produce and sign the report again');
  }
  const statuses = await countersignatureStatuses(a, input.report, input.countersignatures, input.excused);
  if (!statuses.ok) {
    const open = statuses.error.filter((s) => s.status === 'missing' || s.status === 'invalid');
    const zh = open.map((s) => `${s.name}（${s.status === 'missing' ? '未会签' : '会签无效'}）`).join('、');
    const en = open.map((s) => `${s.name} (${s.status})`).join(', ');
    return refuse('not-ready', `尚有成员未会签且未记录原因：${zh}`, `not every member has countersigned or been excused: ${en}`);
  }
  if (input.scoresheets.length === 0) return refuse('not-ready', '尚未收到任何成员的评分表', 'no member scoresheet has been received');
  const leader = a.panel.members.find((m) => m.role === 'leader');
  if (!leader) return refuse('mismatch', '评审任务未指定组长', 'the assignment names no leader');
  // In roster order, so every return of the same panel lists its members the same way.
  const order = new Map(a.panel.members.map((m, i) => [m.keyId, i]));
  const sheets = [...input.scoresheets].sort((x, y) => (order.get(x.memberKeyId) ?? 99) - (order.get(y.memberKeyId) ?? 99));
  const current = input.countersignatures.filter((c) => c.reportSha256 === input.report.sha256).sort((x, y) => (order.get(x.signerKeyId) ?? 99) - (order.get(y.signerKeyId) ?? 99));
  const nameOf = (keyId: string) => a.panel.members.find((m) => m.keyId === keyId)?.name ?? keyId;
  const subject = { cycleId: a.cycle.id, applicantId: a.applicant.id, panelId: a.panel.id };
  const blobs = await prepareBlobs([
    { fileName: fileNames.reportEntry, mediaType: 'application/pdf', bytes: input.report.pdf },
    ...sheets.map((s) => ({ fileName: fileNames.nestedScoresheet(s.memberName), mediaType: 'application/vnd.zqa.package', bytes: s.packageBytes })),
    ...current.map((c) => ({ fileName: fileNames.nestedCountersignature(nameOf(c.signerKeyId)), mediaType: 'application/vnd.zqa.package', bytes: c.package })),
  ]);
  const nested = (i: number) => ({ ...blobs[i]!.ref, mediaType: 'application/vnd.zqa.package' as const });
  const now = ports.clock.now();
  const revision = (input.previous?.revision ?? 0) + 1;
  const written = await writePackage({
    type: 'panel-return',
    content: {
      ...subject,
      consensus: input.consensus,
      // The recommendation the panel signed in its report, under the assignment's rules.
      recommendation: input.report.recommendation,
      reportText: input.report.reportText,
      report: { ...blobs[0]!.ref, mediaType: 'application/pdf' },
      scoresheets: sheets.map((s, i) => ({ expertKeyId: s.memberKeyId, package: nested(1 + i) })),
      countersignatures: current.map((c, i) => ({ signerKeyId: c.signerKeyId, package: nested(1 + sheets.length + i) })),
      // Who could not countersign, with the reason recorded: signed by the leader with the return.
      absences: statuses.value.filter((s) => s.status === 'excused').map((s) => ({ memberKeyId: s.memberId, reason: s.reason ?? '', recordedAt: now.toISOString() })),
      returnedAt: now.toISOString(),
    },
    blobs: blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
    subject,
    revision,
    supersedes: input.previous?.packageId ?? null,
    createdAt: now,
    sender: { name: leader.name, keys: ports.keys },
    recipients: [a.secretariat, leader],
  });
  return written.ok ? ok({ written: written.value, revision }) : err(fromPackageError(written.error));
}
