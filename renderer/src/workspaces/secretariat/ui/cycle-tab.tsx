import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { criteriaSetLabel } from '../../../../../shared/criteria/built-in.js';
import { PRESET_IDS, PRESETS, type PresetId } from '../../../../../shared/regulation/presets.js';
import { saveCycle } from '../store/cycle-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';
import { useCriteriaSets } from '../store/live-reads.js';

interface NewCycle {
  ordinal: number;
  year: number;
  name: string;
  preset: PresetId;
  nominationMinimumPoints?: number;
  criteriaSetId: string;
  callDate?: string;
  reviewDate?: string;
}

/**
 * A new cycle: its rules start from a preset (the 2021 draft or the rules adopted in 2022), the
 * nomination minimum is stated here (the regulation gives none: no silent 0), the criteria set
 * is chosen (built in or imported). Refused with every reason when invalid.
 */
export function NewCycleForm({ self, onCreated }: { self: SecretariatSelf; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { db, language } = useSec();
  const lang = language === 'en' ? 'en' : 'zh';
  const sets = useCriteriaSets();
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const [form] = Form.useForm<NewCycle>();
  const submit = async (v: NewCycle) => {
    const cycle = {
      id: `zqa-${v.year}-${v.ordinal}`,
      ordinal: v.ordinal,
      year: v.year,
      name: v.name,
      criteriaSetId: v.criteriaSetId,
      // Undefined when left empty: the domain then says the minimum must be stated.
      rules: { preset: v.preset, nominationMinimumPoints: v.nominationMinimumPoints },
      ...(v.callDate ? { callDate: v.callDate } : {}),
      ...(v.reviewDate ? { reviewDate: v.reviewDate } : {}),
    };
    const r = await saveCycle(db, cycle, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    form.resetFields();
    onCreated(r.value.id);
  };
  return (
    <Card title={t('sec.cycle.new')} size="small" data-testid="new-cycle">
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={{ year: new Date().getFullYear(), ordinal: 1, preset: 'draft-2021', criteriaSetId: sets?.[0]?.id ?? 'gbt19580-2012' }}
      >
        <Form.Item name="ordinal" label={t('sec.cycle.ordinal')} rules={[{ required: true }]}>
          <InputNumber min={1} max={999} data-testid="cycle-ordinal" />
        </Form.Item>
        <Form.Item name="year" label={t('sec.cycle.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} data-testid="cycle-year" />
        </Form.Item>
        <Form.Item name="name" label={t('sec.cycle.name')} rules={[{ required: true }]}>
          <Input style={{ width: '18em' }} data-testid="cycle-name" />
        </Form.Item>
        <Form.Item name="preset" label={t('sec.cycle.preset')} rules={[{ required: true }]}>
          <Select style={{ width: '22em' }} data-testid="cycle-preset" options={PRESET_IDS.map((id) => ({ value: id, label: PRESETS[id].name[lang] }))} />
        </Form.Item>
        <Form.Item name="nominationMinimumPoints" label={t('sec.rules.nominationMinimumPoints')}>
          <InputNumber min={0} max={1000} placeholder={t('sec.cycle.mustState')} data-testid="cycle-nomination-minimum" />
        </Form.Item>
        <Form.Item name="criteriaSetId" label={t('sec.cycle.criteria')} rules={[{ required: true }]}>
          <Select style={{ width: '22em' }} data-testid="cycle-criteria" options={(sets ?? []).map((s) => ({ value: s.id, label: criteriaSetLabel(s) }))} />
        </Form.Item>
        <Form.Item name="callDate" label={t('sec.cycle.callDate')}>
          <Input type="date" data-testid="cycle-call-date" />
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
