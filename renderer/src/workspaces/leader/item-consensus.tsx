import { Button, Card, Descriptions, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidPercent } from '../../../../shared/scoring/percent.js';
import { useAutosaveText } from '../../ui/common/use-autosave-text.js';
import { useLeader } from './leader-context.js';
import { MemberEvidencePanel } from './member-evidence.js';
import { PanelNotesEditor } from './panel-notes-editor.js';
import { suggestedPercent } from '../../../../shared/workflow/consolidate.js';
import { bulkSeq } from '../../../../shared/consensus/bulk-settlement.js';

const tenths = (v: number | undefined) => (v === undefined ? '—' : (v / 10).toFixed(1));

/** The consensus on one item: the members' scores beside it, the panel's percentage and rationale, strengths and OFIs. */
export function ItemConsensus({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const { model, consensus, edit } = useLeader();
  const row = model.matrix.rows.find((r) => r.itemId === itemId);
  const item = consensus.items.find((i) => i.itemId === itemId);
  const [draft, setDraft] = useState<number | null>(item?.percent ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  // Follow the stored value when it changes elsewhere (adjusting state while rendering, as React advises).
  const [shown, setShown] = useState(item?.percent ?? null);
  if ((item?.percent ?? null) !== shown) {
    setShown(item?.percent ?? null);
    setDraft(item?.percent ?? null);
  }
  const rationale = useAutosaveText(item?.rationale ?? '', (text) => edit({ kind: 'consensus-rationale', itemId, to: text }));
  if (!row || !item) return null;
  const suggestion = suggestedPercent(row.medianTenths);

  const commit = async (value: number | null) => {
    if (value !== null && !isValidPercent(value)) {
      setProblem(t('leader.notOnGrid', { value }));
      return;
    }
    setProblem(null);
    if (value !== item.percent) await edit({ kind: 'consensus-percent', itemId, to: value });
  };

  return (
    <Card size="small" title={<Space>{`${row.itemId} ${row.name}${t('punct.paren', { text: row.points })}`}{row.divergent && <Tag color="red">{t('leader.divergent')}</Tag>}</Space>} data-testid="item-consensus" data-item-id={itemId}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} bordered style={{ marginBottom: '1em' }}>
        {row.cells.map((c) => (
          <Descriptions.Item key={c.memberId} label={model.names.get(c.memberId)}>{c.percent === undefined ? '—' : `${c.percent}%`}</Descriptions.Item>
        ))}
        <Descriptions.Item label={t('leader.material')}>{row.materialReviewPercent === undefined ? '—' : `${row.materialReviewPercent}%`}</Descriptions.Item>
        <Descriptions.Item label={t('leader.mean')}>{tenths(row.meanTenths)}</Descriptions.Item>
        <Descriptions.Item label={t('leader.median')}>{tenths(row.medianTenths)}</Descriptions.Item>
        <Descriptions.Item label={t('leader.spread')}>{row.scoredCount > 0 ? row.spread : '—'}</Descriptions.Item>
      </Descriptions>
      <MemberEvidencePanel itemId={itemId} />
      <Space wrap align="center" style={{ marginBottom: '0.75em' }}>
        <Typography.Text strong>{t('leader.consensusPercent')}</Typography.Text>
        <InputNumber
          min={0}
          max={100}
          step={5}
          value={draft}
          placeholder={t('leader.percentHint')}
          onChange={(v) => setDraft(typeof v === 'number' ? v : null)}
          onBlur={() => void commit(draft)}
          onPressEnter={() => void commit(draft)}
          data-testid="consensus-percent"
          aria-label={t('leader.consensusPercent')}
        />
        {suggestion !== null && (
          <Button size="small" onClick={() => void commit(suggestion)} data-testid="use-median">{t('leader.useMedian', { percent: suggestion })}</Button>
        )}
        {item.percent !== null && <Button size="small" type="link" onClick={() => void commit(null)}>{t('leader.clearPercent')}</Button>}
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Space>
      {item.bulkSettlement && (
        <Typography.Paragraph type="secondary" className="zqa-hint" data-testid="bulk-settled-note">
          <Tag color="blue">{t('bulk.tag')}</Tag>
          {t('bulk.itemNote', { n: bulkSeq(item.bulkSettlement) })}
        </Typography.Paragraph>
      )}
      <Typography.Text strong style={{ display: 'block', marginBottom: '0.25em' }}>{t('leader.rationale')}</Typography.Text>
      <Input.TextArea
        autoSize={{ minRows: 2 }}
        value={rationale.text}
        onChange={(e) => rationale.onChange(e.target.value)}
        onBlur={rationale.flush}
        placeholder={t('leader.rationalePlaceholder')}
        status={row.divergent && item.percent !== null && !rationale.text.trim() ? 'warning' : undefined}
        data-testid="consensus-rationale"
        style={{ marginBottom: '1em' }}
      />
      <Typography.Title level={5}>{t('leader.strengths')}</Typography.Title>
      <PanelNotesEditor key={`${itemId}-s`} itemId={itemId} kind="strengths" />
      <Typography.Title level={5} style={{ marginTop: '1em' }}>{t('leader.ofis')}</Typography.Title>
      <PanelNotesEditor key={`${itemId}-o`} itemId={itemId} kind="ofis" />
    </Card>
  );
}
