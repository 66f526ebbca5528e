import { Alert, Button, Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemsOf } from '../../../../shared/criteria/validate-criteria-set.js';
import { formatHundredths } from '../../../../shared/scoring/hundredths.js';
import { scoreTotals } from '../../../../shared/scoring/totals.js';
import type { MemberScoresheetRecord, PanelAssignmentRecord } from './store/records.js';
import { useHasExported, useMemberScoresheets } from './store/use-package-data.js';
import { formatDateTime } from '../../ui/common/date-time.js';

/**
 * The leader's inbox of members' scoresheets for one panel: who sent which revision when,
 * with each member's fingerprint and scores. The leader's workspace builds consensus on the
 * same records; this is where the leader checks what arrived right after importing.
 * Independence (docs/domain.md §2): the leader scores too, so others' scores stay hidden until the
 * leader has exported their own signed scoresheet.
 */
export function ReceivedScoresheets({ assignment }: { assignment: PanelAssignmentRecord }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const sheets = useMemberScoresheets(assignment.reviewId) ?? [];
  const exported = useHasExported(assignment.reviewId) ?? false;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="received-scoresheets-open">
        {t('packages.receivedTitle', { count: sheets.length, total: assignment.content.panel.members.length })}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} size="large" title={t('packages.receivedTitle', { count: sheets.length, total: assignment.content.panel.members.length })}>
        {!exported && <Alert type="info" showIcon title={t('packages.scoresHidden')} style={{ marginBottom: '1em' }} data-testid="scores-hidden" />}
        <SheetsTable assignment={assignment} sheets={sheets} showScores={exported} />
      </Drawer>
    </>
  );
}

function SheetsTable({ assignment, sheets, showScores }: { assignment: PanelAssignmentRecord; sheets: MemberScoresheetRecord[]; showScores: boolean }) {
  const { t } = useTranslation();
  const criteria = assignment.content.criteriaSet;
  const items = itemsOf(criteria);
  const fingerprintOf = new Map(assignment.content.panel.members.map((m) => [m.keyId, m.fingerprint]));
  const percentsOf = (s: MemberScoresheetRecord) => Object.fromEntries(s.content.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent]])));
  return (
    <Table<MemberScoresheetRecord>
      data-testid="received-scoresheets"
      rowKey="memberKeyId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={sheets}
      columns={[
        {
          key: 'member',
          title: t('packages.member'),
          fixed: 'left',
          width: '13em',
          render: (_, s) => (
            <span data-testid={`received-${s.memberKeyId}`}>
              <Typography.Text strong>{s.memberName}</Typography.Text>
              {s.memberKeyId === assignment.leaderKeyId && <Tag style={{ marginLeft: 4 }}>{t('packages.leaderTag')}</Tag>}
              <br />
              <Typography.Text type="secondary" className="zqa-fingerprint" style={{ whiteSpace: 'nowrap' }}>{fingerprintOf.get(s.memberKeyId)}</Typography.Text>
            </span>
          ),
        },
        { key: 'revision', title: t('packages.revision'), width: '4em', render: (_, s) => s.revision },
        { key: 'received', title: t('packages.receivedAt'), width: '10em', render: (_, s) => formatDateTime(s.receivedAt) },
        ...(!showScores ? [] : [{ key: 'total', title: t('packages.total'), render: (_: unknown, s: MemberScoresheetRecord) => <span data-testid="received-total">{formatHundredths(scoreTotals(criteria, percentsOf(s)).totalHundredths)}</span> }]),
        ...(!showScores ? [] : items).map((item) => ({
          key: item.id,
          title: item.id,
          render: (_: unknown, s: MemberScoresheetRecord) => {
            const percent = s.content.items.find((i) => i.itemId === item.id)?.percent;
            return <span data-testid={`received-percent-${item.id}`}>{percent === null || percent === undefined ? '—' : `${percent}%`}</span>;
          },
        })),
      ]}
    />
  );
}
