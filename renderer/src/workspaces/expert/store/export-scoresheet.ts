import { Dexie } from 'dexie';
import type { BridgeError } from '../../../../../shared/bridge/contract.js';
import { teeSink, type ByteSink } from '../../../../../shared/packages/stream/byte-io.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ExpertWork } from '../../../../../shared/workflow/build-scoresheet.js';
import { exportScoresheet as exportStep, type WrittenScoresheet } from '../../../../../shared/workflow/export-scoresheet.js';
import type { KeyHolder } from '../../../../../shared/workflow/ports/keys.js';
import type { WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../../db/database.js';
import { BlobSink, blobSource } from '../../../host/blob-stream.js';
import { readScoresheet, type ScoresheetSnapshot } from './scoresheet-snapshot.js';
import { importIncoming } from '../../../packages/incoming.js';

type WritePackage = (sink: ByteSink) => Promise<Result<WrittenScoresheet, WorkflowError>>;

/**
 * Asks where to save `suggestedName` and runs `write` into the file (renderer/src/host/
 * handle-stream.ts: saveThroughSink over the host's file handles), keeping it only when `write`
 * returns ok; `null` when the person cancels.
 */
export type SaveInto = (suggestedName: string, write: WritePackage) => Promise<Result<{ savedAs: string; value: WrittenScoresheet } | null, WorkflowError | BridgeError>>;

export interface ExportOptions {
  keys: KeyHolder;
  deviceKeyId: string;
  saveInto: SaveInto;
  now?: Date;
}

export type ExportOutcome = { kind: 'saved'; revision: number; savedAs: string } | { kind: 'cancelled' };

/** Why nothing was exported: a demo review (no keys to send to), or what the step or the save refused. */
export type ExportFailure = { kind: 'no-assignment' } | { kind: 'failed'; error: WorkflowError };

/**
 * The expert's work as the shared step reads it: the stored snapshot, observations with their
 * photos, each photo as its Blob read a slice at a time with the SHA-256 stored beside it (the
 * writer checks it as it reads, so a photo changed since is refused, not sent).
 */
function workOf(snapshot: ScoresheetSnapshot): ExpertWork {
  const attachments = snapshot.attachments.map((a) => ({ id: a.id, name: a.name, type: a.type, source: blobSource(a.blob), sha256: a.sha256, caption: a.caption, itemId: a.itemId }));
  // An observation lists the photos linked to it (attachment records name their observation).
  const notes = snapshot.notes.map((n) => (n.kind === 'observation' ? { ...n, attachmentIds: snapshot.attachments.filter((a) => a.observationId === n.id).map((a) => a.id) } : n));
  return { ...snapshot, notes, attachments };
}

const failed = (en: string, zh: string): Result<never, ExportFailure> => err({ kind: 'failed', error: { code: 'not-ready', zh, en } });

/**
 * The expert's own scoresheet from this device: the stored work read in one transaction, the
 * shared step (shared/workflow/export-scoresheet.ts) streams the package into the file the host
 * saves, a chunk at a time, so neither the page nor the host ever holds it whole.
 * Only a saved file counts: when the person cancels the dialog nothing is recorded and the
 * revision is not used up. On the leader's own device the leader's sheet also joins the
 * members' ones, through the same import.
 */
export async function exportScoresheet(db: ZqaDatabase, reviewId: string, options: ExportOptions): Promise<Result<ExportOutcome, ExportFailure>> {
  const now = options.now ?? new Date();
  const assignment = await db.panelAssignments.get(reviewId);
  if (!assignment) return err({ kind: 'no-assignment' });
  const snapshot = await readScoresheet(db, reviewId);
  if (!snapshot) return failed(`review ${reviewId} does not exist`, `评审 ${reviewId} 不存在`);
  const last = await db.scoresheetExports.where('[reviewId+revision]').between([reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]).last();
  const exported = await exportStep(
    { work: workOf(snapshot), assignment: assignment.content, previous: last ? { packageId: last.packageId, revision: last.revision } : null },
    { keys: options.keys, clock: { now: () => now }, myKeyId: options.deviceKeyId },
  );
  if (!exported.ok) return err({ kind: 'failed', error: exported.error });
  const { write, revision, fileName } = exported.value;
  // The leader's own sheet joins the members' ones exactly as theirs do (verified, then applied),
  // so the leader's device keeps what it saved: a Blob, written beside the file.
  const isLeader = assignment.content.panel.members.find((m) => m.role === 'leader')?.keyId === options.deviceKeyId;
  const kept = isLeader ? new BlobSink() : null;
  const saved = await options.saveInto(fileName, (sink) => write(kept ? teeSink(sink, kept) : sink));
  if (!saved.ok) {
    if ('zh' in saved.error) return err({ kind: 'failed', error: saved.error });
    return failed(saved.error.message, `文件未保存：${saved.error.message}`);
  }
  if (!saved.value) return ok({ kind: 'cancelled' });
  const { manifest, manifestSha256 } = saved.value.value;
  await db.scoresheetExports.add({ reviewId, revision, packageId: manifest.packageId, manifestSha256, exportedAt: now.toISOString(), savedAs: saved.value.savedAs });
  if (kept) await importIncoming({ db, keys: options.keys, keyId: options.deviceKeyId, now: () => now, fileName }, kept.blob, ['scoresheet']);
  return ok({ kind: 'saved', revision, savedAs: saved.value.savedAs });
}
