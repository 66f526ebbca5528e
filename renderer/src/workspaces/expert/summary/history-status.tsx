import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import { useHistoryVerdict } from '../store/history-reads.js';

/** Re-checks the whole hash chain whenever it grows, and says plainly if a link is broken. */
export function HistoryStatus() {
  const { t } = useTranslation();
  const { review } = useReview();
  const verdict = useHistoryVerdict(review.id);
  if (!verdict) return null;
  return verdict.ok ? (
    <Alert type="success" showIcon title={t('history.intact', { count: verdict.value.length })} data-testid="history-status" data-ok="true" />
  ) : (
    <Alert type="error" showIcon title={t('history.broken', { seq: verdict.error.seq, message: verdict.error.message })} data-testid="history-status" data-ok="false" />
  );
}
