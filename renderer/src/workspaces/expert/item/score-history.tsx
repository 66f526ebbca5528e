import { Collapse, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import { useItemHistory } from '../store/history-reads.js';
import { formatDateTime } from '../../../ui/common/date-time.js';

/** This item's score changes from the hash-chained history: every value it ever had, and when. */
export const ScoreHistory = memo(function ScoreHistory({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const { review } = useReview();
  const entries = useItemHistory(review.id, itemId);
  if (!entries || entries.length === 0) return null;
  const show = (p: number | null) => (p === null ? t('history.none') : `${p}%`);
  return (
    <Collapse
      size="small"
      data-testid="score-history"
      items={[
        {
          key: 'history',
          label: t('history.title', { count: entries.length }),
          children: (
            <ol className="zqa-history">
              {entries.map((e) => (
                <li key={e.seq}>
                  <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>{' '}
                  {show(e.from)} → <Typography.Text strong>{show(e.to)}</Typography.Text>{' '}
                  <Typography.Text type="secondary" className="zqa-hint" title={e.hash}>
                    #{e.seq} · {e.hash.slice(0, 12)}
                  </Typography.Text>
                </li>
              ))}
            </ol>
          ),
        },
      ]}
    />
  );
});
