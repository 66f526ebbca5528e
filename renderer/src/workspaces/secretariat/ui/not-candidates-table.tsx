import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAGE_NAMES } from '../../../../../shared/applicant/stage.js';
import { formatHundredths } from '../../../../../shared/scoring/hundredths.js';
import type { OverviewRow } from '../store/overview.js';

/**
 * The applicants that are no candidates of the comprehensive review (withdrawn, ineligible, or
 * not yet through the on-site review), listed apart with their stage and why: they take no
 * place and the committee does not decide on them, whatever their score.
 */
export function NotCandidatesTable({ rows, lang }: { rows: readonly OverviewRow[]; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('sec.overview.notCandidates', { count: rows.length })} data-testid="not-candidates">
      <Table
        size="small"
        rowKey="applicantId"
        pagination={false}
        dataSource={[...rows]}
        columns={[
          { title: t('sec.overview.applicant'), render: (_v, r) => <span data-testid={`apart-${r.applicantId}`}>{r.name}</span> },
          { title: t('sec.overview.industry'), dataIndex: 'industry' },
          { title: t('sec.overview.total'), align: 'right', render: (_v, r) => (r.result ? formatHundredths(r.result.totalHundredths) : '—') },
          { title: t('sec.applicant.stage'), render: (_v, r) => <Tag>{STAGE_NAMES[r.stage][lang]}</Tag> },
          { title: t('sec.overview.why'), render: (_v, r) => r.stageReason ?? t(`sec.overview.whyStage.${r.stage}`, { defaultValue: '' }) },
        ]}
      />
    </Card>
  );
}
