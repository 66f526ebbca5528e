import { useLiveQuery } from 'dexie-react-hooks';
import { readBackupHead, type BackupHead } from '../../../../../shared/backup/backup-head.js';
import { bs } from '../../../../../shared/crypto/buffer-source.js';
import { getDatabase } from '../../../db/database.js';
import { getHost } from '../../../host/get-host.js';
import { HostFileError, pickSource, saveThroughSink, type HandleSource } from '../../../host/handle-stream.js';
import type { BridgeError, BridgeResult } from '../../../../../shared/bridge/contract.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import { thisDeviceAsBackupSigner } from './backup-signer.js';
import type { BackupContents } from '../../../../../shared/backup/backup-format.js';
import { createDatabaseBackup, openDatabaseBackup, restoreDatabase, type RestoreError } from './database-backup.js';

export type { RestoreError } from './database-backup.js';

// The backup page's store: the whole-database backup and its restore on this device's
// database, the secretariat's key backup through the host, and the files. Its screens touch
// neither the database nor the host except through these.

/** This device's role (a device without a profile counts as an expert's); undefined while read. */
export const useDeviceRole = () => useLiveQuery(async () => (await getDatabase().deviceProfile.get('device'))?.role ?? 'expert');

/**
 * The whole database (and the settings) encrypted with the passphrase, signed by this device,
 * written to the file the person chooses a chunk at a time (format version 3): the page holds
 * the rows and a chunk, the host a slice, whatever the photos weigh. The file is in place only
 * when every slice was written and flushed; a failed save, or a row that cannot be stored,
 * leaves nothing (the latter throws, with the row's path). `null` when the person cancels.
 */
export async function saveDatabaseBackup(suggestedName: string, passphrase: string, settings: unknown, now: Date): Promise<BridgeResult<{ savedAs: string; size: number } | null>> {
  const db = getDatabase();
  const device = await thisDeviceAsBackupSigner(db);
  const saved = await saveThroughSink(getHost().files, { kind: 'backup', suggestedName }, async (sink): Promise<Result<number, never>> => ok(await createDatabaseBackup(db, passphrase, settings, device, sink, now)));
  return saved.ok ? ok(saved.value && { savedAs: saved.value.savedAs, size: saved.value.value }) : saved;
}

/** A backup file chosen, its signature checked, kept open (read a slice at a time) until restored or dropped. */
export interface ChosenBackup {
  name: string;
  head: BackupHead;
  source: HandleSource;
}

/** A backup refused (its own code), or a file the host could not read. */
export type BackupFault = { backup: RestoreError } | { file: BridgeError };

/** Runs a step that reads the chosen file: a read the host refuses becomes a file fault. */
async function reading<T>(run: () => Promise<Result<T, RestoreError>>): Promise<Result<T, BackupFault>> {
  try {
    const result = await run();
    return result.ok ? result : err({ backup: result.error });
  } catch (e) {
    if (e instanceof HostFileError) return err({ file: e.error });
    throw e;
  }
}

/**
 * Asks for a backup file and checks what it is and who signed it, before any passphrase: an
 * unsigned, altered or foreign file stops here. `null` when the person cancels. The file stays
 * open for the restore: close it with `dropChosenBackup`.
 */
export async function chooseBackupFile(): Promise<Result<ChosenBackup | null, BackupFault>> {
  const picked = await pickSource(getHost().files, 'backup');
  if (!picked.ok) return err({ file: picked.error });
  const source = picked.value;
  if (!source) return ok(null);
  const head = await reading(() => readBackupHead(source));
  if (!head.ok) {
    await source.close().catch(() => undefined);
    return head;
  }
  return ok({ name: source.name, head: head.value, source });
}

export const dropChosenBackup = (chosen: ChosenBackup) => chosen.source.close().catch(() => undefined);

/** Decrypts and checks the chosen backup against this database's schema, entry by entry; changes nothing. */
export const openBackup = (chosen: ChosenBackup, passphrase: string) => reading(() => openDatabaseBackup(getDatabase(), chosen.source, chosen.head, passphrase));

/** Replaces everything on this device with an opened backup, all or nothing. */
export const restoreBackup = (contents: BackupContents) => restoreDatabase(getDatabase(), contents);

/** The secretariat's keys, encrypted with the passphrase, saved by the host (only on its device). */
export const exportKeyBackup = (passphrase: string) => getHost().keys.exportBackup({ passphrase });
export const openKeyBackupFile = () => getHost().files.open({ kind: 'key-backup' });
export const restoreKeyBackup = (passphrase: string, bytes: Uint8Array) => getHost().keys.restoreBackup({ passphrase, bytes: bs(bytes) });
