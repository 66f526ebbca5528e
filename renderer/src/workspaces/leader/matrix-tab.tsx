import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsensusRecord } from '../../../../shared/consensus/consensus-record.js';
import type { MatrixRow } from '../../../../shared/consensus/consolidate.js';
import { formatHundredths } from '../../../../shared/scoring/hundredths.js';
import type { PanelModel } from '../../../../shared/workflow/consolidate.js';
import { formatDateTime } from '../../ui/common/date-time.js';

const tenths = (v: number | undefined) => (v === undefined ? '—' : (v / 10).toFixed(1));

/**
 * Who has sent a verified, signed scoresheet and who is still missing, then the matrix of
 * items × members: each member's percentage, mean and median (display only), spread, the
 * material-review score and the consensus so far. Divergent items come first and are marked.
 */
export function MatrixTab({ model, consensus, onDiscuss }: { model: PanelModel; consensus: ConsensusRecord | null; onDiscuss: (itemId: string) => void }) {
  const { t } = useTranslation();
  const { matrix } = model;
  const agreed = new Map(consensus?.items.map((i) => [i.itemId, i.percent]) ?? []);
  const rowsById = new Map(matrix.rows.map((r) => [r.itemId, r]));
  const ordered = matrix.discussionOrder.map((id) => rowsById.get(id)!);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <MembersCard model={model} showGaps />
      <Card size="small" title={t('leader.matrixTitle')}>
        {matrix.divergentItemIds.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: '0.75em' }} data-testid="divergent-summary" title={t('leader.divergentCount', { count: matrix.divergentItemIds.length, limit: matrix.divergenceLimit })} />}
        <div className="zqa-matrix-wrap">
          <table className="zqa-table zqa-matrix" data-testid="leader-matrix">
            <thead>
              <tr>
                <th>{t('leader.item')}</th>
                <th className="zqa-num">{t('leader.points')}</th>
                <th className="zqa-num">{t('leader.material')}</th>
                {model.roster.map((m) => (
                  <th key={m.memberId} className="zqa-num">{m.name}</th>
                ))}
                <th className="zqa-num">{t('leader.mean')}</th>
                <th className="zqa-num">{t('leader.median')}</th>
                <th className="zqa-num">{t('leader.spread')}</th>
                <th className="zqa-num">{t('leader.consensus')}</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((row) => (
                <MatrixLine key={row.itemId} row={row} agreed={agreed.get(row.itemId) ?? null} onDiscuss={onDiscuss} />
              ))}
            </tbody>
          </table>
        </div>
        <Typography.Text type="secondary" className="zqa-hint">{t('leader.displayOnly')}</Typography.Text>
      </Card>
    </Space>
  );
}

/** The roster with each member's key fingerprint and whether a verified scoresheet has arrived. */
export function MembersCard({ model, showGaps }: { model: PanelModel; showGaps: boolean }) {
  const { t } = useTranslation();
  const { matrix } = model;
  const incomplete = new Map(matrix.incompleteMembers.map((m) => [m.memberId, m.missingItemIds.length]));
  return (
    <Card size="small" title={t('leader.members')} data-testid="leader-members">
      <Table
        size="small"
        pagination={false}
        rowKey="memberId"
        dataSource={model.roster}
        columns={[
          { title: '', dataIndex: 'name', render: (name: string, m) => <Space>{name}<Tag color={m.role === 'leader' ? 'red' : 'default'}>{t(m.role === 'leader' ? 'leader.leaderRole' : 'leader.expertRole')}</Tag></Space> },
          { title: '', dataIndex: 'organisation' },
          { title: '', dataIndex: 'fingerprint', render: (f: string) => <span className="zqa-fingerprint">{f}</span> },
          {
            title: '',
            key: 'status',
            render: (_, m) => {
              const got = model.received.get(m.memberId);
              if (!got) return <Tag color="red" data-testid={`member-missing-${m.memberId}`}>{t('leader.missing')}</Tag>;
              const gaps = showGaps ? incomplete.get(m.memberId) : undefined;
              return (
                <Space>
                  <Tag color="green" data-testid={`member-received-${m.memberId}`}>{t('leader.received', { revision: got.revision, at: formatDateTime(got.receivedAt) })}</Tag>
                  {gaps ? <Tag color="orange">{t('leader.incomplete', { count: gaps })}</Tag> : null}
                </Space>
              );
            },
          },
        ]}
        showHeader={false}
      />
      <Typography.Paragraph style={{ marginTop: '0.5em', marginBottom: 0 }} data-testid="missing-summary">
        {matrix.missingMembers.length > 0 ? t('leader.missingCount', { count: matrix.missingMembers.length }) : t('leader.allReceived')}
      </Typography.Paragraph>
    </Card>
  );
}

function MatrixLine({ row, agreed, onDiscuss }: { row: MatrixRow; agreed: number | null; onDiscuss: (itemId: string) => void }) {
  const { t } = useTranslation();
  const scored = row.cells.map((c) => c.percent).filter((p): p is number => p !== undefined);
  const [lo, hi] = [Math.min(...scored), Math.max(...scored)];
  return (
    <tr className={`zqa-row-link${row.divergent ? ' zqa-divergent' : ''}`} data-testid={`matrix-row-${row.itemId}`} data-divergent={row.divergent} tabIndex={0} onClick={() => onDiscuss(row.itemId)} onKeyDown={(e) => e.key === 'Enter' && onDiscuss(row.itemId)}>
      <td className="zqa-matrix-name">
        {row.itemId} {row.name} {row.divergent && <Tag color="red">{t('leader.divergent')}</Tag>}
      </td>
      <td className="zqa-num">{row.points}</td>
      <td className="zqa-num">{row.materialReviewPercent === undefined ? '—' : `${row.materialReviewPercent}%`}{row.materialReviewHundredths !== undefined && <div className="zqa-hint">{formatHundredths(row.materialReviewHundredths)}</div>}</td>
      {row.cells.map((c) => (
        <td key={c.memberId} className={`zqa-num${c.percent === undefined ? ' zqa-cell-empty' : row.divergent && scored.length > 1 && c.percent === hi ? ' zqa-cell-high' : row.divergent && scored.length > 1 && c.percent === lo ? ' zqa-cell-low' : ''}`}>
          {c.percent === undefined ? '—' : `${c.percent}%`}
        </td>
      ))}
      <td className="zqa-num">{tenths(row.meanTenths)}</td>
      <td className="zqa-num">{tenths(row.medianTenths)}</td>
      <td className="zqa-num" data-testid={`spread-${row.itemId}`}>{scored.length > 0 ? row.spread : '—'}</td>
      <td className="zqa-num" data-testid={`consensus-cell-${row.itemId}`}>{agreed === null ? '—' : `${agreed}%`}</td>
    </tr>
  );
}
