import { Alert, Button, Card, Flex, Input, Popconfirm, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validSettingsIn } from '../../../../shared/bridge/settings-fields.js';
import { verifyBackupSignature, type VerifiedSigner } from '../../../../shared/backup/open-backup.js';
import { useSettings } from '../../app/settings-context.js';
import { typedGroupMatches } from '../../device/anchor-change.js';
import { loadDeviceKeys } from '../../device/device-keys.js';
import { openBackup, openBackupFile, restoreBackup, type RestoreError } from './store/backup-store.js';
import { describeFileFault } from '../../ui/common/file-fault.js';
import { formatDateTime } from '../../ui/common/date-time.js';

interface Chosen {
  name: string;
  bytes: Uint8Array;
  createdAt: string;
  /** Who signed the file (verified when it was chosen, and again when it is opened). */
  signer: VerifiedSigner;
  /** This device made it: no fingerprint to confirm. */
  sameDevice: boolean;
}
type Outcome = { kind: 'restored'; rows: number; fingerprint: string | null; previous: string | null } | { kind: 'error'; message: string } | null;

/** The fingerprint the restored device profile (engineer G's `deviceProfile` table) was saved with, if any. */
function restoredProfileFingerprint(tables: readonly { name: string; rows: unknown[] }[]): string | null {
  const row = tables.find((t) => t.name === 'deviceProfile')?.rows[0] as { fingerprint?: unknown } | undefined;
  return typeof row?.fingerprint === 'string' ? row.fingerprint : null;
}

/** Restores a backup into this device in one transaction, then explains re-enrolling the new keys. */
export function RestoreCard() {
  const { t } = useTranslation();
  const { update } = useSettings();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [lastGroup, setLastGroup] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const describe = (e: RestoreError) => t(`backup.errors.${e.code}`, { message: e.message });
  const signerName = (s: VerifiedSigner) => (s.name ? `${s.name}${s.role ? `（${t(`backup.roles.${s.role}`)}）` : ''}` : t('backup.unnamed'));

  const choose = async () => {
    setOutcome(null);
    const result = await openBackupFile();
    if (!result.ok) return setOutcome({ kind: 'error', message: describeFileFault(t, result.error) });
    if (!result.value) return;
    setChosen(null);
    // The signature is checked before anything else is asked: an unsigned or altered file stops here.
    const verified = await verifyBackupSignature(result.value.bytes);
    if (!verified.ok) return setOutcome({ kind: 'error', message: describe(verified.error) });
    const own = await loadDeviceKeys().then((k) => k.fingerprint, () => null);
    const { signer, header } = verified.value;
    setLastGroup('');
    setChosen({ name: result.value.name, bytes: result.value.bytes, createdAt: header.createdAt, signer, sameDevice: own === signer.fingerprint });
  };

  const restore = async () => {
    if (!chosen) return;
    // Another device's backup restores only once the person has typed its fingerprint's last group.
    if (!chosen.sameDevice && !typedGroupMatches(chosen.signer.fingerprint, lastGroup)) return setOutcome({ kind: 'error', message: t('backup.lastGroupWrong') });
    setBusy(true);
    setOutcome(null);
    try {
      const opened = await openBackup(chosen.bytes, passphrase);
      if (!opened.ok) return setOutcome({ kind: 'error', message: describe(opened.error) });
      const restored = await restoreBackup(opened.value);
      if (!restored.ok) return setOutcome({ kind: 'error', message: describe(restored.error) });
      // Settings are the host's, outside the database: applied after the data, each field only
      // if valid (a backup from an older version lacks the newer fields: those keep their defaults).
      const settings = validSettingsIn(opened.value.settings);
      if (Object.keys(settings).length > 0) await update(settings).catch(() => undefined);
      const fingerprint = await loadDeviceKeys().then((k) => k.fingerprint, () => null);
      const previous = restoredProfileFingerprint(opened.value.tables);
      setPassphrase('');
      setChosen(null);
      setOutcome({ kind: 'restored', rows: restored.value.rows, fingerprint, previous: previous !== fingerprint ? previous : null });
    } finally {
      setBusy(false);
    }
  };

  if (outcome?.kind === 'restored') {
    return (
      <Card data-testid="restore-done">
        <Result
          status="success"
          title={t('backup.restored', { rows: outcome.rows })}
          extra={<Button type="primary" onClick={() => window.location.reload()} data-testid="restore-reload">{t('backup.reload')}</Button>}
        >
          <Alert
            type="warning"
            showIcon
            data-testid="reenrol-keys"
            title={t('backup.reenrolTitle')}
            description={
              <>
                <Typography.Paragraph>{t('backup.reenrolText')}</Typography.Paragraph>
                {outcome.fingerprint && <Typography.Paragraph strong className="zqa-fingerprint" data-testid="restore-new-fingerprint">{t('backup.deviceFingerprint', { fingerprint: outcome.fingerprint })}</Typography.Paragraph>}
                {outcome.previous && <Typography.Paragraph type="secondary" className="zqa-fingerprint" data-testid="restore-old-fingerprint">{t('backup.backupFingerprint', { fingerprint: outcome.previous })}</Typography.Paragraph>}
              </>
            }
          />
        </Result>
      </Card>
    );
  }

  return (
    <Card title={t('backup.restoreTitle')} data-testid="restore-card">
      <Typography.Paragraph type="secondary">{t('backup.restoreIntro')}</Typography.Paragraph>
      <Flex vertical gap="middle" style={{ maxWidth: 480 }}>
        <Button onClick={() => void choose()} disabled={busy} data-testid="restore-choose">{t('backup.choose')}</Button>
        {chosen && (
          <>
            <Typography.Text data-testid="restore-chosen">{t('backup.chosen', { file: chosen.name, date: formatDateTime(chosen.createdAt) })}</Typography.Text>
            <Alert
              type={chosen.sameDevice ? 'success' : 'warning'}
              showIcon
              data-testid="restore-signer"
              title={t('backup.madeBy', { who: signerName(chosen.signer), fingerprint: chosen.signer.fingerprint, date: formatDateTime(chosen.createdAt) })}
              description={chosen.sameDevice ? t('backup.sameDevice') : t('backup.otherDevice')}
            />
            {!chosen.sameDevice && (
              <Input value={lastGroup} onChange={(e) => setLastGroup(e.target.value)} placeholder={t('backup.lastGroup')} aria-label={t('backup.lastGroup')} inputMode="numeric" maxLength={10} autoComplete="off" disabled={busy} data-testid="restore-last-group" />
            )}
            <Input.Password value={passphrase} onChange={(e) => setPassphrase(e.target.value)} placeholder={t('backup.passphrase')} autoComplete="off" disabled={busy} data-testid="restore-passphrase" />
            <Popconfirm title={t('backup.confirmTitle')} description={t('backup.confirmText')} okText={t('backup.confirmOk')} cancelText={t('backup.cancel')} onConfirm={() => void restore()} okButtonProps={{ danger: true }}>
              <Button type="primary" danger loading={busy} disabled={!passphrase || (!chosen.sameDevice && !lastGroup.trim())} data-testid="restore-start">
                {busy ? t('backup.restoring') : t('backup.restore')}
              </Button>
            </Popconfirm>
          </>
        )}
        {outcome?.kind === 'error' && <Alert type="error" showIcon data-testid="restore-error" title={outcome.message} />}
      </Flex>
    </Card>
  );
}
