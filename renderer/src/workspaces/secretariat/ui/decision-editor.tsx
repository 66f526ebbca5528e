import { Button, Card, Flex, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_NAMES, LIST_ORDER, type ProposalList } from '../../../../../shared/ranking/applicant-result.js';
import type { CommitteeVote } from '../../../../../shared/ranking/committee-decision.js';
import type { OverviewRow } from '../store/overview.js';

export interface DecisionInput {
  outcome: ProposalList;
  reason: string;
  vote: CommitteeVote;
}

/** The committee's decision for one candidate: the outcome, its vote (审议表决), and the reason wherever it departs. */
export function DecisionEditor({ row, lang, onDecide }: { row: OverviewRow; lang: 'zh' | 'en'; onDecide: (d: DecisionInput) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ProposalList | null>(row.decision?.outcome ?? null);
  const [reason, setReason] = useState(row.decision?.reason ?? '');
  const [vote, setVote] = useState<CommitteeVote>(row.decision?.vote ?? { for: 0, against: 0, abstaining: 0 });
  const count = (key: keyof CommitteeVote) => (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      {t(`sec.overview.vote.${key}`)}
      <InputNumber min={0} max={999} style={{ width: '5em' }} value={vote[key]} onChange={(v) => setVote((x) => ({ ...x, [key]: typeof v === 'number' ? v : 0 }))} data-testid={`vote-${key}`} />
    </label>
  );
  return (
    <Card size="small" title={t('sec.overview.decisionFor', { name: row.name })} data-testid="decision-editor">
      <Flex gap="small" wrap align="center">
        <Select
          style={{ width: '14em' }}
          value={outcome}
          placeholder={t('sec.overview.decide')}
          onChange={setOutcome}
          options={LIST_ORDER.map((l) => ({ value: l, label: LIST_NAMES[l][lang] }))}
          data-testid="decision-outcome"
        />
        {count('for')}
        {count('against')}
        {count('abstaining')}
        <Input style={{ width: '24em' }} placeholder={t('sec.overview.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="decision-reason" />
        <Button type="primary" disabled={!outcome} onClick={() => outcome && onDecide({ outcome, reason, vote })} data-testid="decision-record">
          {t('sec.overview.record')}
        </Button>
      </Flex>
    </Card>
  );
}
