import { Collapse, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import { getDatabase } from '../../../db/database.js';
import { formatDateTime } from '../../../ui/common/date-time.js';

/** This item's score changes from the hash-chained history: every value it ever had, and when. */
export const ScoreHistory = memo(function ScoreHistory({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const { review } = useReview();
  const entries = useLiveQuery(
    // One getAll and a filter here, not Dexie's filter(): that walks a cursor, one round trip
    // to the storage process per history entry, on every score change (measured: bench/).
    async () => (await getDatabase().history.where('reviewId').equals(review.id).toArray()).filter((h) => h.itemId === itemId).sort((a, b) => a.seq - b.seq),
    [review.id, itemId],
  );
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
