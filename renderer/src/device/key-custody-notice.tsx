import { Alert } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../db/database.js';
import { getHost } from '../host/get-host.js';
import { useDeviceKeys } from './device-keys.js';

/**
 * The device's keys are not the ones its saved identity was made with: they were lost (the
 * browser host's keys went with a database Chromium deleted before they were kept elsewhere,
 * docs/promises.md L17) and new ones made. Shown on every screen until the identity is saved
 * again with the new keys, because every package this device signs or opens depends on it.
 */
export function KeysLostNotice() {
  const { t } = useTranslation();
  const keys = useDeviceKeys();
  const profileKeyId = useLiveQuery(async () => (await getDatabase().deviceProfile.get('device'))?.keyId ?? null);
  if (keys.status !== 'ready' || !profileKeyId || profileKeyId === keys.keys.keyId) return null;
  return <Alert type="error" showIcon banner data-testid="keys-lost-notice" title={t('identity.keysLostTitle')} description={t('identity.keysLostText')} />;
}

/** On the identity page: the keys are in the browser's database only, so a wipe would take them. */
export function KeysDatabaseOnlyNotice() {
  const { t } = useTranslation();
  const [databaseOnly, setDatabaseOnly] = useState(false);
  useEffect(() => {
    let live = true;
    const keys = getHost().keys;
    if (keys.survivesDatabaseLoss) void keys.survivesDatabaseLoss().then((kept) => live && setDatabaseOnly(!kept));
    return () => {
      live = false;
    };
  }, []);
  if (!databaseOnly) return null;
  return <Alert type="warning" showIcon data-testid="keys-database-only" title={t('identity.keysDatabaseOnlyTitle')} description={t('identity.keysDatabaseOnlyText')} />;
}
