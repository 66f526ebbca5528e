import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriteriaItem } from '../../../../../shared/criteria/criteria-set.js';
import { BAND_DIMENSIONS, SCORING_BANDS, bandOf, stepsOf } from '../../../../../shared/criteria/bands.js';
import { formatHundredths, itemScoreHundredths } from '../../../../../shared/scoring/hundredths.js';

interface Props {
  item: CriteriaItem;
  percent: number | undefined;
  /** Index of the band chosen but not yet given a step (keyboard or click). */
  pendingBand: number | null;
  /** Why the last digit picked nothing, until the next pick. */
  hint: string | null;
  onPickBand: (band: number | null) => void;
  onPickStep: (percent: number | null) => void;
}

/** Band first, then the 5% step inside it: how examiners are trained to score (GB/Z 19579). */
export function BandPicker({ item, percent, pendingBand, hint, onPickBand, onPickStep }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const bands = SCORING_BANDS[item.kind];
  const scoredBand = percent === undefined ? -1 : bands.indexOf(bandOf(item.kind, percent));
  const shownBand = pendingBand ?? (scoredBand >= 0 ? scoredBand : null);
  const steps = shownBand === null ? [] : stepsOf(bands[shownBand]!);
  return (
    <Card
      size="small"
      title={t('item.bands')}
      extra={
        <Typography.Text strong data-testid="current-score">
          {percent === undefined ? t('item.unscored') : t('item.current', { percent, score: formatHundredths(itemScoreHundredths(item.points, percent)) })}
        </Typography.Text>
      }
    >
      <Flex gap="small" wrap align="center" className="zqa-dimensions">
        <Typography.Text type="secondary">{t('item.dimensions')}{t('punct.colon')}</Typography.Text>
        {BAND_DIMENSIONS[item.kind].map((d) => (
          <Tag key={d.en}>{en ? d.en : d.zh}</Tag>
        ))}
      </Flex>
      <div className="zqa-bands" role="radiogroup" aria-label={t('item.bands')}>
        {bands.map((band, i) => (
          <button
            type="button"
            key={band.min}
            role="radio"
            aria-checked={shownBand === i}
            data-testid={`band-${i + 1}`}
            className={`zqa-band${shownBand === i ? ' zqa-band-active' : ''}${scoredBand === i ? ' zqa-band-scored' : ''}`}
            onClick={() => onPickBand(i)}
          >
            <span className="zqa-band-range">
              <kbd>{i + 1}</kbd> {band.min}–{band.max}%
            </span>
            <span className="zqa-band-text">{en ? band.en : band.zh}</span>
          </button>
        ))}
      </div>
      <Flex gap="small" wrap align="center" className="zqa-steps">
        <Typography.Text type={pendingBand !== null ? 'warning' : 'secondary'} strong={pendingBand !== null} data-testid="step-hint">
          {pendingBand !== null
            ? t('item.pendingBand', { band: pendingBand + 1, range: `${bands[pendingBand]!.min}–${bands[pendingBand]!.max}%`, count: steps.length })
            : shownBand === null
              ? t('item.chooseBand')
              : t('item.steps')}
        </Typography.Text>
        {steps.map((step, i) => (
          <Button key={step} type={percent === step ? 'primary' : 'default'} onClick={() => onPickStep(step)} data-testid={`step-${step}`}>
            {pendingBand !== null && <kbd>{i + 1}</kbd>} {step}%
          </Button>
        ))}
        {percent !== undefined && (
          <Button type="link" danger onClick={() => onPickStep(null)} data-testid="clear-score">
            {t('item.clear')}
          </Button>
        )}
      </Flex>
      {hint && (
        <Typography.Text type="danger" role="alert" data-testid="digit-hint">
          {hint}
        </Typography.Text>
      )}
    </Card>
  );
}
