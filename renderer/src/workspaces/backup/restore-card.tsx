import { Alert, Button, Card, Flex, Input, Popconfirm, Result, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validSettingsIn } from '../../../../shared/bridge/settings-fields.js';
import type { VerifiedSigner } from '../../../../shared/backup/open-backup.js';
import { useSettings } from '../../app/settings-context.js';
import { typedGroupMatches } from '../../device/anchor-change.js';
import { loadDeviceKeys } from '../../device/device-keys.js';
import { chooseBackupFile, dropChosenBackup, openBackup, restoreBackup, type BackupFault, type ChosenBackup } from './store/backup-store.js';
import { describeFileFault } from '../../ui/common/file-fault.js';
import { formatDateTime } from '../../ui/common/date-time.js';

interface Chosen {
  /** The file, open, its signature verified when it was chosen (the signed manifest holds every entry's hash). */
  backup: ChosenBackup;
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
  const describe = (f: BackupFault) => ('file' in f ? describeFileFault(t, f.file, 'open') : t(`backup.errors.${f.backup.code}`, { message: f.backup.message }));
  // The chosen file stays open until another is chosen, it is restored, or the page goes.
  const open = useRef<ChosenBackup | null>(null);
  const keep = (next: Chosen | null) => {
    if (open.current && open.current !== next?.backup) void dropChosenBackup(open.current);
    open.current = next?.backup ?? null;
    setChosen(next);
  };
  useEffect(() => () => void (open.current && dropChosenBackup(open.current)), []);
  const signerName = (s: VerifiedSigner) => (s.name ? `${s.name}${s.role ? `（${t(`backup.roles.${s.role}`)}）` : ''}` : t('backup.unnamed'));

  const choose = async () => {
    setOutcome(null);
    // The signature is checked before anything else is asked: an unsigned or altered file stops here.
    const result = await chooseBackupFile();
    if (result.ok && !result.value) return;
    keep(null);
    if (!result.ok) return setOutcome({ kind: 'error', message: describe(result.error) });
    if (!result.value) return;
    const own = await loadDeviceKeys().then((k) => k.fingerprint, () => null);
    setLastGroup('');
    keep({ backup: result.value, sameDevice: own === result.value.head.signer.fingerprint });
  };

  const restore = async () => {
    if (!chosen) return;
    // Another device's backup restores only once the person has typed its fingerprint's last group.
    if (!chosen.sameDevice && !typedGroupMatches(chosen.backup.head.signer.fingerprint, lastGroup)) return setOutcome({ kind: 'error', message: t('backup.lastGroupWrong') });
    setBusy(true);
    setOutcome(null);
    try {
      const opened = await openBackup(chosen.backup, passphrase);
      if (!opened.ok) return setOutcome({ kind: 'error', message: describe(opened.error) });
      const restored = await restoreBackup(opened.value);
      if (!restored.ok) return setOutcome({ kind: 'error', message: describe({ backup: restored.error }) });
      // Settings are the host's, outside the database: applied after the data, each field only
      // if valid (a backup from an older version lacks the newer fields: those keep their defaults).
      const settings = validSettingsIn(opened.value.settings);
      if (Object.keys(settings).length > 0) await update(settings).catch(() => undefined);
      const fingerprint = await loadDeviceKeys().then((k) => k.fingerprint, () => null);
      const previous = restoredProfileFingerprint(opened.value.tables);
      setPassphrase('');
      keep(null);
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
            <Typography.Text data-testid="restore-chosen">{t('backup.chosen', { file: chosen.backup.name, date: formatDateTime(chosen.backup.head.createdAt) })}</Typography.Text>
            <Alert
              type={chosen.sameDevice ? 'success' : 'warning'}
              showIcon
              data-testid="restore-signer"
              title={t('backup.madeBy', { who: signerName(chosen.backup.head.signer), fingerprint: chosen.backup.head.signer.fingerprint, date: formatDateTime(chosen.backup.head.createdAt) })}
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
