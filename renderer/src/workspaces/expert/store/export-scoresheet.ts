import { Dexie } from 'dexie';
import type { BridgeResult } from '../../../../../shared/bridge/contract.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ExpertWork } from '../../../../../shared/workflow/build-scoresheet.js';
import { exportScoresheet as exportStep } from '../../../../../shared/workflow/export-scoresheet.js';
import type { KeyHolder } from '../../../../../shared/workflow/ports/keys.js';
import type { WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../../db/database.js';
import { readScoresheet, type ScoresheetSnapshot } from './scoresheet-snapshot.js';
import { importIncoming } from '../../../packages/incoming.js';

export type SaveFile = (suggestedName: string, bytes: Uint8Array) => Promise<BridgeResult<{ savedAs: string } | null>>;

export interface ExportOptions {
  keys: KeyHolder;
  deviceKeyId: string;
  save: SaveFile;
  now?: Date;
}

export type ExportOutcome = { kind: 'saved'; revision: number; savedAs: string } | { kind: 'cancelled' };

/** Why nothing was exported: a demo review (no keys to send to), or what the step or the save refused. */
export type ExportFailure = { kind: 'no-assignment' } | { kind: 'failed'; error: WorkflowError };

/** The expert's work as the shared step reads it: the stored snapshot, attachments as bytes, observations with their photos. */
async function workOf(snapshot: ScoresheetSnapshot): Promise<ExpertWork> {
  const attachments = await Promise.all(
    snapshot.attachments.map(async (a) => ({ id: a.id, name: a.name, type: a.type, bytes: new Uint8Array(await a.blob.arrayBuffer()), caption: a.caption, itemId: a.itemId })),
  );
  // An observation lists the photos linked to it (attachment records name their observation).
  const notes = snapshot.notes.map((n) => (n.kind === 'observation' ? { ...n, attachmentIds: snapshot.attachments.filter((a) => a.observationId === n.id).map((a) => a.id) } : n));
  return { ...snapshot, notes, attachments };
}

const failed = (en: string, zh: string): Result<never, ExportFailure> => err({ kind: 'failed', error: { code: 'not-ready', zh, en } });

/**
 * The expert's own scoresheet from this device: the stored work read in one transaction, the
 * shared step writes the package (shared/workflow/export-scoresheet.ts), the host saves it.
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
    { work: await workOf(snapshot), assignment: assignment.content, previous: last ? { packageId: last.packageId, revision: last.revision } : null },
    { keys: options.keys, clock: { now: () => now }, myKeyId: options.deviceKeyId },
  );
  if (!exported.ok) return err({ kind: 'failed', error: exported.error });
  const { written, revision, manifestSha256, fileName } = exported.value;
  const saved = await options.save(fileName, written.bytes);
  if (!saved.ok) return failed(saved.error.message, `文件未保存：${saved.error.message}`);
  if (!saved.value) return ok({ kind: 'cancelled' });
  await db.scoresheetExports.add({ reviewId, revision, packageId: written.manifest.packageId, manifestSha256, exportedAt: now.toISOString(), savedAs: saved.value.savedAs });
  const leader = assignment.content.panel.members.find((m) => m.role === 'leader');
  if (leader?.keyId === options.deviceKeyId) {
    // The leader's own sheet joins the members' ones exactly as theirs do: verified, then applied.
    await importIncoming({ db, keys: options.keys, keyId: options.deviceKeyId, now: () => now, fileName }, written.bytes, ['scoresheet']);
  }
  return ok({ kind: 'saved', revision, savedAs: saved.value.savedAs });
}
