import { App, Button, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import { saveCycle } from '../store/cycle-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';

type Row = Cycle['rules']['eligibility']['operatingYearsByCategory'][number];

/**
 * A shorter operating period for some categories (the 2022 rules: 3 years for 专精特新 "little
 * giants" instead of 5), recorded together and checked by the domain (no category twice).
 */
export function CategoryYearsEditor({ cycle, self }: { cycle: Cycle; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>(cycle.rules.eligibility.operatingYearsByCategory);
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const save = async () => {
    const rules = { ...cycle.rules, eligibility: { ...cycle.rules.eligibility, operatingYearsByCategory: rows } };
    const r = await saveCycle(db, { ...cycle, rules }, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'category-years', duration: 1 });
  };
  return (
    <div style={{ marginTop: 12 }} data-testid="category-years">
      <Typography.Text strong>{t('sec.rules.categoryYears')}</Typography.Text>
      {rows.map((r, k) => (
        <Space key={k} wrap style={{ display: 'flex', margin: '6px 0' }}>
          <Input style={{ width: '10em' }} placeholder={t('sec.reservation.category')} value={r.category} onChange={(e) => setRows((all) => all.map((x, j) => (j === k ? { ...x, category: e.target.value } : x)))} />
          <InputNumber min={1} value={r.years} onChange={(v) => setRows((all) => all.map((x, j) => (j === k ? { ...x, years: typeof v === 'number' ? v : 1 } : x)))} />
          <Button onClick={() => setRows((all) => all.filter((_x, j) => j !== k))}>{t('sec.remove')}</Button>
        </Space>
      ))}
      <Space style={{ display: 'flex', marginTop: 6 }}>
        <Button onClick={() => setRows((all) => [...all, { category: '', years: cycle.rules.eligibility.operatingYears }])}>{t('sec.rules.addCategoryYears')}</Button>
        <Button type="primary" onClick={() => void save()}>
          {t('sec.rules.recordCategoryYears')}
        </Button>
      </Space>
      <ProblemList problems={problems} testId="category-years-problems" title={t('sec.notSaved')} />
    </div>
  );
}
