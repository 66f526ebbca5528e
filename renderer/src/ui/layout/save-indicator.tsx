import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSaveState } from '../common/save-tracker.js';
import { localTime } from '../common/date-time.js';

/**
 * "已保存" only once every write has committed; while anything is in flight (or typed but
 * not yet written) it says so. data-state and data-saved-count let tests wait on it.
 */
export function SaveIndicator() {
  const { t } = useTranslation();
  const s = useSaveState();
  const state = s.pending > 0 ? 'saving' : s.lastError ? 'error' : s.lastSavedAt ? 'saved' : 'idle';
  const time = s.lastSavedAt ? localTime(s.lastSavedAt) : '';
  const label =
    state === 'saving' ? t('save.saving') : state === 'error' ? t('save.failed', { error: s.lastError }) : state === 'saved' ? t('save.savedAt', { time }) : t('save.idle');
  // This re-renders after every write: a plain span (no antd style hooks) and all three icons
  // kept mounted (an icon mounting injects and looks up its styles) keep that render cheap.
  return (
    <span
      className={`zqa-save zqa-save-${state}`}
      data-testid="save-state"
      data-state={state}
      data-saved-count={s.committed}
      aria-live="polite"
      title={s.lastError ?? undefined}
    >
      <span hidden={state !== 'saving'}>
        <LoadingOutlined />
      </span>
      <span hidden={state !== 'error'}>
        <ExclamationCircleOutlined />
      </span>
      <span hidden={state === 'saving' || state === 'error'}>
        <CheckCircleOutlined />
      </span>{' '}
      {label}
    </span>
  );
}
