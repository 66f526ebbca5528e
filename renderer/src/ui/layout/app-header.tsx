import { Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../app/review-context.js';
import { SaveIndicator } from './save-indicator.js';

export function AppHeader() {
  const { t } = useTranslation();
  const { review } = useReview();
  return (
    <Layout.Header className="zqa-header">
      <Flex align="center" gap="middle" wrap justify="space-between" style={{ width: '100%' }}>
        <Flex vertical className="zqa-header-title">
          <Typography.Text strong className="zqa-header-app">{t('app.title')}</Typography.Text>
          <Typography.Text className="zqa-header-sub" data-testid="header-applicant">
            {review.assignment.cycle.name} · {review.assignment.applicant.name} · {t('review.expert')} {review.expert.name}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap="middle" wrap>
          <SaveIndicator />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
