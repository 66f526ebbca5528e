import { Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprintOf } from '../../../../shared/identity/fingerprint.js';
import { fromBase64 } from '../../../../shared/util/bytes.js';
import { exportKeyBackup } from './store/backup-store.js';
import { PassphraseFields } from './passphrase-fields.js';

type Outcome = { kind: 'saved'; file: string; fingerprint: string } | { kind: 'error'; message: string } | null;

/**
 * The secretariat's key backup: the passphrase twice, where to keep the file, and the host's
 * export, which saves the sealed keys itself and restores the saved file once as a test. The
 * page never holds the sealed keys; it shows what the test restore found.
 */
export function KeyBackupCard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const exportKeys = async ({ passphrase }: { passphrase: string }) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await exportKeyBackup(passphrase);
      if (!result.ok) return setOutcome({ kind: 'error', message: t('keyBackup.failed', { error: result.error.message }) });
      if (!result.value) return; // the person closed the save dialog
      const fingerprint = await fingerprintOf(fromBase64(result.value.restoreTested.signingKey));
      setOutcome({ kind: 'saved', file: result.value.savedAs, fingerprint });
      form.resetFields();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('keyBackup.title')} data-testid="key-backup-card">
      <Typography.Paragraph type="secondary">{t('keyBackup.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon title={t('keyBackup.keepTitle')} description={t('keyBackup.keep')} style={{ marginBottom: 16 }} data-testid="key-backup-keep" />
      <Form form={form} layout="vertical" onFinish={(v) => void exportKeys(v)} style={{ maxWidth: 480 }} disabled={busy}>
        <PassphraseFields label={t('keyBackup.passphrase')} hint={t('keyBackup.passphraseHint')} testId="key-backup-passphrase" />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="key-backup-export">
          {busy ? t('keyBackup.exporting') : t('keyBackup.export')}
        </Button>
      </Form>
      {outcome?.kind === 'saved' && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="key-backup-saved"
          title={t('keyBackup.saved', { file: outcome.file })}
          description={<span data-testid="key-backup-tested">{t('keyBackup.tested', { fingerprint: outcome.fingerprint })}</span>}
        />
      )}
      {outcome?.kind === 'error' && <Alert style={{ marginTop: 16 }} type="error" showIcon data-testid="key-backup-error" title={outcome.message} />}
    </Card>
  );
}
