import { Flex } from 'antd';
import { BackupCard } from './backup-card.js';
import { RestoreCard } from './restore-card.js';

/** The backup workspace: an encrypted copy of everything on this device, and the way back. */
export function BackupPage() {
  return (
    <Flex vertical gap="large" className="zqa-content" data-testid="backup-page">
      <BackupCard />
      <RestoreCard />
    </Flex>
  );
}
