import { App, Button, Card, Flex, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantRecord } from '../../../../../shared/applicant/applicant-record.js';
import { materialReviewTotals } from '../../../../../shared/applicant/material-review.js';
import type { CriteriaSet } from '../../../../../shared/criteria/criteria-set.js';
import { itemsOf } from '../../../../../shared/criteria/validate-criteria-set.js';
import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import { formatHundredths } from '../../../../../shared/scoring/hundredths.js';
import { setMaterialReview } from '../store/applicant-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';
import { useCriteriaSet } from '../store/live-reads.js';

/**
 * The material-review result: a percentage per item (5% grid) and the issues to verify on
 * site. It is one result, complete or not at all, so it is recorded when every item has its
 * percentage; the domain refuses anything off the grid or missing, with the item named.
 */
export function MaterialReviewCard({ id, record, cycle, self }: { id: string; record: ApplicantRecord; cycle: Cycle; self: SecretariatSelf }) {
  const set = useCriteriaSet(cycle.criteriaSetId);
  if (!set) return null;
  return <MaterialReviewForm id={id} record={record} set={set} self={self} />;
}

function MaterialReviewForm({ id, record, set, self }: { id: string; record: ApplicantRecord; set: CriteriaSet; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const { message } = App.useApp();
  const items = itemsOf(set);
  const [percents, setPercents] = useState<Record<string, number | null>>(() => Object.fromEntries(items.map((i) => [i.id, record.materialReview?.percentByItem[i.id] ?? null])));
  const [issues, setIssues] = useState(() => record.materialReview?.siteVisitIssues ?? []);
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const save = async () => {
    const percentByItem = Object.fromEntries(Object.entries(percents).filter((e): e is [string, number] => e[1] !== null));
    const r = await setMaterialReview(db, id, { criteriaSetId: set.id, percentByItem, siteVisitIssues: issues.filter((i) => i.text.trim()) }, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'mr-saved', duration: 1 });
  };
  // A result scored against another set (the cycle's set changed since) has no total here.
  const total = record.materialReview?.criteriaSetId === set.id ? formatHundredths(materialReviewTotals(set, record.materialReview).totalHundredths) : '—';
  return (
    <Card size="small" title={`${t('sec.material.title')}（${t('sec.material.total')} ${total}）`} style={{ marginTop: 12 }} data-testid="material-review">
      <Flex wrap gap="small">
        {items.map((i) => (
          <label key={i.id} style={{ display: 'flex', flexDirection: 'column', width: '6.5em' }} title={i.name}>
            <Typography.Text type="secondary">{`${i.id}（${i.points}）`}</Typography.Text>
            <InputNumber size="small" min={0} max={100} step={5} value={percents[i.id]} onChange={(v) => setPercents((p) => ({ ...p, [i.id]: typeof v === 'number' ? v : null }))} data-testid={`mr-${i.id}`} />
          </label>
        ))}
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('sec.material.issues')}
      </Typography.Title>
      {issues.map((issue, k) => (
        <Space key={k} style={{ display: 'flex', marginBottom: 4 }}>
          <Select
            size="small"
            style={{ width: '8em' }}
            value={issue.itemId ?? ''}
            onChange={(v) => setIssues((all) => all.map((x, j) => (j === k ? { text: x.text, ...(v ? { itemId: v } : {}) } : x)))}
            options={[{ value: '', label: t('sec.material.general') }, ...items.map((i) => ({ value: i.id, label: i.id }))]}
          />
          <Input size="small" style={{ width: '40em' }} value={issue.text} onChange={(e) => setIssues((all) => all.map((x, j) => (j === k ? { ...x, text: e.target.value } : x)))} data-testid={`mr-issue-${k}`} />
          <Button size="small" onClick={() => setIssues((all) => all.filter((_x, j) => j !== k))}>
            {t('sec.remove')}
          </Button>
        </Space>
      ))}
      <Space style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => setIssues((all) => [...all, { text: '' }])} data-testid="mr-add-issue">
          {t('sec.material.addIssue')}
        </Button>
        <Button type="primary" size="small" onClick={() => void save()} data-testid="mr-save">
          {t('sec.material.record')}
        </Button>
      </Space>
      <ProblemList problems={problems} testId="mr-problems" title={t('sec.notSaved')} />
    </Card>
  );
}
