import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReceivedPackageRecord } from '../db/package-records.js';
import { useReceivedPackages } from '../workspaces/expert/store/use-package-data.js';
import { formatDateTime } from '../ui/common/date-time.js';

/**
 * Every package this device accepted, newest first, superseded revisions marked: what
 * arrived from whom and when, for the person and for an audit. The bytes themselves stay
 * in the database (a panel return nests them unchanged).
 */
export function ReceivedPackagesCard() {
  const { t } = useTranslation();
  const rows = useReceivedPackages();
  return (
    <Card title={t('packages.historyTitle')} data-testid="received-packages">
      <Table<ReceivedPackageRecord>
        rowKey="manifestSha256"
        size="small"
        loading={rows === undefined}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('packages.historyEmpty') }}
        columns={[
          { key: 'type', title: t('packages.historyType'), render: (_, r) => t(`packages.types.${r.type}`) },
          { key: 'sender', title: t('packages.historySender'), render: (_, r) => r.senderName },
          {
            key: 'revision',
            title: t('packages.revision'),
            render: (_, r) => (
              <>
                {r.revision}
                {r.supersededBy && <Tag style={{ marginLeft: 6 }}>{t('packages.superseded')}</Tag>}
              </>
            ),
          },
          { key: 'at', title: t('packages.receivedAt'), render: (_, r) => formatDateTime(r.receivedAt) },
          { key: 'sha', title: 'SHA-256', render: (_, r) => <code title={r.manifestSha256}>{r.manifestSha256.slice(0, 16)}…</code> },
        ]}
      />
    </Card>
  );
}
