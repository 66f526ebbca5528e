import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeviceKeys } from './device-keys.js';
import { useKeysDatabaseOnly, useProfileKeyId } from './key-custody-reads.js';

/**
 * The device's keys are not the ones its saved identity was made with: they were lost (the
 * browser host's keys went with a database Chromium deleted before they were kept elsewhere,
 * docs/promises.md L17) and new ones made. Shown on every screen until the identity is saved
 * again with the new keys, because every package this device signs or opens depends on it.
 */
export function KeysLostNotice() {
  const { t } = useTranslation();
  const keys = useDeviceKeys();
  const profileKeyId = useProfileKeyId();
  if (keys.status !== 'ready' || !profileKeyId || profileKeyId === keys.keys.keyId) return null;
  return <Alert type="error" showIcon banner data-testid="keys-lost-notice" title={t('identity.keysLostTitle')} description={t('identity.keysLostText')} />;
}

/** On the identity page: the keys are in the browser's database only, so a wipe would take them. */
export function KeysDatabaseOnlyNotice() {
  const { t } = useTranslation();
  const databaseOnly = useKeysDatabaseOnly();
  if (!databaseOnly) return null;
  return <Alert type="warning" showIcon data-testid="keys-database-only" title={t('identity.keysDatabaseOnlyTitle')} description={t('identity.keysDatabaseOnlyText')} />;
}
