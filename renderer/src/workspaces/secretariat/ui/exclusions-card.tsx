import { Button, Card, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantRecord } from '../../../../../shared/applicant/applicant-record.js';
import { eligibilityContextOf } from '../../../../../shared/applicant/applicant-record.js';
import { incidentLookback, type Incident } from '../../../../../shared/applicant/eligibility-check.js';
import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import { EXCLUSION_RULES } from '../../../../../shared/regulation/exclusions.js';
import { uncheckedExclusionNumbers } from '../../../../../shared/applicant/bulk-checks.js';
import { markRemainingExclusionsClear, setExclusion, setFacts } from '../store/applicant-store.js';
import { BulkMarkButton } from './bulk-mark-button.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';

/**
 * Art. 14's exclusions, each checked with evidence; and the dated incidents its look-back asks
 * about (spot checks, misconduct, losses, accidents), with those inside the cycle's look-back
 * before the call shown against their exclusion and the whole years since the last one.
 */
export function ExclusionsCard({ id, record, cycle, self, onSaved }: { id: string; record: ApplicantRecord; cycle: Cycle; self: SecretariatSelf; onSaved: () => void }) {
  const { t } = useTranslation();
  const { db, language } = useSec();
  const lang = language === 'en' ? 'en' : 'zh';
  const [incidents, setIncidents] = useState<Incident[]>(record.facts.incidents);
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const lookback = incidentLookback(eligibilityContextOf(record, { rules: cycle.rules, callDate: cycle.callDate }));
  const saveIncidents = async () => {
    const r = await setFacts(db, id, { incidents }, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    onSaved();
  };
  const edit = (k: number, patch: Partial<Incident>) => setIncidents((all) => all.map((x, j) => (j === k ? { ...x, ...patch } : x)));
  const unchecked = uncheckedExclusionNumbers(record.exclusions);
  const bulk = (
    <BulkMarkButton
      listed={unchecked.map((n) => ({ key: String(n), text: `（${n}）${EXCLUSION_RULES.find((r) => r.number === n)![lang]}` }))}
      testId="bulk-exclusions-clear"
      apply={() => markRemainingExclusionsClear(db, id, unchecked, self.actor)}
      onSaved={onSaved}
      words={{ action: t('sec.applicant.bulkClear'), none: t('sec.applicant.bulkClearNone'), title: t('sec.applicant.bulkClearTitle'), intro: t('sec.applicant.bulkClearIntro'), ok: t('sec.applicant.bulkOk'), cancel: t('sec.applicant.bulkCancel'), done: (count) => t('sec.applicant.bulkClearDone', { count }) }}
    />
  );
  return (
    <Card size="small" title={t('sec.applicant.exclusions')} extra={bulk} style={{ flex: 1, minWidth: 420 }} data-testid="exclusions">
      {EXCLUSION_RULES.map((x) => {
        const entry = record.exclusions[x.number] ?? { status: 'unchecked' as const, evidence: '' };
        const recent = lookback.within.filter((i) => i.exclusion === x.number);
        return (
          <Flex key={x.number} gap="small" align="center" style={{ marginBottom: 6 }} wrap>
            <span style={{ flex: 2 }} title={x[lang]}>{`（${x.number}）${x[lang].slice(0, 40)}`}</span>
            <Select
              size="small"
              value={entry.status}
              style={{ width: '7em' }}
              data-testid={`exclusion-${x.number}`}
              onChange={(status) => void setExclusion(db, id, x.number, { status, evidence: entry.evidence }, self.actor).then(onSaved)}
              options={(['unchecked', 'clear', 'flagged', 'confirmed'] as const).map((s) => ({ value: s, label: t(`sec.status.${s}`) }))}
            />
            <Input
              size="small"
              style={{ flex: 2 }}
              defaultValue={entry.evidence}
              placeholder={t('sec.applicant.evidence')}
              onBlur={(e) => e.target.value !== entry.evidence && void setExclusion(db, id, x.number, { status: entry.status, evidence: e.target.value }, self.actor).then(onSaved)}
            />
            {recent.length > 0 && <Tag color="orange" data-testid={`incident-within-${x.number}`}>{t('sec.applicant.incidentsWithin', { years: cycle.rules.eligibility.lookbackYears, dates: recent.map((i) => i.date).join('、') })}</Tag>}
          </Flex>
        );
      })}
      <Typography.Text strong>{t('sec.applicant.incidents')}</Typography.Text>
      {lookback.yearsWithout !== undefined && <Typography.Text type="secondary" data-testid="years-without">{`  ${t('sec.applicant.yearsWithout', { years: lookback.yearsWithout })}`}</Typography.Text>}
      {incidents.map((i, k) => (
        <Space key={k} wrap style={{ display: 'flex', margin: '6px 0' }}>
          <Input type="date" style={{ width: '11em' }} value={i.date} onChange={(e) => edit(k, { date: e.target.value })} />
          <Select style={{ width: '9em' }} value={i.exclusion} onChange={(exclusion) => edit(k, { exclusion })} options={([3, 4, 5, 6] as const).map((n) => ({ value: n, label: t('sec.applicant.incidentKind', { n }) }))} />
          <Input style={{ width: '20em' }} value={i.note} placeholder={t('sec.applicant.incidentNote')} onChange={(e) => edit(k, { note: e.target.value })} />
          <Button onClick={() => setIncidents((all) => all.filter((_x, j) => j !== k))}>{t('sec.remove')}</Button>
        </Space>
      ))}
      <Space style={{ display: 'flex', marginTop: 6 }}>
        <Button onClick={() => setIncidents((all) => [...all, { date: '', exclusion: 6, note: '' }])}>{t('sec.applicant.addIncident')}</Button>
        <Button type="primary" onClick={() => void saveIncidents()}>
          {t('sec.applicant.recordIncidents')}
        </Button>
      </Space>
      <ProblemList problems={problems} testId="incident-problems" title={t('sec.notSaved')} />
    </Card>
  );
}
