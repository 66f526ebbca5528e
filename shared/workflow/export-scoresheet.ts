import type { AssignmentContent } from '../packages/content/assignment.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { writePackage, type WrittenPackage } from '../packages/write-package.js';
import { sha256Hex } from '../util/bytes.js';
import { canonicalJsonBytes } from '../util/canonical-json.js';
import { err, ok, type Result } from '../util/result.js';
import { buildScoresheet, type ExpertWork } from './build-scoresheet.js';
import { fileNames } from './file-names.js';
import type { Clock } from './ports/clock.js';
import type { KeyHolder } from './ports/keys.js';
import { fromPackageError, refuse, type WorkflowError } from './workflow-error.js';

/**
 * Export a scoresheet (an expert → the leader, readable by the secretariat): the expert's work
 * as a `scoresheet` package, encrypted to the panel's leader, the secretariat and this device
 * (to reread it), signed by the device, one revision more than the last export. Nothing is
 * recorded here: only a file that was really saved counts as exported, so the caller records
 * it after the save.
 */
export interface ScoresheetExportInput {
  work: ExpertWork;
  assignment: AssignmentContent;
  /** The last export of this review, so this one supersedes it. */
  previous: { packageId: string; revision: number } | null;
}

export interface ScoresheetExportPorts {
  keys: KeyHolder;
  clock: Clock;
  /** This device's key id: it must be on the roster. */
  myKeyId: string;
}

export interface ExportedScoresheet {
  content: ScoresheetContent;
  written: WrittenPackage;
  revision: number;
  /** SHA-256 of manifest.json: the id the leader's device stores it under. */
  manifestSha256: string;
  fileName: string;
}

export async function exportScoresheet(input: ScoresheetExportInput, ports: ScoresheetExportPorts): Promise<Result<ExportedScoresheet, WorkflowError>> {
  const { assignment } = input;
  const roster = assignment.panel.members;
  const me = roster.find((m) => m.keyId === ports.myKeyId);
  const leader = roster.find((m) => m.role === 'leader');
  if (!me || !leader) return refuse('not-allowed', '本设备不在该评审组名单中', 'this device is not on the panel’s roster');
  const now = ports.clock.now();
  const built = await buildScoresheet(input.work, assignment, me.keyId, now);
  if (!built.ok) return built;
  const revision = (input.previous?.revision ?? 0) + 1;
  const recipients = [leader, assignment.secretariat, me].filter((r, i, all) => all.findIndex((x) => x.keyId === r.keyId) === i);
  const written = await writePackage({
    type: 'scoresheet',
    content: built.value.content,
    blobs: built.value.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
    subject: { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id },
    revision,
    supersedes: input.previous?.packageId ?? null,
    createdAt: now,
    sender: { name: me.name, keys: ports.keys },
    recipients,
  });
  if (!written.ok) return err(fromPackageError(written.error));
  return ok({
    content: built.value.content,
    written: written.value,
    revision,
    manifestSha256: await sha256Hex(canonicalJsonBytes(written.value.manifest)),
    fileName: fileNames.scoresheet(assignment.applicant.name, me.name, revision),
  });
}
