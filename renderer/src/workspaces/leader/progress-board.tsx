import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PanelModel } from '../../../../shared/workflow/consolidate.js';
import { ImportButtons } from '../../packages/import-buttons.js';
import { formatDateTime } from '../../ui/common/date-time.js';
import { describeIncompleteConsensus } from './incomplete-consensus.js';
import { panelProgress, type CountersignState, type MemberProgress, type StepLeft } from './panel-progress.js';
import type { PanelAssignmentRecord } from './store/leader-ports.js';
import type { LeaderPanelData } from './store/use-leader-data.js';
import { useCountersignatureStatuses } from './use-countersignature-statuses.js';

const CS_COLOUR: Record<CountersignState, string> = { leader: 'default', 'not-sent': 'default', agreed: 'green', reservation: 'orange', excused: 'gold', missing: 'red', invalid: 'red', 'reservation-not-printed': 'orange' };

/**
 * The leader's board, first on the leader's page: import the members' scoresheets and
 * countersignatures here (several at once, a folder, or dropped on the window), see every
 * member's scoresheet, divergent items and countersignature, and what is left before the
 * panel return can be sent.
 */
export function ProgressBoard({ record, model, data }: { record: PanelAssignmentRecord; model: PanelModel; data: LeaderPanelData }) {
  const { t } = useTranslation();
  const statuses = useCountersignatureStatuses(record.content, data);
  const { members, left } = panelProgress(model, data, statuses);
  const finalisation = data.finalisation;
  return (
    <Card
      size="small"
      title={t('leader.board.title')}
      extra={<ImportButtons accept={['scoresheet', 'countersignature']} label={t('leader.board.import')} testId="leader-import" primary />}
      data-testid="progress-board"
      style={{ marginBottom: '0.75em' }}
    >
      <Table<MemberProgress>
        size="small"
        pagination={false}
        rowKey="memberId"
        dataSource={members}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'member',
            title: t('leader.board.member'),
            render: (_, m) => (
              <Space size={4}>
                {m.name}
                {m.isLeader && <Tag color="red">{t('leader.leaderRole')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'sheet',
            title: t('leader.board.sheet'),
            render: (_, m) =>
              m.sheet ? (
                <span data-testid={`board-sheet-${m.memberId}`} data-revision={m.sheet.revision}>{t('leader.board.sheetOf', { revision: m.sheet.revision, at: formatDateTime(m.sheet.receivedAt) })}</span>
              ) : (
                <Tag color="red" data-testid={`board-sheet-${m.memberId}`} data-revision="">{t('leader.board.noSheet')}</Tag>
              ),
          },
          {
            key: 'divergent',
            title: t('leader.board.divergent'),
            render: (_, m) =>
              m.divergentItems === null ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <span data-testid={`board-divergent-${m.memberId}`}>{t('leader.board.divergentCount', { count: m.divergentItems })}</span>
              ),
          },
          {
            key: 'countersign',
            title: t('leader.board.countersign'),
            render: (_, m) => (
              <span data-testid={`board-cs-${m.memberId}`} data-state={m.countersign.state}>
                <Tag color={CS_COLOUR[m.countersign.state]}>{t(`leader.board.cs.${m.countersign.state}`)}</Tag>
                {m.countersign.text && <Typography.Text type={m.countersign.state === 'excused' ? 'secondary' : 'warning'}>{m.countersign.text}</Typography.Text>}
              </span>
            ),
          },
        ]}
      />
      {!data.ownSheetExported && <Typography.Paragraph type="secondary" style={{ margin: '0.5em 0 0' }}>{t('leader.board.divergentHidden')}</Typography.Paragraph>}
      <div data-testid="leader-remaining" style={{ marginTop: '0.75em' }}>
        {left.length === 0 && finalisation?.finalisedAt ? (
          <Typography.Text type="success">{t('leader.board.done', { revision: finalisation.panelReturnRevision, at: formatDateTime(finalisation.finalisedAt) })}</Typography.Text>
        ) : (
          <>
            <Typography.Text strong>{t('leader.board.left')}</Typography.Text>
            <ol style={{ margin: '0.25em 0 0', paddingLeft: '1.5em' }}>
              {left.map((s) => (
                <li key={s.step} data-step={s.step}>
                  <StepText step={s} />
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </Card>
  );
}

function StepText({ step }: { step: StepLeft }) {
  const { t } = useTranslation();
  const join = (names: string[]) => names.join(t('leader.listSeparator'));
  switch (step.step) {
    case 'sheets':
      return t('leader.board.step.sheets', { names: join(step.names) });
    case 'countersign':
      return t('leader.board.step.countersign', { names: join(step.names) });
    case 'consensus':
      return t('leader.board.step.consensus', { reason: describeIncompleteConsensus(step.gap, t) });
    default:
      return t(`leader.board.step.${step.step}`);
  }
}
