import { App, Button, Card, Descriptions, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantRecord } from '../../../../../shared/applicant/applicant-record.js';
import { awardValidUntil, revocationBarUntil, REVOCATION_GROUNDS, type AwardRecord } from '../../../../../shared/applicant/prior-awards.js';
import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import { LIST_NAMES } from '../../../../../shared/ranking/applicant-result.js';
import { revokeAward, setPriorAwards } from '../store/applicant-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';

/**
 * After the award (Art. 24, 27): the organisation's earlier awards (a valid Award keeps it from
 * applying, an expired one makes it a repeat winner, a revoked one bars it for the cycle's
 * years); this cycle's award once decided, with its validity's end and its prize money; and
 * the revocation of that award with its ground, reason, date and the decision's reference.
 */
export function AwardsCard({ id, record, cycle, self }: { id: string; record: ApplicantRecord; cycle: Cycle; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db, language } = useSec();
  const lang = language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const [prior, setPrior] = useState<AwardRecord[]>(record.priorAwards);
  const [revocation, setRevocation] = useState({ ground: 1, reason: '', date: '', decisionRef: '' });
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const done = (r: { ok: boolean; error?: Bilingual[] }) => {
    if (!r.ok) return setProblems(r.error ?? []);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'awards', duration: 1 });
  };
  const edit = (k: number, patch: Partial<AwardRecord>) => setPrior((all) => all.map((a, j) => (j === k ? { ...a, ...patch } : a)));
  const award = record.award;
  return (
    <Card size="small" title={t('sec.award.title')} style={{ marginTop: 12 }} data-testid="awards">
      <Typography.Text strong>{t('sec.award.prior')}</Typography.Text>
      {prior.map((a, k) => (
        <Space key={k} wrap style={{ display: 'flex', margin: '6px 0' }}>
          <InputNumber min={1990} max={2200} value={a.year} onChange={(v) => edit(k, { year: typeof v === 'number' ? v : a.year })} />
          <Select style={{ width: '12em' }} value={a.kind} onChange={(kind) => edit(k, { kind })} options={(['award', 'nomination'] as const).map((l) => ({ value: l, label: LIST_NAMES[l][lang] }))} />
          <Input type="date" style={{ width: '11em' }} value={a.decidedOn} onChange={(e) => edit(k, { decidedOn: e.target.value })} title={t('sec.award.decidedOn')} />
          <Typography.Text type="secondary">{t('sec.award.validUntil', { date: a.decidedOn ? awardValidUntil(a, cycle.rules) : '—' })}</Typography.Text>
          {a.revocation && <Tag color="red">{t('sec.award.revokedOn', { date: a.revocation.date })}</Tag>}
          <Button onClick={() => setPrior((all) => all.filter((_a, j) => j !== k))}>{t('sec.remove')}</Button>
        </Space>
      ))}
      <Space style={{ display: 'flex', marginBottom: 8 }}>
        <Button onClick={() => setPrior((all) => [...all, { kind: 'award', year: cycle.year - 4, decidedOn: '' }])} data-testid="prior-award-add">
          {t('sec.award.addPrior')}
        </Button>
        <Button type="primary" onClick={() => void setPriorAwards(db, id, prior, self.actor).then(done)} data-testid="prior-award-record">
          {t('sec.award.recordPrior')}
        </Button>
      </Space>
      {award && (
        <Descriptions
          size="small"
          column={2}
          data-testid="cycle-award"
          items={[
            { key: 'kind', label: t('sec.award.kind'), children: `${LIST_NAMES[award.kind][lang]}${award.repeatWinner ? t('sec.award.repeat') : ''}` },
            { key: 'decided', label: t('sec.award.decidedOn'), children: award.decidedOn },
            { key: 'valid', label: t('sec.award.validity'), children: t('sec.award.validUntil', { date: awardValidUntil(award, cycle.rules) }) },
            { key: 'money', label: t('sec.award.prizeMoney'), children: `${(award.prizeMoneyYuan ?? 0).toLocaleString('zh-CN')} 元` },
            ...(award.revocation
              ? [{ key: 'revoked', label: t('sec.award.revoked'), children: t('sec.award.revokedText', { date: award.revocation.date, ref: award.revocation.decisionRef, reason: award.revocation.reason, until: revocationBarUntil(award.revocation, cycle.rules) }) }]
              : []),
          ]}
        />
      )}
      {award && !award.revocation && (
        <Space wrap style={{ display: 'flex', marginTop: 8 }} data-testid="revoke-form">
          <Select style={{ width: '22em' }} value={revocation.ground} onChange={(ground) => setRevocation({ ...revocation, ground })} options={REVOCATION_GROUNDS.map((g) => ({ value: g.number, label: `（${g.number}）${g[lang]}` }))} />
          <Input style={{ width: '16em' }} placeholder={t('sec.award.reason')} value={revocation.reason} onChange={(e) => setRevocation({ ...revocation, reason: e.target.value })} data-testid="revoke-reason" />
          <Input type="date" style={{ width: '11em' }} value={revocation.date} onChange={(e) => setRevocation({ ...revocation, date: e.target.value })} data-testid="revoke-date" />
          <Input style={{ width: '14em' }} placeholder={t('sec.award.decisionRef')} value={revocation.decisionRef} onChange={(e) => setRevocation({ ...revocation, decisionRef: e.target.value })} data-testid="revoke-ref" />
          <Button danger onClick={() => void revokeAward(db, id, revocation, self.actor).then(done)} data-testid="revoke">
            {t('sec.award.revoke')}
          </Button>
        </Space>
      )}
      <ProblemList problems={problems} testId="award-problems" title={t('sec.notSaved')} />
    </Card>
  );
}
