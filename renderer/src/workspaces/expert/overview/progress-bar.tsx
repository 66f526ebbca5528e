import { Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatHundredths } from '../../../../../shared/scoring/hundredths.js';
import { scoreTotals } from '../../../../../shared/scoring/totals.js';
import { useReview } from '../../../app/review-context.js';

export function ProgressBar({ scores }: { scores: Record<string, number> }) {
  const { t } = useTranslation();
  const { review } = useReview();
  const totals = scoreTotals(review.assignment.criteriaSet, scores);
  return (
    <Card size="small">
      <Flex align="center" gap="large" wrap>
        <Typography.Text strong data-testid="progress-text">
          {t('review.progress', { scored: totals.scoredItems, total: totals.itemCount })}
        </Typography.Text>
        <Progress percent={Math.round((totals.scoredItems / totals.itemCount) * 100)} style={{ flex: '1 1 12em', margin: 0 }} />
        <Typography.Text data-testid="running-total">{t('review.runningTotal', { total: formatHundredths(totals.totalHundredths) })}</Typography.Text>
      </Flex>
    </Card>
  );
}
