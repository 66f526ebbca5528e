import { Alert, Card, Flex, Progress, Spin, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXCLUSION_RULES } from '../../../../../shared/regulation/exclusions.js';
import { formatHundredths, meetsThreshold } from '../../../../../shared/scoring/hundredths.js';
import { categoryPercentTenths, scoreTotals } from '../../../../../shared/scoring/totals.js';
import { formatTenths } from '../../../../../shared/scoring/statistics.js';
import { useReview } from '../../../app/review-context.js';
import { useExclusionChecks, useScores, useSiteIssueStatuses } from '../store/use-review-data.js';
import { CategoryChart } from './category-chart.js';
import { HistoryStatus } from './history-status.js';

export function SummaryPage() {
  const { t, i18n } = useTranslation();
  const { review } = useReview();
  const scores = useScores(review.id);
  const checks = useExclusionChecks(review.id);
  const issues = useSiteIssueStatuses(review.id);
  if (!scores || !checks || !issues) return <Spin />;
  const set = review.assignment.criteriaSet;
  // The cycle's own line (Art. 15), as the assignment carries it.
  const threshold = review.assignment.rules.awardThresholdPoints;
  const totals = scoreTotals(set, scores);
  const meets = meetsThreshold(totals.totalHundredths, threshold);
  const flagged = Object.values(checks).filter((c) => c.status === 'flagged').map((c) => c.number);
  const verified = Object.values(issues).filter((s) => s.status !== 'open').length;
  const en = i18n.language === 'en';
  const nameOf = (id: string) => {
    const c = set.categories.find((x) => x.id === id);
    return c ? `${c.id} ${en ? c.nameEn : c.name}` : id;
  };
  return (
    <Flex vertical gap="middle" data-testid="summary">
      <Card size="small" title={t('summary.title')}>
        <Flex gap="large" wrap align="center">
          <Statistic title={t('summary.total')} value={formatHundredths(totals.totalHundredths)} suffix={t('summary.of1000')} data-testid="summary-total" />
          <Tag color={meets ? 'green' : 'default'} className="zqa-threshold" data-testid="summary-threshold">
            {meets ? t('summary.meets', { threshold }) : t('summary.below', { threshold })}
          </Tag>
          <Flex vertical style={{ flex: '1 1 14em' }}>
            <Typography.Text data-testid="summary-progress">{t('review.progress', { scored: totals.scoredItems, total: totals.itemCount })}</Typography.Text>
            <Progress percent={Math.round((totals.scoredItems / totals.itemCount) * 100)} />
          </Flex>
        </Flex>
        <Flex vertical gap="small" style={{ marginTop: 12 }}>
          {flagged.length > 0 && <Alert type="error" showIcon title={t('summary.flagged', { numbers: flagged.join('、') })} data-testid="summary-flagged" />}
          <HistoryStatus />
          {totals.scoredItems < totals.itemCount && <Alert type="info" showIcon title={t('summary.incomplete', { count: totals.itemCount - totals.scoredItems })} />}
          <Typography.Text type="secondary">
            {t('summary.siteIssues', { done: verified, total: review.assignment.siteIssues.length })} ·{' '}
            {t('summary.exclusions', { done: Object.keys(checks).length, total: EXCLUSION_RULES.length })}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={t('summary.chart')}>
        <CategoryChart categories={totals.categories} nameOf={nameOf} markPercent={(threshold * 100) / set.totalPoints} />
      </Card>
      <Card size="small">
        <table className="zqa-table" data-testid="summary-table">
          <thead>
            <tr>
              <th>{t('summary.category')}</th>
              <th className="zqa-num">{t('summary.subtotal')}</th>
              <th className="zqa-num">{t('summary.max')}</th>
              <th className="zqa-num">{t('summary.rate')}</th>
              <th className="zqa-num">{t('columns.state')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.categories.map((c) => (
              <tr key={c.id}>
                <td>{nameOf(c.id)}</td>
                <td className="zqa-num" data-testid={`subtotal-${c.id}`}>{c.scoredItems === 0 ? '—' : formatHundredths(c.scoreHundredths)}</td>
                <td className="zqa-num">{c.maxPoints}</td>
                <td className="zqa-num" data-testid={`rate-${c.id}`}>{c.scoredItems === 0 ? t('itemState.unscored') : `${formatTenths(categoryPercentTenths(c))}%`}</td>
                <td className="zqa-num">{c.scoredItems} / {c.itemCount}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t('summary.total')}</th>
              <th className="zqa-num">{formatHundredths(totals.totalHundredths)}</th>
              <th className="zqa-num">{set.totalPoints}</th>
              <th className="zqa-num">{formatTenths(Math.floor((totals.totalHundredths + 50) / 100))}%</th>
              <th className="zqa-num">{totals.scoredItems} / {totals.itemCount}</th>
            </tr>
          </tfoot>
        </table>
      </Card>
    </Flex>
  );
}
