import { Alert, Button, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../db/database.js';
import { showWorkspace } from '../identity/workspace-choice.js';
import { acknowledgeWipedDatabase, detectWipedDatabase } from './wipe-guard.js';

/** Says so when the database was emptied behind the app's back (see wipe-guard.ts). */
export function WipeNotice() {
  const { t, i18n } = useTranslation();
  const [wiped, setWiped] = useState<{ heldDataAt: string } | null>(null);
  useEffect(() => {
    let live = true;
    // After the first screen: it reads a count of every table.
    detectWipedDatabase(getDatabase()).then(
      (found) => live && setWiped(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!wiped) return null;
  const at = new Date(wiped.heldDataAt).toLocaleString(i18n.language, { hour12: false });
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="wipe-notice"
      title={t('faults.wipedTitle')}
      description={t('faults.wipedText', { at })}
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
