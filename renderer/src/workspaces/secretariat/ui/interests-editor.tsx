import { App, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTEREST_KINDS, INTEREST_KIND_NAMES, type Interest, type InterestKind } from '../../../../../shared/panel/expert.js';
import type { Result } from '../../../../../shared/util/result.js';
import type { Bilingual } from '../store/messages.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';

interface Draft {
  kind: InterestKind;
  organisation: string;
  creditCode: string;
  until: string;
  relation: string;
}

const blank = (d: string) => d.trim() === '';

/**
 * A person's declared interests (Art. 18: an expert of the pool, a member of staff): recorded
 * together, each validated, refused with the reason. The kinds are the declaration's.
 */
export function InterestsEditor({ interests, save: store }: { interests: readonly Interest[]; save: (input: unknown[]) => Promise<Result<unknown, Bilingual[]>> }) {
  const { t } = useTranslation();
  const { language } = useSec();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    interests.map((i) => ({ kind: i.kind, organisation: i.organisation, creditCode: i.creditCode ?? '', until: i.until ?? '', relation: i.relation ?? '' })),
  );
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const edit = (k: number, patch: Partial<Draft>) => setDrafts((all) => all.map((d, j) => (j === k ? { ...d, ...patch } : d)));
  const save = async () => {
    const input = drafts.map((d) => ({
      kind: d.kind,
      organisation: d.organisation,
      ...(blank(d.creditCode) ? {} : { creditCode: d.creditCode }),
      ...(blank(d.until) ? {} : { until: d.until }),
      ...(blank(d.relation) ? {} : { relation: d.relation }),
    }));
    const r = await store(input);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'interests', duration: 1 });
  };
  return (
    <div data-testid="interests-editor">
      {drafts.map((d, k) => (
        <Space key={k} wrap style={{ display: 'flex', marginBottom: 6 }}>
          <Select
            style={{ width: '9em' }}
            value={d.kind}
            onChange={(kind) => edit(k, { kind })}
            options={INTEREST_KINDS.map((kind) => ({ value: kind, label: INTEREST_KIND_NAMES[kind][language === 'en' ? 'en' : 'zh'] }))}
            data-testid={`interest-kind-${k}`}
          />
          <Input style={{ width: '18em' }} placeholder={t('sec.interest.organisation')} value={d.organisation} onChange={(e) => edit(k, { organisation: e.target.value })} data-testid={`interest-org-${k}`} />
          <Input style={{ width: '13em' }} placeholder={t('sec.interest.creditCode')} value={d.creditCode} onChange={(e) => edit(k, { creditCode: e.target.value })} data-testid={`interest-code-${k}`} />
          <Input type="date" style={{ width: '10em' }} title={t('sec.interest.until')} value={d.until} onChange={(e) => edit(k, { until: e.target.value })} data-testid={`interest-until-${k}`} />
          <Input style={{ width: '6em' }} placeholder={t('sec.interest.relation')} value={d.relation} onChange={(e) => edit(k, { relation: e.target.value })} />
          <Button onClick={() => setDrafts((all) => all.filter((_d, j) => j !== k))}>{t('sec.remove')}</Button>
        </Space>
      ))}
      <Space>
        <Button onClick={() => setDrafts((all) => [...all, { kind: 'employer', organisation: '', creditCode: '', until: '', relation: '' }])} data-testid="interest-add">
          {t('sec.interest.add')}
        </Button>
        <Button type="primary" onClick={() => void save()} data-testid="interest-save">
          {t('sec.interest.record')}
        </Button>
      </Space>
      <ProblemList problems={problems} testId="interest-problems" title={t('sec.notSaved')} />
    </div>
  );
}
