import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { BulkAcceptBar } from './bulk-accept-bar.js';
import { ItemConsensus } from './item-consensus.js';
import { useLeader } from './leader-context.js';

/** Items in discussion order (divergent first) beside the consensus editor of the chosen one. */
export function ConsensusTab({ itemId, onSelect }: { itemId: string | null; onSelect: (itemId: string) => void }) {
  const { t } = useTranslation();
  const { model, consensus } = useLeader();
  const rows = new Map(model.matrix.rows.map((r) => [r.itemId, r]));
  const agreed = new Map(consensus.items.map((i) => [i.itemId, i]));
  const current = itemId ?? model.matrix.discussionOrder[0] ?? null;
  return (
    <>
      <BulkAcceptBar />
      <div className="zqa-consensus-grid">
        <Card size="small" title={t('leader.itemList')} className="zqa-item-list">
          {model.matrix.discussionOrder.map((id) => {
            const row = rows.get(id)!;
            const settled = agreed.get(id);
            const p = settled?.percent ?? null;
            return (
              <div
                key={id}
                role="button"
                tabIndex={0}
                className={`zqa-item-list-row${id === current ? ' zqa-active' : ''}`}
                onClick={() => onSelect(id)}
                onKeyDown={(e) => e.key === 'Enter' && onSelect(id)}
                data-testid={`consensus-item-${id}`}
              >
                <span>
                  {id} {row.name}
                </span>
                <span style={{ whiteSpace: 'nowrap' }}>
                  {row.divergent && <Tag color="red">{t('leader.divergent')}</Tag>}
                  {settled?.bulkSettlement && <Tag color="blue">{t('bulk.tag')}</Tag>}
                  {p === null ? <Tag>{t('leader.open')}</Tag> : <Tag color="green">{p}%</Tag>}
                </span>
              </div>
            );
          })}
        </Card>
        {current && <ItemConsensus key={current} itemId={current} />}
      </div>
    </>
  );
}
