import { Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context.js';
import { PassphraseFields } from './passphrase-fields.js';
import { makeDatabaseBackup, saveBackupFile } from './store/backup-store.js';
import { describeFileFault, formatBytes } from '../../ui/common/file-fault.js';
import { localDate } from '../../ui/common/date-time.js';

type Outcome = { kind: 'saved'; file: string; size: number } | { kind: 'error'; message: string } | null;

function backupFileName(now: Date): string {
  const day = localDate(now);
  return `评审数据备份-${day}.zqabak`;
}

/** Encrypts the whole database and hands the file to the host; a failed save keeps the bytes for a retry. */
export function BackupCard() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [form] = Form.useForm<{ passphrase: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // The sealed bytes of the last attempt: retrying a failed save does not re-encrypt.
  const [pending, setPending] = useState<{ name: string; bytes: Uint8Array } | null>(null);

  const save = async (file: { name: string; bytes: Uint8Array }) => {
    const result = await saveBackupFile(file.name, file.bytes);
    if (!result.ok) {
      setPending(file);
      setOutcome({ kind: 'error', message: describeFileFault(t, result.error) });
      return;
    }
    setPending(null);
    setOutcome(result.value ? { kind: 'saved', file: result.value.savedAs, size: file.bytes.byteLength } : null);
  };

  const create = async ({ passphrase }: { passphrase: string }) => {
    setBusy(true);
    setOutcome(null);
    try {
      const now = new Date();
      const bytes = await makeDatabaseBackup(passphrase, settings, now);
      await save({ name: backupFileName(now), bytes });
      form.resetFields();
    } catch (e) {
      setOutcome({ kind: 'error', message: t('backup.failed', { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  const retry = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await save(pending);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('backup.title')} data-testid="backup-card">
      <Typography.Paragraph type="secondary">{t('backup.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void create(v)} style={{ maxWidth: 480 }} disabled={busy}>
        <PassphraseFields label={t('backup.passphrase')} hint={t('backup.passphraseHint')} testId="backup-passphrase" />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="backup-create">
          {busy ? t('backup.creating') : t('backup.create')}
        </Button>
      </Form>
      {outcome?.kind === 'saved' && <Alert style={{ marginTop: 16 }} type="success" showIcon data-testid="backup-saved" title={t('backup.created', { file: outcome.file, size: formatBytes(outcome.size) })} />}
      {outcome?.kind === 'error' && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          data-testid="backup-error"
          title={outcome.message}
          action={pending ? <Button onClick={() => void retry()} loading={busy} data-testid="backup-retry">{t('faults.retry')}</Button> : undefined}
        />
      )}
    </Card>
  );
}
