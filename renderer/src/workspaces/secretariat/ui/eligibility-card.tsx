import { Card, Flex, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantRecord } from '../../../../../shared/applicant/applicant-record.js';
import { eligibilityContextOf } from '../../../../../shared/applicant/applicant-record.js';
import { eligibilityViews, priorAwardBars, type ConditionView } from '../../../../../shared/applicant/eligibility-check.js';
import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import { ARTICLE_13_BY_PRESET } from '../../../../../shared/regulation/eligibility.js';
import { uncheckedConditionIds } from '../../../../../shared/applicant/bulk-checks.js';
import { markRemainingConditionsMet, setEligibility, setFacts } from '../store/applicant-store.js';
import { BulkMarkButton } from './bulk-mark-button.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { useSec } from '../store/use-secretariat.js';

/**
 * Art. 13 as the cycle's text words it, paragraph by paragraph in full; under each, its
 * conditions: ticked with evidence, or (the year counts) computed from the founding date and
 * the excellence model's start to the cycle's call date. Earlier awards that bar the
 * applicant (Art. 24, 27) are shown with the date they end.
 */
export function EligibilityCard({ id, record, cycle, self, onSaved }: { id: string; record: ApplicantRecord; cycle: Cycle; self: SecretariatSelf; onSaved: () => void }) {
  const { t } = useTranslation();
  const { db, language, text } = useSec();
  const lang = language === 'en' ? 'en' : 'zh';
  const ctx = eligibilityContextOf(record, { rules: cycle.rules, callDate: cycle.callDate });
  const views = eligibilityViews(record.eligibility, ctx);
  const bars = priorAwardBars(ctx);
  const article = ARTICLE_13_BY_PRESET[cycle.rules.preset];
  const saveDate = (key: 'foundedOn' | 'excellenceModelSince', value: string) => void setFacts(db, id, { [key]: value }, self.actor).then(onSaved);
  const paragraphs = [1, 2, 3, 4, 5] as const;
  const unchecked = uncheckedConditionIds(record.eligibility, ctx);
  const listed = unchecked.map((cid) => ({ key: cid, text: views.find((v) => v.condition.id === cid)!.condition[lang] }));
  const bulk = (
    <BulkMarkButton
      listed={listed}
      testId="bulk-conditions-met"
      apply={() => markRemainingConditionsMet(db, id, unchecked, self.actor)}
      onSaved={onSaved}
      words={{ action: t('sec.applicant.bulkMet'), none: t('sec.applicant.bulkMetNone'), title: t('sec.applicant.bulkMetTitle'), intro: t('sec.applicant.bulkMetIntro'), ok: t('sec.applicant.bulkOk'), cancel: t('sec.applicant.bulkCancel'), done: (count) => t('sec.applicant.bulkMetDone', { count }) }}
    />
  );
  return (
    <Card size="small" title={t('sec.applicant.eligibility')} extra={bulk} style={{ flex: 1, minWidth: 460 }} data-testid="eligibility">
      <Flex gap="middle" wrap style={{ marginBottom: 8 }}>
        <label>
          {t('sec.applicant.foundedOn')}{' '}
          <Input type="date" style={{ width: '11em' }} defaultValue={record.facts.foundedOn ?? ''} onBlur={(e) => e.target.value !== (record.facts.foundedOn ?? '') && saveDate('foundedOn', e.target.value)} data-testid="fact-foundedOn" />
        </label>
        <label>
          {t('sec.applicant.excellenceModelSince')}{' '}
          <Input type="date" style={{ width: '11em' }} defaultValue={record.facts.excellenceModelSince ?? ''} onBlur={(e) => e.target.value !== (record.facts.excellenceModelSince ?? '') && saveDate('excellenceModelSince', e.target.value)} data-testid="fact-excellenceModelSince" />
        </label>
        {!cycle.callDate && <Tag color="orange">{t('sec.applicant.needCallDate')}</Tag>}
      </Flex>
      {paragraphs.map((p) => (
        <div key={p} style={{ marginBottom: 8 }}>
          <Typography.Paragraph style={{ marginBottom: 4 }} type="secondary" data-testid={`article13-${p}`}>{`（${'一二三四五'[p - 1]}）${article[p]}`}</Typography.Paragraph>
          {views.filter((v) => v.condition.paragraph === p).map((v) => (
            <ConditionRow key={v.condition.id} view={v} lang={lang} record={record} onTick={(status, evidence) => void setEligibility(db, id, v.condition.id, { status, evidence }, self.actor).then(onSaved)} />
          ))}
        </div>
      ))}
      {bars.map((b) => (
        <Tag key={b.code + b.until} color="red" style={{ whiteSpace: 'normal' }} data-testid="prior-award-bar">
          {text(b)}
        </Tag>
      ))}
    </Card>
  );
}

function ConditionRow({ view, lang, record, onTick }: { view: ConditionView; lang: 'zh' | 'en'; record: ApplicantRecord; onTick: (status: 'unchecked' | 'met' | 'unmet', evidence: string) => void }) {
  const { t } = useTranslation();
  const c = view.condition;
  const entry = record.eligibility[c.id] ?? { status: 'unchecked' as const, evidence: '' };
  if (view.computed) {
    const k = view.computed;
    const detail = k.years !== undefined ? t('sec.applicant.yearsCounted', { years: k.years, required: k.required, from: k.from }) : k.missing === 'date' ? t('sec.applicant.needDate', { required: k.required }) : t('sec.applicant.needCallDate');
    return (
      <Flex gap="small" align="center" style={{ marginBottom: 6, paddingInlineStart: 12 }}>
        <span style={{ flex: 2 }}>{c[lang]}</span>
        <Tag color={view.status === 'met' ? 'green' : view.status === 'unmet' ? 'red' : 'default'} data-testid={`eligibility-${c.id}`}>
          {t(`sec.status.${view.status}`)}
        </Tag>
        <Typography.Text type="secondary" style={{ flex: 2 }}>
          {detail}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex gap="small" align="center" style={{ marginBottom: 6, paddingInlineStart: 12 }}>
      <span style={{ flex: 2 }}>{c[lang]}</span>
      <Select
        size="small"
        value={entry.status}
        style={{ width: '7em' }}
        data-testid={`eligibility-${c.id}`}
        onChange={(status) => onTick(status, entry.evidence)}
        options={(['unchecked', 'met', 'unmet'] as const).map((s) => ({ value: s, label: t(`sec.status.${s}`) }))}
      />
      <Input size="small" style={{ flex: 2 }} defaultValue={entry.evidence} placeholder={t('sec.applicant.evidence')} onBlur={(e) => e.target.value !== entry.evidence && onTick(entry.status, e.target.value)} />
    </Flex>
  );
}
