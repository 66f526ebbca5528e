import { Card, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SiteIssue } from '../../../../shared/demo/review-assignment.js';
import { useReview } from '../../app/review-context.js';
import { navigate } from '../../app/use-route.js';
import { SITE_ISSUE_STATUSES, type SiteIssueStatus, type SiteIssueStatusRecord } from '../../db/records.js';
import { setSiteIssueStatus } from '../../db/writes/check-writes.js';
import { useAutosaveText } from '../common/use-autosave-text.js';

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
        <Input.TextArea
          aria-label={t('siteIssues.note')}
          placeholder={t('siteIssues.notePlaceholder')}
          value={note.text}
          onChange={(e) => note.onChange(e.target.value)}
          onBlur={note.flush}
          autoSize={{ minRows: 1, maxRows: 6 }}
          data-testid={`site-issue-note-${issue.id}`}
        />
        <Input.TextArea
          aria-label={t('siteIssues.evidence')}
          placeholder={t('siteIssues.evidencePlaceholder')}
          value={evidence.text}
          onChange={(e) => evidence.onChange(e.target.value)}
          onBlur={evidence.flush}
          autoSize={{ minRows: 1, maxRows: 4 }}
          data-testid={`site-issue-evidence-${issue.id}`}
        />
      </Flex>
    </Card>
  );
}
