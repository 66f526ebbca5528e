import { App, Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import { RESERVATION_KINDS, type Reservation } from '../../../../../shared/cycle/cycle-rules.js';
import { saveCycle } from '../store/cycle-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';

/**
 * Places reserved for a category of applicant (the 2022 rules: 3 of the 8 Awards for 专精特新
 * enterprises): part of each quota, filled first by that category's best qualifiers; either a
 * guaranteed minimum (the category also competes for the open places) or a separate pool with
 * its own cap. Recorded together, since the domain checks them together (no category twice,
 * not over the quota).
 */
export function ReservationsEditor({ cycle, self }: { cycle: Cycle; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Reservation[]>(cycle.rules.reservations);
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const edit = (k: number, patch: Partial<Reservation>) => setRows((all) => all.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  const save = async () => {
    const r = await saveCycle(db, { ...cycle, rules: { ...cycle.rules, reservations: rows } }, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'reservations', duration: 1 });
  };
  return (
    <div style={{ marginTop: 12 }} data-testid="reservations">
      <Typography.Text strong>{t('sec.reservation.title')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('sec.reservation.intro')}</Typography.Paragraph>
      {rows.map((r, k) => (
        <Space key={k} wrap style={{ display: 'flex', marginBottom: 6 }}>
          <Input style={{ width: '10em' }} placeholder={t('sec.reservation.category')} value={r.category} onChange={(e) => edit(k, { category: e.target.value })} />
          <Input style={{ width: '14em' }} placeholder={t('sec.reservation.label')} value={r.label} onChange={(e) => edit(k, { label: e.target.value })} />
          <span>{t('sec.reservation.award')}</span>
          <InputNumber min={0} value={r.award} onChange={(v) => edit(k, { award: typeof v === 'number' ? v : 0 })} />
          <span>{t('sec.reservation.nomination')}</span>
          <InputNumber min={0} value={r.nomination} onChange={(v) => edit(k, { nomination: typeof v === 'number' ? v : 0 })} />
          <Select style={{ width: '12em' }} value={r.kind} onChange={(kind) => edit(k, { kind })} options={RESERVATION_KINDS.map((m) => ({ value: m, label: t(`sec.reservation.kinds.${m}`) }))} />
          <Button onClick={() => setRows((all) => all.filter((_r, j) => j !== k))}>{t('sec.remove')}</Button>
        </Space>
      ))}
      <Space>
        <Button onClick={() => setRows((all) => [...all, { category: '', label: '', award: 1, nomination: 0, kind: 'guaranteed-minimum' }])}>{t('sec.reservation.add')}</Button>
        <Button type="primary" onClick={() => void save()}>
          {t('sec.reservation.record')}
        </Button>
      </Space>
      <ProblemList problems={problems} testId="reservation-problems" title={t('sec.notSaved')} />
    </div>
  );
}
