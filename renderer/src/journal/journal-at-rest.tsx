import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { recoveryOutcome } from './app-journal.js';

/**
 * Whether the journal is encrypted at rest, as the host reported at start (docs/promises.md C5,
 * C7): the browser host never encrypts it, Electron does unless the OS offers no safe storage.
 * Nothing when there is no journal (the start's banner says so).
 */
export function JournalAtRest() {
  const { t } = useTranslation();
  const atRest = recoveryOutcome()?.head?.atRest;
  if (!atRest) return null;
  return <Alert type={atRest === 'encrypted' ? 'success' : 'warning'} showIcon data-testid="journal-at-rest" data-at-rest={atRest} title={t(atRest === 'encrypted' ? 'journal.atRestEncrypted' : 'journal.atRestPlain')} />;
}
