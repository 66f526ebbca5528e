import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewRecord } from './store/records.js';
import { showReview } from './store/review-choice.js';

/**
 * Which of the device's reviews is shown. Only a device with several reviews shows it (an
 * expert's first start has the demo alone), so it is a chunk of its own and antd's Select
 * stays off the first screen's bundle (docs/ARCHITECTURE.md, "The first screen").
 */
export function ReviewSwitcher({ reviews, review }: { reviews: ReviewRecord[]; review: ReviewRecord }) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid="review-switcher"
      value={review.id}
      onChange={showReview}
      style={{ minWidth: '22em' }}
      aria-label={t('packages.reviews')}
      options={reviews.map((r) => ({
        value: r.id,
        label: (
          <span data-testid={`review-option-${r.id}`}>
            {r.source === 'demo' && <Tag color="gold">{t('packages.demoTag')}</Tag>}
            {r.assignment.applicant.name}
          </span>
        ),
      }))}
    />
  );
}
