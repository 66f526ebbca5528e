import { Card, Flex, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SiteIssue } from '../../../../../shared/demo/review-assignment.js';
import { useReview } from '../../../app/review-context.js';
import { navigate } from '../../../app/use-route.js';
import { SITE_ISSUE_STATUSES, type SiteIssueStatus, type SiteIssueStatusRecord } from '../store/records.js';
import { setSiteIssueStatus } from '../store/check-writes.js';
import { AutosaveTextArea } from '../../../ui/common/autosave-text-area.js';
import { useAutosaveText } from '../../../ui/common/use-autosave-text.js';

export function SiteIssueCard({ index, issue, status }: { index: number; issue: SiteIssue; status: SiteIssueStatusRecord | undefined }) {
  const { t } = useTranslation();
  const { review, ctx, save } = useReview();
  const current = status?.status ?? 'open';
  const evidenceNow = status?.evidence ?? '';
  const note = useAutosaveText(status?.note ?? '', (text) => setSiteIssueStatus(ctx, review.id, issue.id, current, text, evidenceNow));
  const evidence = useAutosaveText(evidenceNow, (text) => setSiteIssueStatus(ctx, review.id, issue.id, current, note.text, text));
  return (
    <Card size="small" data-testid={`site-issue-${issue.id}`}>
      <Flex vertical gap="small">
        <Flex gap="small" align="baseline" wrap>
          <Typography.Text strong>{index}.</Typography.Text>
          {issue.itemId ? (
            <Tag color="purple" className="zqa-row-link" onClick={() => navigate({ name: 'item', itemId: issue.itemId! })}>
              {t('siteIssues.item', { id: issue.itemId })}
            </Tag>
          ) : (
            <Tag>{t('siteIssues.general')}</Tag>
          )}
          <Typography.Text>{issue.text}</Typography.Text>
        </Flex>
        <Segmented<SiteIssueStatus>
          value={current}
          onChange={(value) => void save((c) => setSiteIssueStatus(c, review.id, issue.id, value, note.text, evidence.text))}
          options={SITE_ISSUE_STATUSES.map((s) => ({ value: s, label: t(`siteIssues.status.${s}`) }))}
          data-testid={`site-issue-status-${issue.id}`}
        />
        <AutosaveTextArea field={note} label={t('siteIssues.note')} placeholder={t('siteIssues.notePlaceholder')} rows={[1, 6]} testId={`site-issue-note-${issue.id}`} />
        <AutosaveTextArea field={evidence} label={t('siteIssues.evidence')} placeholder={t('siteIssues.evidencePlaceholder')} rows={[1, 4]} testId={`site-issue-evidence-${issue.id}`} />
      </Flex>
    </Card>
  );
}
