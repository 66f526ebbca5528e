import { Button, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemsOf } from '../../../../shared/criteria/validate-criteria-set.js';
import { useReview } from '../../app/review-context.js';
import { navigate } from '../../app/use-route.js';
import { useScores } from '../../db/use-review-data.js';
import { setItemScore } from '../../db/writes/score-writes.js';
import { AttachmentsSection } from './attachments-section.js';
import { BandPicker } from './band-picker.js';
import { NotesSection } from './notes-section.js';
import { ScoreHistory } from './score-history.js';
import { ShortcutLegend } from './shortcut-legend.js';
import { useItemKeyboard } from './use-item-keyboard.js';

/** One criteria item: band, then step; strengths, OFIs, observations with evidence; photos and files. */
export function ItemPage({ itemId }: { itemId: string }) {
  const { t, i18n } = useTranslation();
  const { review, save } = useReview();
  const scores = useScores(review.id);
  const [pendingBand, setPendingBand] = useState<number | null>(null);
  const items = itemsOf(review.assignment.criteriaSet);
  const index = items.findIndex((i) => i.id === itemId);
  const item = items[index];
  const percent = scores?.[itemId];
  const go = (delta: number) => {
    const next = items[index + delta];
    if (next) {
      setPendingBand(null);
      navigate({ name: 'item', itemId: next.id });
    }
  };
  const setScore = (p: number | null) => {
    // Only when a band is pending: a state update, even to the same value, can re-render the
    // whole page before the score's write reaches the database.
    if (pendingBand !== null) setPendingBand(null);
    void save((ctx) => setItemScore(ctx, review.id, itemId, p));
  };
  useItemKeyboard({
    kind: item?.kind ?? 'process',
    percent,
    material: review.assignment.materialReview[itemId],
    pendingBand,
    setPendingBand,
    setScore,
    next: () => go(1),
    prev: () => go(-1),
  });

  if (!item) return <Empty description={t('item.notFound', { id: itemId })} />;
  if (!scores) return <Spin />;
  const en = i18n.language === 'en';
  const material = review.assignment.materialReview[itemId];
  return (
    <Flex vertical gap="middle" data-testid="item-page" data-item-id={itemId} data-review-id={review.id}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap="small">
          <Flex vertical>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="item-title">
              {item.id} {en ? item.nameEn : item.name}
            </Typography.Title>
            <Flex gap="small" wrap align="center">
              <Tag>{t(`kind.${item.kind}`)}</Tag>
              <Typography.Text>{t('item.points', { points: item.points })}</Typography.Text>
              {material !== undefined && <Tag color="purple" data-testid="material-percent">{t('item.material', { percent: material })}</Tag>}
              <Typography.Text type="secondary">{t('item.of', { index: index + 1, total: items.length })}</Typography.Text>
            </Flex>
          </Flex>
          <Flex gap="small" wrap>
            <Button onClick={() => navigate({ name: 'overview' })}>{t('item.back')}</Button>
            <Button onClick={() => go(-1)} disabled={index === 0} data-testid="prev-item">{t('item.prev')}（K）</Button>
            <Button type="primary" onClick={() => go(1)} disabled={index === items.length - 1} data-testid="next-item">{t('item.next')}（J）</Button>
          </Flex>
        </Flex>
      </Card>
      <BandPicker item={item} percent={percent} pendingBand={pendingBand} onPickBand={setPendingBand} onPickStep={setScore} />
      <ShortcutLegend />
      <ScoreHistory itemId={itemId} />
      <div className="zqa-notes-grid">
        <NotesSection itemId={itemId} kind="strength" />
        <NotesSection itemId={itemId} kind="ofi" />
        <NotesSection itemId={itemId} kind="observation" />
      </div>
      <AttachmentsSection itemId={itemId} />
    </Flex>
  );
}
