import { Alert, Card, Flex, Progress, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXCLUSION_RULES } from '../../../../shared/regulation/exclusions.js';
import { formatHundredths, meetsThreshold } from '../../../../shared/scoring/hundredths.js';
import { categoryPercentTenths, scoreTotals, type CategoryTotal } from '../../../../shared/scoring/totals.js';
import { formatTenths } from '../../../../shared/scoring/statistics.js';
import { useReview } from '../../app/review-context.js';
import { useExclusionChecks, useScores, useSiteIssueStatuses } from '../../db/use-review-data.js';
import { CategoryChart } from './category-chart.js';

/** Art. 15: an Award needs at least 500 points, 500 included. */
export const AWARD_THRESHOLD_POINTS = 500;

export function SummaryPage() {
  const { t, i18n } = useTranslation();
  const { review } = useReview();
  const scores = useScores(review.id);
  const checks = useExclusionChecks(review.id);
  const issues = useSiteIssueStatuses(review.id);
  if (!scores || !checks || !issues) return <Spin />;
  const set = review.assignment.criteriaSet;
  const totals = scoreTotals(set, scores);
  const meets = meetsThreshold(totals.totalHundredths, AWARD_THRESHOLD_POINTS);
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
            {meets ? t('summary.meets', { threshold: AWARD_THRESHOLD_POINTS }) : t('summary.below', { threshold: AWARD_THRESHOLD_POINTS })}
          </Tag>
          <Flex vertical style={{ flex: '1 1 14em' }}>
            <Typography.Text data-testid="summary-progress">{t('review.progress', { scored: totals.scoredItems, total: totals.itemCount })}</Typography.Text>
            <Progress percent={Math.round((totals.scoredItems / totals.itemCount) * 100)} />
          </Flex>
        </Flex>
        <Flex vertical gap="small" style={{ marginTop: 12 }}>
          {flagged.length > 0 && <Alert type="error" showIcon title={t('summary.flagged', { numbers: flagged.join('、') })} data-testid="summary-flagged" />}
          {totals.scoredItems < totals.itemCount && <Alert type="info" showIcon title={t('summary.incomplete', { count: totals.itemCount - totals.scoredItems })} />}
          <Typography.Text type="secondary">
            {t('summary.siteIssues', { done: verified, total: review.assignment.siteIssues.length })} ·{' '}
            {t('summary.exclusions', { done: Object.keys(checks).length, total: EXCLUSION_RULES.length })}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={t('summary.chart')}>
        <CategoryChart categories={totals.categories} nameOf={nameOf} />
      </Card>
      <Card size="small">
        <Table<CategoryTotal>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={totals.categories}
          data-testid="summary-table"
          columns={[
            { key: 'category', title: t('summary.category'), render: (_: unknown, c) => nameOf(c.id) },
            { key: 'subtotal', title: t('summary.subtotal'), align: 'right', render: (_: unknown, c) => <span data-testid={`subtotal-${c.id}`}>{formatHundredths(c.scoreHundredths)}</span> },
            { key: 'max', title: t('summary.max'), align: 'right', dataIndex: 'maxPoints' },
            { key: 'rate', title: t('summary.rate'), align: 'right', render: (_: unknown, c) => `${formatTenths(categoryPercentTenths(c))}%` },
            { key: 'items', title: t('columns.state'), align: 'right', render: (_: unknown, c) => `${c.scoredItems} / ${c.itemCount}` },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><Typography.Text strong>{t('summary.total')}</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right"><Typography.Text strong>{formatHundredths(totals.totalHundredths)}</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">1000</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{formatTenths(Math.floor((totals.totalHundredths + 50) / 100))}%</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{totals.scoredItems} / {totals.itemCount}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </Flex>
  );
}
