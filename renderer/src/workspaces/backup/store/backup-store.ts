import { useLiveQuery } from 'dexie-react-hooks';
import { bs } from '../../../../../shared/crypto/buffer-source.js';
import { getDatabase } from '../../../db/database.js';
import { getHost } from '../../../host/get-host.js';
import { HostFileError, pickSource, saveThroughSink } from '../../../host/handle-stream.js';
import type { BridgeResult, OpenedFile } from '../../../../../shared/bridge/contract.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import { thisDeviceAsBackupSigner } from './backup-signer.js';
import type { BackupContents } from '../../../../../shared/backup/backup-format.js';
import { createDatabaseBackup, openDatabaseBackup, restoreDatabase } from './database-backup.js';

export type { RestoreError } from './database-backup.js';

// The backup page's store: the whole-database backup and its restore on this device's
// database, the secretariat's key backup through the host, and the files. Its screens touch
// neither the database nor the host except through these.

/** This device's role (a device without a profile counts as an expert's); undefined while read. */
export const useDeviceRole = () => useLiveQuery(async () => (await getDatabase().deviceProfile.get('device'))?.role ?? 'expert');

/** The whole database (and the settings) encrypted with the passphrase, signed by this device. */
export async function makeDatabaseBackup(passphrase: string, settings: unknown, now: Date): Promise<Uint8Array> {
  const db = getDatabase();
  return createDatabaseBackup(db, passphrase, settings, await thisDeviceAsBackupSigner(db), now);
}

/**
 * Saved through the host a slice at a time (renderer/src/host/handle-stream.ts): the host never
 * holds the whole backup, and no limit of a single bridge call caps the database's size. The
 * file is in place only when every slice was written and flushed; a failed save leaves nothing.
 */
export async function saveBackupFile(suggestedName: string, bytes: Uint8Array): Promise<BridgeResult<{ savedAs: string } | null>> {
  const saved = await saveThroughSink(getHost().files, { kind: 'backup', suggestedName }, async (sink): Promise<Result<null, never>> => {
    await sink.write(bytes);
    return ok(null);
  });
  return saved.ok ? ok(saved.value && { savedAs: saved.value.savedAs }) : saved;
}

/** The chosen backup read a slice at a time (the format opens whole, so it is one array here, never two). */
export async function openBackupFile(): Promise<BridgeResult<OpenedFile | null>> {
  const picked = await pickSource(getHost().files, 'backup');
  if (!picked.ok || !picked.value) return picked as BridgeResult<null>;
  const source = picked.value;
  try {
    return ok({ name: source.name, bytes: await source.read(0, source.size) });
  } catch (e) {
    if (e instanceof HostFileError) return err(e.error);
    throw e;
  } finally {
    await source.close().catch(() => undefined);
  }
}

/** Decrypts and checks a backup against this database's schema; changes nothing. */
export const openBackup = (bytes: Uint8Array, passphrase: string) => openDatabaseBackup(getDatabase(), bytes, passphrase);

/** Replaces everything on this device with an opened backup, all or nothing. */
export const restoreBackup = (contents: BackupContents) => restoreDatabase(getDatabase(), contents);

/** The secretariat's keys, encrypted with the passphrase, saved by the host (only on its device). */
export const exportKeyBackup = (passphrase: string) => getHost().keys.exportBackup({ passphrase });
export const openKeyBackupFile = () => getHost().files.open({ kind: 'key-backup' });
export const restoreKeyBackup = (passphrase: string, bytes: Uint8Array) => getHost().keys.restoreBackup({ passphrase, bytes: bs(bytes) });
