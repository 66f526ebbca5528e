import { Card, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXCLUSION_RULES } from '../../../../../shared/regulation/exclusions.js';
import { useReview } from '../../../app/review-context.js';
import { useExclusionChecks } from '../store/use-review-data.js';
import { ExclusionCheckRow } from './exclusion-check-row.js';

/** The 7 exclusions of Art. 14, each confirmed clear or flagged with what was found. */
export function ExclusionChecksPage() {
  const { t } = useTranslation();
  const { review } = useReview();
  const checks = useExclusionChecks(review.id);
  if (!checks) return <Spin />;
  const done = Object.keys(checks).length;
  return (
    <Flex vertical gap="middle" data-testid="exclusions">
      <Card size="small" title={t('exclusions.title')} extra={<Typography.Text>{t('exclusions.checked', { done, total: EXCLUSION_RULES.length })}</Typography.Text>}>
        <Typography.Text type="secondary">{t('exclusions.intro')}</Typography.Text>
      </Card>
      {EXCLUSION_RULES.map((rule) => (
        <ExclusionCheckRow key={rule.number} rule={rule} check={checks[rule.number]} />
      ))}
    </Flex>
  );
}
