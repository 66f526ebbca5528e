import { Dexie } from 'dexie';
import type { BridgeResult } from '../../../shared/bridge/contract.js';
import type { KeyHolder } from '../../../shared/crypto/key-holder.js';
import { writePackage } from '../../../shared/packages/write-package.js';
import { sha256Hex } from '../../../shared/util/bytes.js';
import { canonicalJsonBytes } from '../../../shared/util/canonical-json.js';
import { err, ok, type Result } from '../../../shared/util/result.js';
import type { ZqaDatabase } from '../db/database.js';
import { readScoresheet } from '../db/scoresheet-snapshot.js';
import { importPackageFile } from './import-package-file.js';
import { scoresheetContentFrom } from './scoresheet-content.js';

export type SaveFile = (suggestedName: string, bytes: Uint8Array) => Promise<BridgeResult<{ savedAs: string } | null>>;

export interface ExportOptions {
  keys: KeyHolder;
  deviceKeyId: string;
  senderName: string;
  save: SaveFile;
  now?: Date;
}

export type ExportOutcome = { kind: 'saved'; revision: number; savedAs: string } | { kind: 'cancelled' };

/** Why nothing was exported: a demo review (no keys to send to), or a message saying what failed. */
export type ExportFailure = { kind: 'no-assignment' } | { kind: 'failed'; message: string };

/** A plain file name for the package (the bridge refuses folders and Windows' forbidden characters). */
export function scoresheetFileName(applicant: string, expert: string, revision: number): string {
  const clean = (s: string) => [...s.replace(/[/\\:*?"<>|]/g, '_')].filter((c) => c.charCodeAt(0) >= 0x20).join('').slice(0, 60);
  return `评分表-${clean(applicant)}-${clean(expert)}-第${revision}版.zqa`;
}

/**
 * Exports the expert's own scoresheet as a `scoresheet` package: encrypted to the panel
 * leader, the secretariat and this device (to reread it), signed by the device, revision one
 * more than the last export. Only a saved file counts: when the person cancels the dialog
 * nothing is recorded and the revision is not used up. On the leader's own device the
 * leader's sheet is also stored with the members' ones, through the same import.
 */
export async function exportScoresheet(db: ZqaDatabase, reviewId: string, options: ExportOptions): Promise<Result<ExportOutcome, ExportFailure>> {
  const now = options.now ?? new Date();
  const assignment = await db.panelAssignments.get(reviewId);
  if (!assignment) return err({ kind: 'no-assignment' });
  const snapshot = await readScoresheet(db, reviewId);
  if (!snapshot) return err({ kind: 'failed', message: `review ${reviewId} does not exist` });
  const roster = assignment.content.panel.members;
  const me = roster.find((m) => m.keyId === options.deviceKeyId);
  const leader = roster.find((m) => m.role === 'leader');
  if (!me || !leader) return err({ kind: 'failed', message: 'this device is not on the panel’s roster' });
  let built;
  try {
    built = await scoresheetContentFrom(snapshot, assignment.content, options.deviceKeyId, now);
  } catch (e) {
    return err({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
  const last = await db.scoresheetExports.where('[reviewId+revision]').between([reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]).last();
  const revision = (last?.revision ?? 0) + 1;
  const recipients = [leader, assignment.content.secretariat, me].filter((r, i, all) => all.findIndex((x) => x.keyId === r.keyId) === i);
  const written = await writePackage({
    type: 'scoresheet',
    content: built.content,
    blobs: built.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
    subject: { cycleId: assignment.content.cycle.id, applicantId: assignment.content.applicant.id, panelId: assignment.panelId },
    revision,
    supersedes: last?.packageId ?? null,
    createdAt: now,
    sender: { name: options.senderName, keys: options.keys },
    recipients,
  });
  if (!written.ok) return err({ kind: 'failed', message: written.error.message });
  const saved = await options.save(scoresheetFileName(assignment.content.applicant.name, options.senderName, revision), written.value.bytes);
  if (!saved.ok) return err({ kind: 'failed', message: saved.error.message });
  if (!saved.value) return ok({ kind: 'cancelled' });
  // manifest.json holds exactly the manifest's canonical bytes, so this is the id receivers store it under.
  const manifestSha256 = await sha256Hex(canonicalJsonBytes(written.value.manifest));
  await db.scoresheetExports.add({ reviewId, revision, packageId: written.value.manifest.packageId, manifestSha256, exportedAt: now.toISOString(), savedAs: saved.value.savedAs });
  if (leader.keyId === options.deviceKeyId) {
    // The leader's own sheet joins the members' ones exactly as theirs do: verified, then applied.
    await importPackageFile(db, written.value.bytes, { keys: options.keys, accept: ['scoresheet'], deviceKeyId: options.deviceKeyId, now });
  }
  return ok({ kind: 'saved', revision, savedAs: saved.value.savedAs });
}
