import { App, Card, Descriptions, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { criteriaSetLabel } from '../../../../../shared/criteria/built-in.js';
import { UNFILLED_RESERVED, type CycleRules } from '../../../../../shared/cycle/cycle-rules.js';
import type { Cycle } from '../../../../../shared/cycle/cycle.js';
import { PRESETS } from '../../../../../shared/regulation/presets.js';
import { saveCycle } from '../store/cycle-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { CategoryYearsEditor } from './category-years-editor.js';
import { CriteriaSetsCard } from './criteria-sets-card.js';
import { ProblemList } from './problem-list.js';
import { ReservationsEditor } from './reservations-editor.js';
import { useSec } from '../store/use-secretariat.js';
import { useCriteriaSets } from '../store/live-reads.js';

/** A number of the rules, by its path in CycleRules (nested ones with a dot). */
const NUMERIC = [
  'awardQuota',
  'nominationQuota',
  'awardThresholdPoints',
  'nominationMinimumPoints',
  'divergenceLimitPoints',
  'panelSizeMin',
  'panelSizeMax',
  'awardValidityYears',
  'revocationBarYears',
  'publicNoticeMinDays',
  'prizeMoneyYuan.award',
  'prizeMoneyYuan.nomination',
  'eligibility.operatingYears',
  'eligibility.excellenceModelYears',
  'eligibility.lookbackYears',
] as const;
type NumericPath = (typeof NUMERIC)[number];
/** The rule's label in the catalogue: a dotted path is written with "_" there (`sec.rules.prizeMoneyYuan_award`). */
type Underscored<P extends string> = P extends `${infer A}.${infer B}` ? `${A}_${B}` : P;
type RuleLabelKey = `sec.rules.${Underscored<NumericPath>}`;
const ruleLabelKey = (path: NumericPath) => `sec.rules.${path.replace('.', '_')}` as RuleLabelKey;

function valueAt(rules: CycleRules, path: NumericPath): number {
  const [a, b] = path.split('.') as [string, string | undefined];
  const top = (rules as unknown as Record<string, unknown>)[a];
  return (b ? (top as Record<string, number>)[b] : top) as number;
}

function withValue(rules: CycleRules, path: NumericPath, value: number | undefined): Record<string, unknown> {
  const [a, b] = path.split('.') as [string, string | undefined];
  const next: Record<string, unknown> = structuredClone(rules);
  if (b) (next[a] as Record<string, unknown>)[b] = value;
  else next[a] = value;
  return next;
}

/**
 * The cycle's rules, each saved as it is changed (no Save button), with the preset they came
 * from and its source. A value the domain refuses is shown with its reason and not stored; the
 * stored rules stay as they were. Clearing the nomination minimum is refused: it must be stated.
 */
export function CycleRulesCard({ cycle, self }: { cycle: Cycle; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db, language } = useSec();
  const lang = language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const sets = useCriteriaSets();
  const [draft, setDraft] = useState<Partial<Record<NumericPath, number | null>>>({});
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const save = async (next: Record<string, unknown>, done?: () => void) => {
    const r = await saveCycle(db, next, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    done?.();
    void message.success({ content: t('sec.saved'), key: 'rules-saved', duration: 1 });
  };
  const change = (path: NumericPath, value: number | null) => {
    setDraft((d) => ({ ...d, [path]: value }));
    void save({ ...cycle, rules: withValue(cycle.rules, path, value ?? undefined) }, () =>
      setDraft((d) => {
        const { [path]: _gone, ...rest } = d;
        return rest;
      }),
    );
  };
  const shown = (path: NumericPath) => (path in draft ? draft[path] : valueAt(cycle.rules, path)) ?? null;
  const preset = PRESETS[cycle.rules.preset];
  return (
    <Card title={t('sec.cycle.rules')} size="small" data-testid="cycle-rules">
      <Typography.Paragraph type="secondary">{t('sec.cycle.rulesIntro')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="rules-preset">
        <Typography.Text strong>{`${t('sec.cycle.preset')}：${preset.name[lang]}`}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{preset.source[lang]}</Typography.Text>
      </Typography.Paragraph>
      <Flex wrap gap="middle">
        {NUMERIC.map((path) => (
          <label key={path} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <span>{t(ruleLabelKey(path))}</span>
            <InputNumber value={shown(path)} onChange={(v) => change(path, typeof v === 'number' ? v : null)} data-testid={`rule-${path}`} />
          </label>
        ))}
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <span>{t('sec.rules.unfilledReserved')}</span>
          <Select
            style={{ width: '16em' }}
            value={cycle.rules.unfilledReserved}
            onChange={(v) => void save({ ...cycle, rules: { ...cycle.rules, unfilledReserved: v } })}
            options={UNFILLED_RESERVED.map((m) => ({ value: m, label: t(`sec.rules.unfilled.${m}`) }))}
            data-testid="rule-unfilledReserved"
          />
        </label>
      </Flex>
      <ProblemList problems={problems} testId="rule-problems" title={t('sec.notSaved')} />
      <ReservationsEditor cycle={cycle} self={self} />
      <CategoryYearsEditor cycle={cycle} self={self} />
      <CriteriaSetsCard self={self} />
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={1}
        items={[
          { key: 'id', label: t('sec.cycle.id'), children: cycle.id },
          {
            key: 'criteria',
            label: t('sec.cycle.criteria'),
            children: (
              <Select
                style={{ width: '28em' }}
                value={cycle.criteriaSetId}
                onChange={(id) => void save({ ...cycle, criteriaSetId: id })}
                options={(sets ?? []).map((s) => ({ value: s.id, label: criteriaSetLabel(s) }))}
                data-testid="rule-criteria"
              />
            ),
          },
          { key: 'call', label: t('sec.cycle.callDate'), children: <DateField value={cycle.callDate} onChange={(d) => void save({ ...withoutKey(cycle, 'callDate'), ...(d ? { callDate: d } : {}) })} testId="rule-call-date" /> },
          { key: 'date', label: t('sec.cycle.reviewDate'), children: <DateField value={cycle.reviewDate} onChange={(d) => void save({ ...withoutKey(cycle, 'reviewDate'), ...(d ? { reviewDate: d } : {}) })} testId="rule-review-date" /> },
        ]}
      />
    </Card>
  );
}

function withoutKey<T extends object>(o: T, key: keyof T): T {
  const copy = { ...o };
  delete copy[key];
  return copy;
}

function DateField({ value, onChange, testId }: { value: string | undefined; onChange: (d: string) => void; testId: string }) {
  return <Input type="date" style={{ width: '12em' }} defaultValue={value ?? ''} onBlur={(e) => e.target.value !== (value ?? '') && onChange(e.target.value)} data-testid={testId} />;
}
