import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReview } from '../../../app/review-context.js';
import { useSettings } from '../../../app/settings-context.js';

export function ApplicantCard() {
  const { t } = useTranslation();
  const { review } = useReview();
  // Descriptions' columns follow the window width, not the text size: fewer columns at large text.
  const { fontSize } = useSettings().settings;
  const { applicant, cycle, schedule, panel } = review.assignment;
  const leader = panel.find((m) => m.role === 'leader');
  return (
    <Card title={<span data-testid="applicant-name">{applicant.name}</span>} size="small">
      <Descriptions
        size="small"
        column={fontSize >= 20 ? { xs: 1, sm: 1, md: 1, lg: 2 } : { xs: 1, sm: 1, md: 2, lg: 3 }}
        items={[
          { key: 'cycle', label: t('review.cycle'), children: cycle.name },
          { key: 'industry', label: t('review.industry'), children: applicant.industry },
          { key: 'code', label: t('review.creditCode'), children: applicant.creditCode },
          { key: 'address', label: t('review.address'), children: applicant.address },
          { key: 'contact', label: t('review.contact'), children: `${applicant.contactName} ${applicant.contactPhone}` },
          { key: 'schedule', label: t('review.schedule'), children: `${schedule.from} — ${schedule.to}` },
          { key: 'leader', label: t('review.leader'), children: leader ? `${leader.name}${t('punct.paren', { text: leader.organisation })}` : '—' },
          { key: 'panel', label: t('review.panel'), children: panel.map((m) => m.name).join('、') },
        ]}
      />
      <Typography.Paragraph type="secondary" className="zqa-summary-text">{applicant.summary}</Typography.Paragraph>
    </Card>
  );
}
