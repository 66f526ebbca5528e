import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeviceRole } from './store/backup-store.js';
import { BackupCard } from './backup-card.js';
import { KeyBackupCard } from './key-backup-card.js';
import { KeyRestoreCard } from './key-restore-card.js';
import { RestoreCard } from './restore-card.js';
import { JournalAtRest } from '../../journal/journal-at-rest.js';

/**
 * The backup workspace: an encrypted copy of everything on this device and the way back; on
 * the secretariat's device also the key backup (秘书处密钥备份). The host refuses the key
 * backup on any other device whatever this page shows.
 */
export function BackupPage() {
  const { t } = useTranslation();
  const role = useDeviceRole();
  const data = (
    <Flex vertical gap="large">
      <JournalAtRest />
      <BackupCard />
      <RestoreCard />
    </Flex>
  );
  return (
    <div className="zqa-content" data-testid="backup-page">
      {role === 'secretariat' ? (
        <Tabs
          items={[
            { key: 'data', label: t('keyBackup.tabData'), children: data },
            {
              key: 'keys',
              label: <span data-testid="key-backup-tab">{t('keyBackup.tab')}</span>,
              children: (
                <Flex vertical gap="large">
                  <KeyBackupCard />
                  <KeyRestoreCard />
                </Flex>
              ),
            },
          ]}
        />
      ) : (
        data
      )}
    </div>
  );
}
