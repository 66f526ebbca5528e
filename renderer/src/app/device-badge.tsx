import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy-text.js';
import type { WorkspaceContext } from './use-workspace-context.js';

/** How long the "copied" answer stays beside the button. */
const COPIED_SHOWN_MS = 3000;

/**
 * Who this device is, with its fingerprint labelled and copyable: it is read out over the
 * phone and pasted into e-mails to the secretariat, so it must say what it is and copy whole.
 * A button of our own rather than antd's copyable Typography, which brings its text editor
 * (antd's Input) and tooltip to the first screen (docs/ARCHITECTURE.md, "The first screen").
 */
export function DeviceBadge({ ctx }: { ctx: WorkspaceContext }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (copied === null) return undefined;
    const timer = setTimeout(() => setCopied(null), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  if (!ctx.keys) return <span className="zqa-shell-device zqa-text-warning">{t('identity.noKeys')}</span>;
  const { fingerprint } = ctx.keys;
  return (
    <span className="zqa-shell-device" data-testid="device-badge">
      {ctx.profile ? `${ctx.profile.name} · ` : ''}
      <span className="zqa-shell-device-label">{t('identity.fingerprint')}</span> <span className="zqa-fingerprint">{fingerprint}</span>
      <button
        type="button"
        className="zqa-copy-button"
        data-testid="device-badge-copy"
        aria-label={t('identity.copyFingerprint')}
        title={t('identity.copyFingerprint')}
        onClick={() => void copyText(fingerprint).then(setCopied)}
      >
        {copied ? <CheckOutlined /> : <CopyOutlined />}
      </button>
      <span role="status" className={copied === false ? 'zqa-copy-status zqa-text-warning' : 'zqa-copy-status'}>
        {copied === true ? t('identity.fingerprintCopied') : copied === false ? t('identity.copyFailed') : ''}
      </span>
    </span>
  );
}
