import { Alert, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryOutcome } from './app-journal.js';
import type { RecoveryOutcome } from './index-recovery.js';

interface Notice {
  type: 'info' | 'warning' | 'error';
  title: string;
  text: string;
}

function noticeFor(outcome: RecoveryOutcome, t: TFunction): Notice | null {
  switch (outcome.kind) {
    case 'fresh':
    case 'level':
      return null;
    case 'caught-up':
      return { type: 'info', title: t('journal.caughtUpTitle'), text: t('journal.caughtUpText', { records: outcome.records }) };
    case 'rebuilt':
      return {
        type: 'warning',
        title: t('journal.rebuiltTitle'),
        text: t('journal.rebuiltText', { reason: t(`journal.reasons.${outcome.reason}`), records: outcome.records, rows: outcome.rows, ms: Math.round(outcome.ms) }),
      };
    case 'seeded':
      return { type: 'info', title: t('journal.seededTitle'), text: t('journal.seededText', { rows: outcome.rows }) };
    case 'reseeded':
      return { type: 'warning', title: t('journal.reseededTitle'), text: t('journal.reseededText', { reason: outcome.reason ?? '' }) };
    case 'unavailable':
      return { type: 'warning', title: t('journal.unavailableTitle'), text: t('journal.unavailableText', { reason: outcome.reason }) };
    case 'failed':
      return { type: 'error', title: t('journal.failedTitle'), text: t('journal.failedText', { reason: outcome.reason }) };
  }
}

/**
 * Says what the start's recovery did (index-recovery.ts): a database rebuilt or caught up
 * from the journal, a journal started or completed from the database, or no journal at all.
 * Nothing to click: what could be done was done; the person acknowledges it.
 */
export function JournalNotice() {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const outcome = recoveryOutcome();
  if (!outcome || dismissed) return null;
  const notice = noticeFor(outcome, t);
  const damage = outcome.head?.damage;
  if (!notice && !damage) return null;
  return (
    <Alert
      type={notice?.type ?? 'warning'}
      showIcon
      banner
      data-testid="journal-notice"
      data-kind={outcome.kind}
      title={notice?.title ?? t('journal.damageText', { damage })}
      description={
        <>
          {notice?.text}
          {notice && damage && <div>{t('journal.damageText', { damage })}</div>}
        </>
      }
      action={
        <Button size="small" onClick={() => setDismissed(true)} data-testid="journal-notice-dismiss">
          {t('journal.dismiss')}
        </Button>
      }
    />
  );
}
