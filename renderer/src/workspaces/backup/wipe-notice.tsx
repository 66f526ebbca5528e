import { Alert, Button, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showWorkspace } from '../../app/workspace-choice.js';
import { acknowledgeWipedDatabase, detectWipe } from './store/wipe-guard.js';
import { formatDateTime } from '../../ui/common/date-time.js';

/**
 * Says so when the database was emptied behind the app's back (wipe-guard.ts) and the start
 * could not put it back from the journal (the journal gone too: the browser's site data
 * cleared); points to the backup. Mounted with the shell; `hidden` on the backup page, where
 * the person is restoring.
 */
export function WipeNotice({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation();
  const [wiped, setWiped] = useState<{ heldDataAt: string } | null>(null);
  useEffect(() => {
    let live = true;
    // After the first screen: it reads a count of every table.
    void detectWipe()
      .then((found) => {
        if (live) setWiped(found);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!wiped || hidden) return null;
  const time = (iso: string) => formatDateTime(iso);
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="wipe-notice"
      title={t('faults.wipedTitle')}
      description={t('faults.wipedText', { at: time(wiped.heldDataAt) })}
      action={
        <Flex vertical gap="small">
          <Button size="small" type="primary" onClick={() => showWorkspace('backup')} data-testid="wipe-notice-restore">
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
