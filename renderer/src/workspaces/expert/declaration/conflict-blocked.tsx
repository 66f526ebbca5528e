import { Card, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import type { DeclarationRecord } from '../store/records.js';
import { formatDateTime } from '../../../ui/common/date-time.js';

/** A declared conflict removes the expert from this applicant's panel (回避, Art. 18): say why, show nothing else. */
export function ConflictBlocked({ declaration }: { declaration: Extract<DeclarationRecord, { conflict: true }> }) {
  const { t } = useTranslation();
  const { review } = useReview();
  return (
    <Flex justify="center" className="zqa-gate">
      <Card className="zqa-gate-card" data-testid="conflict-blocked">
        <Result
          status="warning"
          title={t('blocked.title')}
          subTitle={
            <Flex vertical gap="small">
              <Typography.Paragraph data-testid="conflict-reason">
                {t('blocked.reason', {
                  applicant: review.assignment.applicant.name,
                  kind: t(`conflictKinds.${declaration.conflictKind}`),
                  detail: declaration.detail,
                })}
              </Typography.Paragraph>
              <Typography.Paragraph strong>{t('blocked.next')}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {t('blocked.recordedAt', { time: formatDateTime(declaration.signedAt) })}
              </Typography.Text>
            </Flex>
          }
        />
      </Card>
    </Flex>
  );
}
