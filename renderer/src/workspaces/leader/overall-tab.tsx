import { Alert, Card, Descriptions, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { exclusionTarget, OVERALL_TARGET } from '../../../../shared/consensus/consensus-edits.js';
import type { ExclusionConsensus } from '../../../../shared/consensus/consensus-record.js';
import { recommend } from '../../../../shared/consensus/recommendation.js';
import { EXCLUSION_RULES } from '../../../../shared/regulation/exclusions.js';
import { formatHundredths } from '../../../../shared/scoring/hundredths.js';
import { useAutosaveText } from '../../ui/common/use-autosave-text.js';
import { BulkExclusionsButton } from './bulk-exclusions-button.js';
import { useLeader } from './leader-context.js';
import { describeIncompleteConsensus } from './incomplete-consensus.js';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

/** The Art. 14 exclusions, the overall evaluation, key strengths and OFIs, and the recommendation with its facts. */
export function OverallTab() {
  const { t } = useTranslation();
  const { consensus, edit } = useLeader();
  const overall = useAutosaveText(consensus.overallEvaluation, (text) => edit({ kind: 'consensus-overall', itemId: OVERALL_TARGET, to: text }));
  const strengths = useAutosaveText(consensus.keyStrengths.join('\n'), (text) => edit({ kind: 'consensus-key-strengths', itemId: OVERALL_TARGET, to: lines(text) }));
  const ofis = useAutosaveText(consensus.keyOfis.join('\n'), (text) => edit({ kind: 'consensus-key-ofis', itemId: OVERALL_TARGET, to: lines(text) }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('leader.exclusions')} extra={<BulkExclusionsButton />} data-testid="exclusion-consensus">
        {consensus.exclusions.map((e) => (
          <ExclusionRow key={e.number} exclusion={e} />
        ))}
      </Card>
      <Card size="small" title={t('leader.overall')}>
        <Input.TextArea autoSize={{ minRows: 4 }} value={overall.text} onChange={(e) => overall.onChange(e.target.value)} onBlur={overall.flush} data-testid="overall-evaluation" />
        <Typography.Text strong style={{ display: 'block', marginTop: '0.75em' }}>{t('leader.keyStrengths')}</Typography.Text>
        <Input.TextArea autoSize={{ minRows: 3 }} value={strengths.text} onChange={(e) => strengths.onChange(e.target.value)} onBlur={strengths.flush} data-testid="key-strengths" />
        <Typography.Text strong style={{ display: 'block', marginTop: '0.75em' }}>{t('leader.keyOfis')}</Typography.Text>
        <Input.TextArea autoSize={{ minRows: 3 }} value={ofis.text} onChange={(e) => ofis.onChange(e.target.value)} onBlur={ofis.flush} data-testid="key-ofis" />
      </Card>
      <RecommendationCard />
    </Space>
  );
}

function ExclusionRow({ exclusion }: { exclusion: ExclusionConsensus }) {
  const { t, i18n } = useTranslation();
  const { model, edit } = useLeader();
  const rule = EXCLUSION_RULES.find((r) => r.number === exclusion.number)!;
  const itemId = exclusionTarget(exclusion.number);
  const note = useAutosaveText(exclusion.note, (text) => edit({ kind: 'consensus-exclusion', itemId, to: { status: exclusion.status, note: text } }));
  const findings = model.sheets.flatMap((s) => s.exclusions.filter((x) => x.number === exclusion.number && x.status === 'flagged').map((x) => `${model.names.get(s.memberId) ?? s.memberId}${x.note ? t('punct.paren', { text: x.note }) : ''}`));
  return (
    <div style={{ padding: '0.5em 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`exclusion-${exclusion.number}`}>
      <Typography.Text strong>{`${exclusion.number}. ${i18n.language === 'en' ? rule.en : rule.zh}`}</Typography.Text>
      <div className="zqa-hint">{findings.length > 0 ? t('leader.flaggedBy', { names: findings.join('、') }) : t('leader.noneFlagged')}</div>
      <Space wrap style={{ marginTop: '0.25em', width: '100%' }}>
        <Radio.Group
          value={exclusion.status}
          optionType="button"
          size="small"
          onChange={(e) => void edit({ kind: 'consensus-exclusion', itemId, to: { status: e.target.value as ExclusionConsensus['status'], note: note.text } })}
          options={[
            { value: 'open', label: t('leader.exclusionOpen') },
            { value: 'clear', label: <span data-testid={`exclusion-clear-${exclusion.number}`}>{t('leader.exclusionClear')}</span> },
            { value: 'flagged', label: <span data-testid={`exclusion-flagged-${exclusion.number}`}>{t('leader.exclusionFlagged')}</span> },
          ]}
        />
        <Input
          size="small"
          style={{ minWidth: '24em' }}
          placeholder={exclusion.status === 'flagged' ? t('leader.flaggedNeedsNote') : t('leader.exclusionNote')}
          status={exclusion.status === 'flagged' && !note.text.trim() ? 'warning' : undefined}
          value={note.text}
          onChange={(e) => note.onChange(e.target.value)}
          onBlur={note.flush}
        />
      </Space>
    </div>
  );
}

function RecommendationCard() {
  const { t } = useTranslation();
  const { model, consensus } = useLeader();
  const facts = recommend(model.criteriaSet, consensus, model.rules);
  return (
    <Card size="small" title={t('leader.recommendation')} data-testid="recommendation">
      {!facts.ok ? (
        <Alert type="info" showIcon title={t('leader.recommendationOpen', { reason: describeIncompleteConsensus(facts.error, t) })} />
      ) : (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('leader.recommendation')}>
            <Typography.Text strong data-testid="recommendation-value">{t(`leader.rec.${facts.value.recommendation}`)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('leader.consensus')}>
            <span data-testid="recommendation-total">{t('leader.total', { total: formatHundredths(facts.value.totalHundredths), threshold: formatHundredths(facts.value.thresholdHundredths) })}</span>{t('punct.paren', { text: t(facts.value.meetsThreshold ? 'leader.meets' : 'leader.below') })}
          </Descriptions.Item>
          <Descriptions.Item label={t('leader.exclusions')}>
            {facts.value.flaggedExclusions.length > 0 ? t('leader.flaggedExclusions', { numbers: facts.value.flaggedExclusions.join('、') }) : t('leader.noExclusions')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
