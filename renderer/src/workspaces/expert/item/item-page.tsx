import { App, Button, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORING_BANDS, stepsOf } from '../../../../../shared/criteria/bands.js';
import { itemsOf } from '../../../../../shared/criteria/validate-criteria-set.js';
import { useReview } from '../../../app/review-context.js';
import { navigate } from '../../../app/use-route.js';
import { useScores } from '../store/use-review-data.js';
import { setItemScore } from '../store/score-writes.js';
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
  const { modal } = App.useApp();
  const [pendingBand, setPendingBandState] = useState<number | null>(null);
  const [digitHint, setDigitHint] = useState<string | null>(null);
  const items = itemsOf(review.assignment.criteriaSet);
  const index = items.findIndex((i) => i.id === itemId);
  const item = items[index];
  const percent = scores?.[itemId];
  const setPendingBand = (band: number | null) => {
    setPendingBandState(band);
    if (digitHint !== null) setDigitHint(null);
  };
  const leave = (target: string) => {
    setPendingBand(null);
    navigate({ name: 'item', itemId: target });
  };
  // A band chosen without its step is half a score: leaving asks first, since the item would
  // otherwise keep no score (or its old one) without a word.
  const go = (delta: number) => {
    const next = items[index + delta];
    if (!next) return;
    if (pendingBand === null) return leave(next.id);
    modal.confirm({
      title: t('item.leaveTitle'),
      content: percent === undefined ? t('item.leaveUnscored', { band: pendingBand + 1 }) : t('item.leaveScored', { band: pendingBand + 1, percent }),
      okText: t('item.leave'),
      cancelText: t('item.stay'),
      autoFocusButton: 'cancel',
      onOk: () => leave(next.id),
    });
  };
  const setScore = (p: number | null) => {
    // Only when a band is pending: a state update, even to the same value, can re-render the
    // whole page before the score's write reaches the database.
    if (pendingBand !== null) setPendingBand(null);
    void save((ctx) => setItemScore(ctx, review.id, itemId, p));
  };
  const onInvalidDigit = (digit: number) => {
    if (!item) return;
    const bands = SCORING_BANDS[item.kind];
    setDigitHint(
      pendingBand === null
        ? t('item.noSuchBand', { digit, count: bands.length })
        : t('item.noSuchStep', { band: pendingBand + 1, count: stepsOf(bands[pendingBand]!).length }),
    );
  };
  useItemKeyboard({
    kind: item?.kind ?? 'process',
    percent,
    material: review.assignment.materialReview[itemId],
    pendingBand,
    setPendingBand,
    setScore,
    onInvalidDigit,
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
            <Button onClick={() => go(-1)} disabled={index === 0} data-testid="prev-item">{t('item.prev')}{t('punct.paren', { text: 'K' })}</Button>
            <Button type="primary" onClick={() => go(1)} disabled={index === items.length - 1} data-testid="next-item">{t('item.next')}{t('punct.paren', { text: 'J' })}</Button>
          </Flex>
        </Flex>
      </Card>
      <BandPicker item={item} percent={percent} pendingBand={pendingBand} hint={digitHint} onPickBand={setPendingBand} onPickStep={setScore} />
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
