import { Alert, Card, Descriptions, Flex, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeviceProfile } from './store/identity-store.js';
import { useDeviceKeys } from '../../device/device-keys.js';
import { ReceivedPackagesCard } from '../../packages/received-packages-card.js';
import { AnchorSection } from './anchor-section.js';
import { ExportCardButton } from './export-card-button.js';
import { KeysDatabaseOnlyNotice } from '../../device/key-custody-notice.js';
import { ProfileForm } from './profile-form.js';

/** The device's identity: who uses it, its keys' fingerprint, and whom it trusts. */
export function IdentityPage() {
  const { t } = useTranslation();
  const keys = useDeviceKeys();
  const profile = useDeviceProfile();
  if (keys.status === 'failed') return <Alert type="error" showIcon title={t('identity.keysFailed', { error: keys.message })} style={{ margin: 24 }} />;
  if (keys.status === 'loading' || profile === undefined) return <Spin description={t('app.loading')} />;
  return (
    <Flex vertical gap="large" className="zqa-content">
      <KeysDatabaseOnlyNotice />
      <Card title={t('identity.title')}>
        <Typography.Paragraph type="secondary">{t('identity.intro')}</Typography.Paragraph>
        <Descriptions
          column={1}
          style={{ marginBottom: '1em' }}
          items={[
            { key: 'fp', label: t('identity.fingerprint'), children: <Typography.Text strong copyable data-testid="device-fingerprint" className="zqa-fingerprint">{keys.keys.fingerprint}</Typography.Text> },
            { key: 'id', label: t('identity.keyId'), children: <Typography.Text code>{keys.keys.keyId}</Typography.Text> },
          ]}
        />
        <ProfileForm key={profile?.updatedAt ?? 'new'} profile={profile} keys={keys.keys} />
        <Space style={{ marginTop: '1em' }}>
          <ExportCardButton profile={profile} />
        </Space>
      </Card>
      <AnchorSection isSecretariat={profile?.role === 'secretariat'} />
      <ReceivedPackagesCard />
    </Flex>
  );
}
