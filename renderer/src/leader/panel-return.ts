import { panelMemberFromRoster } from '../../../shared/consensus/from-packages.js';
import type { ConsensusRecord } from '../../../shared/consensus/consensus-record.js';
import type { KeyHolder } from '../../../shared/crypto/key-holder.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import { prepareBlobs } from '../../../shared/packages/blobs.js';
import { writePackage, type WrittenPackage } from '../../../shared/packages/write-package.js';
import { checkFinalisation, type CountersignatureStatus } from '../../../shared/report/report-checks.js';
import { fromBase64 } from '../../../shared/util/bytes.js';
import { canonicalJson } from '../../../shared/util/canonical-json.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import type { ReceivedCountersignatureRecord, ReportArtefactRecord } from './leader-records.js';
import { REPORT_FILE_NAME } from './report-production.js';

/** A member's original signed scoresheet package, nested unchanged in the return. */
export interface NestedScoresheet {
  memberKeyId: string;
  memberName: string;
  packageBytes: Uint8Array;
}

/** Each member's countersignature status for the current report, with reasons recorded for the missing. */
export async function countersignatureStatuses(
  assignment: AssignmentContent,
  report: ReportArtefactRecord,
  received: readonly ReceivedCountersignatureRecord[],
  excused: Readonly<Record<string, string>>,
): Promise<Result<CountersignatureStatus[], CountersignatureStatus[]>> {
  const current = received.filter((r) => r.reportSha256 === report.sha256);
  return checkFinalisation(report.pdf, assignment.panel.members.map(panelMemberFromRoster), {
    signatures: new Map(current.map((r) => [r.signerKeyId, fromBase64(r.signature)])),
    keys: new Map(assignment.panel.members.map((m) => [m.keyId, fromBase64(m.signingKey)])),
    excused: new Map(Object.entries(excused)),
  });
}

export interface PanelReturnRequest {
  assignment: AssignmentContent;
  consensus: ConsensusRecord;
  report: ReportArtefactRecord;
  scoresheets: readonly NestedScoresheet[];
  countersignatures: readonly ReceivedCountersignatureRecord[];
  excused: Readonly<Record<string, string>>;
  revision: number;
  supersedes: string | null;
  leaderName: string;
  keys: KeyHolder;
  now: Date;
}

/**
 * The panel return (leader → secretariat): the signed report, the consensus it was made
 * from, every member's original scoresheet package and every countersignature package. It
 * is refused while a member has neither countersigned this PDF nor a recorded reason, or
 * while the consensus has changed since the report was signed.
 */
export async function buildPanelReturn(req: PanelReturnRequest): Promise<Result<WrittenPackage, string>> {
  if (canonicalJson(req.consensus) !== req.report.consensusJson) return err('the consensus changed after the report was signed: produce and sign the report again');
  const statuses = await countersignatureStatuses(req.assignment, req.report, req.countersignatures, req.excused);
  if (!statuses.ok) {
    const open = statuses.error.filter((s) => s.status === 'missing' || s.status === 'invalid').map((s) => `${s.name}（${s.status === 'missing' ? '未会签' : '会签无效'}）`);
    return err(`not every member has countersigned or been excused: ${open.join('、')}`);
  }
  if (req.scoresheets.length === 0) return err('no member scoresheet has been received');
  const current = req.countersignatures.filter((c) => c.reportSha256 === req.report.sha256);
  const a = req.assignment;
  const subject = { cycleId: a.cycle.id, applicantId: a.applicant.id, panelId: a.panel.id };
  const files = [
    { fileName: REPORT_FILE_NAME, mediaType: 'application/pdf', bytes: req.report.pdf },
    ...req.scoresheets.map((s) => ({ fileName: `评分表-${s.memberName}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: s.packageBytes })),
    ...current.map((c) => ({ fileName: `会签-${a.panel.members.find((m) => m.keyId === c.signerKeyId)?.name ?? c.signerKeyId}.zqa`, mediaType: 'application/vnd.zqa.package', bytes: c.package })),
  ];
  const blobs = await prepareBlobs(files);
  const nested = (i: number) => ({ ...blobs[i]!.ref, mediaType: 'application/vnd.zqa.package' as const });
  const written = await writePackage({
    type: 'panel-return',
    content: {
      ...subject,
      consensus: req.consensus,
      recommendation: req.report.recommendation,
      reportText: withExcuses(req.report.reportText, statuses.value),
      report: { ...blobs[0]!.ref, mediaType: 'application/pdf' },
      scoresheets: req.scoresheets.map((s, i) => ({ expertKeyId: s.memberKeyId, package: nested(1 + i) })),
      countersignatures: current.map((c, i) => ({ signerKeyId: c.signerKeyId, package: nested(1 + req.scoresheets.length + i) })),
      returnedAt: req.now.toISOString(),
    },
    blobs: blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
    subject,
    revision: req.revision,
    supersedes: req.supersedes,
    createdAt: req.now,
    sender: { name: req.leaderName, keys: req.keys },
    recipients: [a.secretariat, ...a.panel.members.filter((m) => m.role === 'leader')],
  });
  return written.ok ? ok(written.value) : err(written.error.message);
}

/** The return's content has no field for excuses, so the reasons travel in its signed text. */
function withExcuses(text: string, statuses: readonly CountersignatureStatus[]): string {
  const excused = statuses.filter((s) => s.status === 'excused');
  if (excused.length === 0) return text;
  return `${text}\n未会签成员及原因：${excused.map((s) => `${s.name}（${s.reason ?? ''}）`).join('；')}。`;
}
