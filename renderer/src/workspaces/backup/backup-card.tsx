import { Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context.js';
import { PassphraseFields } from './passphrase-fields.js';
import { saveDatabaseBackup } from './store/backup-store.js';
import { describeFileFault, formatBytes } from '../../ui/common/file-fault.js';
import { localDate } from '../../ui/common/date-time.js';

type Outcome = { kind: 'saved'; file: string; size: number } | { kind: 'error'; message: string } | null;

function backupFileName(now: Date): string {
  const day = localDate(now);
  return `评审数据备份-${day}.zqabak`;
}

/**
 * Encrypts the whole database into the file the person chooses, a chunk at a time. A failed
 * save leaves nothing and keeps the passphrase (not the file: it was never whole in memory)
 * for a retry, which writes the backup again.
 */
export function BackupCard() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [form] = Form.useForm<{ passphrase: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState<{ passphrase: string } | null>(null);

  const save = async (passphrase: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      const now = new Date();
      const result = await saveDatabaseBackup(backupFileName(now), passphrase, settings, now);
      form.resetFields();
      if (!result.ok) {
        setPending({ passphrase });
        setOutcome({ kind: 'error', message: describeFileFault(t, result.error) });
        return;
      }
      setPending(null);
      setOutcome(result.value ? { kind: 'saved', file: result.value.savedAs, size: result.value.size } : null);
    } catch (e) {
      setPending(null);
      setOutcome({ kind: 'error', message: t('backup.failed', { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  const create = ({ passphrase }: { passphrase: string }) => save(passphrase);
  const retry = () => (pending ? save(pending.passphrase) : Promise.resolve());

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
