import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCycleRules, type CycleRules } from '../../../../shared/cycle/cycle-rules.js';
import type { Cycle } from '../../../../shared/cycle/cycle.js';
import { GBT19580_2012 } from '../../../../shared/criteria/gbt19580-2012.js';
import { saveCycle } from '../store/cycle-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { ReservationsEditor } from './reservations-editor.js';
import { useSec } from './use-secretariat.js';

/** A new cycle: the regulation's rules by default; refused with every reason when invalid. */
export function NewCycleForm({ self, onCreated }: { self: SecretariatSelf; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const [form] = Form.useForm<{ ordinal: number; year: number; name: string; reviewDate: string }>();
  const submit = async (v: { ordinal: number; year: number; name: string; reviewDate?: string }) => {
    const cycle = { id: `zqa-${v.year}-${v.ordinal}`, ordinal: v.ordinal, year: v.year, name: v.name, criteriaSetId: GBT19580_2012.id, rules: defaultCycleRules(), ...(v.reviewDate ? { reviewDate: v.reviewDate } : {}) };
    const r = await saveCycle(db, cycle, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    form.resetFields();
    onCreated(r.value.id);
  };
  return (
    <Card title={t('sec.cycle.new')} size="small" data-testid="new-cycle">
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)} initialValues={{ year: new Date().getFullYear(), ordinal: 1 }}>
        <Form.Item name="ordinal" label={t('sec.cycle.ordinal')} rules={[{ required: true }]}>
          <InputNumber min={1} max={999} data-testid="cycle-ordinal" />
        </Form.Item>
        <Form.Item name="year" label={t('sec.cycle.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} data-testid="cycle-year" />
        </Form.Item>
        <Form.Item name="name" label={t('sec.cycle.name')} rules={[{ required: true }]}>
          <Input style={{ width: '18em' }} data-testid="cycle-name" />
        </Form.Item>
        <Form.Item name="reviewDate" label={t('sec.cycle.reviewDate')}>
          <Input type="date" data-testid="cycle-review-date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="create-cycle">
          {t('sec.cycle.create')}
        </Button>
      </Form>
      <ProblemList problems={problems} testId="cycle-problems" />
    </Card>
  );
}

type NumericRule = Exclude<keyof CycleRules, 'reservations' | 'nominationMinimumPoints'>;
const NUMERIC: readonly NumericRule[] = ['awardQuota', 'nominationQuota', 'awardThresholdPoints', 'divergenceLimitPoints', 'panelSizeMin', 'panelSizeMax', 'awardValidityYears', 'publicNoticeMinDays'];

/**
 * The cycle's rules, each saved as it is changed (no Save button). A value the domain refuses
 * is shown with its reason and not stored; the stored rules stay as they were.
 */
export function CycleRulesCard({ cycle, self }: { cycle: Cycle; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const change = async (key: keyof CycleRules, value: number | null) => {
    setDraft((d) => ({ ...d, [key]: value }));
    const rules: Record<string, unknown> = { ...cycle.rules };
    if (value === null) delete rules[key];
    else rules[key] = value;
    const r = await saveCycle(db, { ...cycle, rules }, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    setDraft((d) => {
      const { [key]: _gone, ...rest } = d;
      return rest;
    });
    void message.success({ content: t('sec.saved'), key: 'rules-saved', duration: 1 });
  };
  const valueOf = (key: keyof CycleRules) => (key in draft ? draft[key] : (cycle.rules[key] as number | undefined)) ?? null;
  return (
    <Card title={t('sec.cycle.rules')} size="small" data-testid="cycle-rules">
      <Typography.Paragraph type="secondary">{t('sec.cycle.rulesIntro')}</Typography.Paragraph>
      <Flex wrap gap="middle">
        {NUMERIC.map((key) => (
          <label key={key} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <span>{t(`sec.rules.${key}`)}</span>
            <InputNumber value={valueOf(key)} onChange={(v) => void change(key, typeof v === 'number' ? v : null)} data-testid={`rule-${key}`} />
          </label>
        ))}
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <span>{t('sec.rules.nominationMinimumPoints')}</span>
          <InputNumber value={valueOf('nominationMinimumPoints')} placeholder={t('sec.rules.unset')} onChange={(v) => void change('nominationMinimumPoints', typeof v === 'number' ? v : null)} data-testid="rule-nominationMinimumPoints" />
        </label>
      </Flex>
      <ProblemList problems={problems} testId="rule-problems" title={t('sec.notSaved')} />
      <ReservationsEditor cycle={cycle} self={self} />
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        items={[
          { key: 'id', label: t('sec.cycle.id'), children: cycle.id },
          { key: 'criteria', label: t('sec.cycle.criteria'), children: GBT19580_2012.name },
          { key: 'date', label: t('sec.cycle.reviewDate'), children: cycle.reviewDate ?? '—' },
        ]}
      />
    </Card>
  );
}
