import { Card, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import { useSiteIssueStatuses } from '../store/use-review-data.js';
import { SiteIssueCard } from './site-issue-card.js';

/** 现场核查要点: what the material review asked the visit to verify, and what was found. */
export function SiteIssuesPage() {
  const { t } = useTranslation();
  const { review } = useReview();
  const statuses = useSiteIssueStatuses(review.id);
  if (!statuses) return <Spin />;
  return (
    <Flex vertical gap="middle" data-testid="site-issues">
      <Card size="small" title={t('siteIssues.title')}>
        <Typography.Text type="secondary">{t('siteIssues.intro')}</Typography.Text>
      </Card>
      {review.assignment.siteIssues.map((issue, i) => (
        <SiteIssueCard key={issue.id} index={i + 1} issue={issue} status={statuses[issue.id]} />
      ))}
    </Flex>
  );
}
