import { App as AntApp, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bulkAcceptCandidates } from '../../../../shared/consensus/bulk-candidates.js';
import { bulkSeq, bulkSettlementsInEffect } from '../../../../shared/consensus/bulk-settlement.js';
import { useLeader } from './leader-context.js';
import { acceptLeaderCommonValues, undoLeaderBulk } from './store/consensus-store.js';

/**
 * One click to accept the members' common value for every uncontroversial open item, and one
 * click to undo such a bulk. What qualifies is the shared rule (bulk-candidates.ts); the step
 * recomputes it from the stored consensus, so the count shown is what gets settled.
 */
export function BulkAcceptBar() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { reviewId, model, consensus, settle } = useLeader();
  const candidates = bulkAcceptCandidates(model.matrix, consensus);
  const inEffect = bulkSettlementsInEffect(consensus);
  const count = candidates.accept.length;

  const accept = async () => {
    const done = await settle((ctx) => acceptLeaderCommonValues(ctx, reviewId, model.matrix));
    if (done) void message.success(t('bulk.accepted', { count: done.itemIds.length, n: bulkSeq(done.bulkId) }));
  };
  const undo = async (bulkId: string) => {
    const done = await settle((ctx) => undoLeaderBulk(ctx, reviewId, bulkId));
    if (done) void message.success(t('bulk.undone', { count: done.itemIds.length, n: bulkSeq(done.bulkId) }));
  };

  return (
    <Card size="small" style={{ marginBottom: '1em' }} data-testid="bulk-accept-bar">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap align="center">
          <Button type="primary" ghost disabled={count === 0} onClick={() => void accept()} data-testid="bulk-accept">
            {count === 0 ? t('bulk.acceptNone') : t('bulk.accept', { count })}
          </Button>
          {inEffect.map((b) => (
            <Space key={b.bulkId} size={4} data-testid={`bulk-in-effect-${b.bulkId}`}>
              <Tag color="blue">{t('bulk.inEffect', { n: bulkSeq(b.bulkId), count: b.itemIds.length })}</Tag>
              <Button size="small" onClick={() => void undo(b.bulkId)} data-testid={`bulk-undo-${b.bulkId}`}>
                {t('bulk.undo')}
              </Button>
            </Space>
          ))}
        </Space>
        <Typography.Text type="secondary" className="zqa-hint">
          {t('bulk.acceptHint')}
          {t('bulk.leftOut', { divergent: candidates.divergent.length, incomplete: candidates.incomplete.length, settled: candidates.settled.length })}
        </Typography.Text>
      </Space>
    </Card>
  );
}
