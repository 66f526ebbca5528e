import { Alert, Button, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupContents } from '../../../shared/backup/backup-format.js';
import { getDatabase } from '../db/database.js';
import { showWorkspace } from '../identity/workspace-choice.js';
import { readSnapshot, startAutoSnapshots } from './auto-snapshot.js';
import { restoreDatabase } from './database-backup.js';
import { acknowledgeWipedDatabase, detectWipedDatabase, markHeldData } from './wipe-guard.js';
import { formatDateTime } from '../ui/common/date-time.js';

interface Wiped {
  heldDataAt: string;
  snapshot: BackupContents | null;
}

/**
 * Says so when the database was emptied behind the app's back (wipe-guard.ts) and offers the
 * automatic snapshot; otherwise starts the automatic snapshots (auto-snapshot.ts).
 * Mounted with the shell; `hidden` on the backup page, where the person is restoring.
 */
export function WipeNotice({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation();
  const [wiped, setWiped] = useState<Wiped | null>(null);
  // Restoring the snapshot: idle, in progress, or failed with its message.
  const [restore, setRestore] = useState<{ status: 'idle' | 'running' } | { status: 'failed'; error: string }>({ status: 'idle' });
  useEffect(() => {
    let live = true;
    // After the first screen: it reads a count of every table.
    const db = getDatabase();
    void (async () => {
      const found = await detectWipedDatabase(db);
      if (!found) {
        startAutoSnapshots(db);
        return;
      }
      const snapshot = await readSnapshot(db);
      if (live) setWiped({ ...found, snapshot });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!wiped || hidden) return null;
  const time = (iso: string) => formatDateTime(iso);
  const restoreSnapshot = async (snapshot: BackupContents) => {
    setRestore({ status: 'running' });
    const result = await restoreDatabase(getDatabase(), snapshot);
    if (!result.ok) return setRestore({ status: 'failed', error: result.error.message });
    markHeldData();
    window.location.reload();
  };
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="wipe-notice"
      title={t('faults.wipedTitle')}
      description={
        <>
          {t('faults.wipedText', { at: time(wiped.heldDataAt) })}
          {wiped.snapshot && <div>{t('faults.wipedSnapshot', { at: time(wiped.snapshot.createdAt) })}</div>}
          {restore.status === 'failed' && <div data-testid="wipe-notice-error">{t('faults.wipedSnapshotFailed', { error: restore.error })}</div>}
        </>
      }
      action={
        <Flex vertical gap="small">
          {wiped.snapshot && (
            <Button size="small" type="primary" loading={restore.status === 'running'} onClick={() => void restoreSnapshot(wiped.snapshot!)} data-testid="wipe-notice-snapshot">
              {t('faults.wipedSnapshotRestore')}
            </Button>
          )}
          <Button size="small" type={wiped.snapshot ? 'default' : 'primary'} onClick={() => showWorkspace('backup')} data-testid="wipe-notice-restore">
            {t('faults.wipedRestore')}
          </Button>
          <Button
            size="small"
            onClick={() => {
              acknowledgeWipedDatabase();
              setWiped(null);
            }}
            data-testid="wipe-notice-dismiss"
          >
            {t('faults.wipedDismiss')}
          </Button>
        </Flex>
      }
    />
  );
}
