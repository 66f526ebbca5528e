import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprintOf } from '../../../../shared/identity/fingerprint.js';
import { fromBase64 } from '../../../../shared/util/bytes.js';
import { openKeyBackupFile, restoreKeyBackup } from './store/backup-store.js';

type Outcome = { kind: 'restored'; fingerprint: string } | { kind: 'error'; message: string } | null;

/**
 * Restores the secretariat's keys from a `.zqakey` file on a new PC. The host asks the person
 * to confirm the backup's fingerprint in its own dialog before it replaces any key.
 */
export function KeyRestoreCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const choose = async () => {
    setOutcome(null);
    const opened = await openKeyBackupFile();
    if (!opened.ok) return setOutcome({ kind: 'error', message: t('keyBackup.restoreFailed', { error: opened.error.message }) });
    if (opened.value) setFile(opened.value);
  };

  const restore = async ({ passphrase }: { passphrase: string }) => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await restoreKeyBackup(passphrase, file.bytes);
      if (!result.ok) return setOutcome({ kind: 'error', message: t('keyBackup.restoreFailed', { error: result.error.message }) });
      setOutcome({ kind: 'restored', fingerprint: await fingerprintOf(fromBase64(result.value.signingKey)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('keyBackup.restoreTitle')} data-testid="key-restore-card">
      <Typography.Paragraph type="secondary">{t('keyBackup.restoreIntro')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%', maxWidth: 480 }}>
        <Button onClick={() => void choose()} data-testid="key-restore-choose">
          {t('keyBackup.choose')}
        </Button>
        {file && <Typography.Text data-testid="key-restore-file">{file.name}</Typography.Text>}
        <Form layout="vertical" onFinish={(v: { passphrase: string }) => void restore(v)} disabled={busy || !file}>
          <Form.Item name="passphrase" label={t('keyBackup.restorePassphrase')} rules={[{ required: true }]}>
            <Input.Password autoComplete="off" data-testid="key-restore-passphrase" />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={busy} data-testid="key-restore">
            {busy ? t('keyBackup.restoring') : t('keyBackup.restore')}
          </Button>
        </Form>
      </Space>
      {outcome?.kind === 'restored' && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="key-restored"
          title={t('keyBackup.restored', { fingerprint: outcome.fingerprint })}
          action={<Button onClick={() => window.location.reload()}>{t('keyBackup.reload')}</Button>}
        />
      )}
      {outcome?.kind === 'error' && <Alert style={{ marginTop: 16 }} type="error" showIcon data-testid="key-restore-error" title={outcome.message} />}
    </Card>
  );
}
