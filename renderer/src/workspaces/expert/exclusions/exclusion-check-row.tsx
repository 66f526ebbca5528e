import { Alert, Card, Flex, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExclusionRule } from '../../../../../shared/regulation/exclusions.js';
import { useReview } from '../../../app/review-context.js';
import type { ExclusionCheckRecord, ExclusionStatus } from '../store/records.js';
import { setExclusionCheck } from '../store/check-writes.js';
import { AutosaveTextArea } from '../../../ui/common/autosave-text-area.js';
import { useAutosaveText } from '../../../ui/common/use-autosave-text.js';

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七'];

/**
 * A flag needs a note, so choosing "found" waits for the note before anything is written;
 * "clear" is written at once.
 */
export function ExclusionCheckRow({ rule, check }: { rule: ExclusionRule; check: ExclusionCheckRecord | undefined }) {
  const { t, i18n } = useTranslation();
  const { review, ctx, save } = useReview();
  const [choice, setChoice] = useState<ExclusionStatus | null>(check?.status ?? null);
  const status = choice ?? check?.status ?? null;
  const note = useAutosaveText(check?.note ?? '', async (text) => {
    if (status === 'clear' || (status === 'flagged' && text.trim())) await setExclusionCheck(ctx, review.id, rule.number, status, text);
  });
  const choose = (value: ExclusionStatus) => {
    setChoice(value);
    if (value === 'clear' || note.text.trim()) void save((c) => setExclusionCheck(c, review.id, rule.number, value, note.text));
  };
  const en = i18n.language === 'en';
  return (
    <Card size="small" data-testid={`exclusion-${rule.number}`} className={status === 'flagged' ? 'zqa-flagged' : undefined}>
      <Flex vertical gap="small">
        <Typography.Text>
          <Typography.Text strong>（{CN_NUMERALS[rule.number - 1]}）</Typography.Text> {en ? rule.en : rule.zh}
        </Typography.Text>
        <Radio.Group value={status} onChange={(e) => choose(e.target.value as ExclusionStatus)}>
          <Radio value="clear" data-testid={`exclusion-${rule.number}-clear`}>{t('exclusions.clear')}</Radio>
          <Radio value="flagged" data-testid={`exclusion-${rule.number}-flagged`}>{t('exclusions.flagged')}</Radio>
        </Radio.Group>
        {status !== null && (
          <AutosaveTextArea field={note} label={t('exclusions.note')} rows={[1, 6]} testId={`exclusion-${rule.number}-note`} />
        )}
        {status === 'flagged' && !check && <Alert type="warning" showIcon title={t('exclusions.noteRequired')} />}
      </Flex>
    </Card>
  );
}
