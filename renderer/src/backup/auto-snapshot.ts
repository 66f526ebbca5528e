import { Dexie } from 'dexie';
import type { BackupContents } from '../../../shared/backup/backup-format.js';
import { readU32, writeU32 } from '../../../shared/backup/backup-format.js';
import { concatBytes } from '../../../shared/util/bytes.js';
import { decodeBackupPlaintext } from '../../../shared/backup/open-backup.js';
import { bs } from '../../../shared/crypto/buffer-source.js';
import { encodeBackupPlaintext } from '../../../shared/backup/seal-backup.js';
import type { ZqaDatabase } from '../db/database.js';
import { snapshotDatabase } from './database-backup.js';
import { holdsData } from './wipe-guard.js';

/**
 * An automatic snapshot of the whole database, kept outside IndexedDB (in the origin-private
 * file system, which Chromium stores apart from it), for the day Chromium deletes a store it
 * finds corrupted after a crash (wipe-guard.ts): the wipe notice then offers it.
 *
 * The snapshot is the backup's plaintext (every table, Blobs byte for byte, a SHA-256 per
 * table and per byte section) behind a small header, not encrypted: it sits next to the
 * IndexedDB store it copies, in the same profile, with the same protection (none of its own;
 * docs/promises.md C5). Written with createWritable, which replaces the file only on close:
 * a crash mid-write leaves the previous snapshot.
 *
 * When: once changes pause for a few seconds (at most half a minute after the first one not
 * yet in a snapshot), but no sooner than a minute after the last snapshot, or fifty times as
 * long as it took, whichever is later: a large review (hundreds of MB of photos) costs a few
 * percent of one core at most. Never of a database holding no data, so an emptied one cannot
 * overwrite a good snapshot.
 */
const FILE = 'zqa-auto-snapshot.bin';
const MAGIC = new TextEncoder().encode('ZQASNAP1');
const QUIET_MS = 3_000;
const MAX_WAIT_MS = 30_000;
const MIN_INTERVAL_MS = 60_000;
const COST_FACTOR = 50;

export async function encodeSnapshot(contents: BackupContents): Promise<Uint8Array> {
  const version = new Uint8Array(4);
  writeU32(version, 0, contents.schemaVersion);
  return concatBytes([MAGIC, version, await encodeBackupPlaintext(contents)]);
}

/** The snapshot's contents, or null when the bytes are not a whole, undamaged snapshot this program can read. */
export async function decodeSnapshot(bytes: Uint8Array, maxSchemaVersion: number): Promise<BackupContents | null> {
  if (bytes.byteLength < MAGIC.length + 4 || MAGIC.some((b, i) => bytes[i] !== b)) return null;
  const schemaVersion = readU32(bytes, MAGIC.length);
  if (schemaVersion > maxSchemaVersion) return null;
  const decoded = await decodeBackupPlaintext(bytes.subarray(MAGIC.length + 4), schemaVersion);
  return decoded.ok ? decoded.value : null;
}

async function directory(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await navigator.storage.getDirectory();
  } catch {
    return null;
  }
}

/** Writes a snapshot of `db` if it holds data; whether one was written. */
export async function writeSnapshot(db: ZqaDatabase, now = new Date()): Promise<boolean> {
  if (!(await holdsData(db))) return false;
  const dir = await directory();
  if (!dir) return false;
  const bytes = await encodeSnapshot(await snapshotDatabase(db, null, now));
  const writable = await (await dir.getFileHandle(FILE, { create: true })).createWritable();
  try {
    await writable.write(bs(bytes));
    await writable.close();
  } catch (e) {
    await writable.abort().catch(() => undefined);
    throw e;
  }
  return true;
}

/** The kept snapshot, or null when there is none or it cannot be read. */
export async function readSnapshot(db: ZqaDatabase): Promise<BackupContents | null> {
  const dir = await directory();
  if (!dir) return null;
  try {
    const file = await (await dir.getFileHandle(FILE)).getFile();
    return await decodeSnapshot(new Uint8Array(await file.arrayBuffer()), db.verno);
  } catch {
    return null;
  }
}

let started = false;

/**
 * Snapshots `db` after its changes, on the schedule above. Once per page; the caller starts
 * it only when the database was not found emptied at start (the snapshot is what would
 * restore it).
 */
export function startAutoSnapshots(db: ZqaDatabase): void {
  if (started) return;
  started = true;
  let timer: number | undefined;
  let firstUnsavedAt = 0;
  let last = { at: 0, tookMs: 0 };
  const run = async () => {
    timer = undefined;
    firstUnsavedAt = 0;
    const begun = performance.now();
    try {
      await writeSnapshot(db);
    } catch {
      // A failed snapshot (storage full) leaves the previous one; the next change tries again.
    }
    // User Timing: the benchmark reports what a snapshot costs.
    performance.measure('zqa:snapshot', { start: begun, end: performance.now() });
    last = { at: Date.now(), tookMs: performance.now() - begun };
  };
  const onChange = () => {
    const now = Date.now();
    if (firstUnsavedAt === 0) firstUnsavedAt = now;
    const settled = Math.min(now + QUIET_MS, firstUnsavedAt + MAX_WAIT_MS);
    const allowed = last.at === 0 ? 0 : last.at + Math.max(MIN_INTERVAL_MS, COST_FACTOR * last.tookMs);
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), Math.max(settled, allowed) - now);
  };
  const prefix = `idb://${db.name}/`;
  // Dexie reports every committed change of this page (and of the app's other pages).
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((p) => p.startsWith(prefix))) onChange();
  });
}
