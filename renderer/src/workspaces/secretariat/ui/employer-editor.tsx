import { App, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employer } from '../../../../../shared/panel/expert.js';
import type { Result } from '../../../../../shared/util/result.js';
import type { Bilingual } from '../store/messages.js';
import { ProblemList } from './problem-list.js';

/**
 * Where a person works (Art. 18): part of their profile, checked against every applicant
 * without any declaration; a credit code makes the match exact.
 */
export function EmployerEditor({ employer, save }: { employer: Employer; save: (input: unknown) => Promise<Result<unknown, Bilingual[]>> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState(employer.name);
  const [code, setCode] = useState(employer.creditCode ?? '');
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const record = async () => {
    const r = await save({ name, ...(code.trim() ? { creditCode: code } : {}) });
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'employer', duration: 1 });
  };
  return (
    <div style={{ marginBottom: 12 }} data-testid="employer-editor">
      <Typography.Text strong>{t('sec.employer.title')}</Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 6 }}>
        <Input style={{ width: '18em' }} placeholder={t('sec.interest.organisation')} value={name} onChange={(e) => setName(e.target.value)} data-testid="employer-name" />
        <Input style={{ width: '13em' }} placeholder={t('sec.interest.creditCode')} value={code} onChange={(e) => setCode(e.target.value)} data-testid="employer-code" />
        <Button type="primary" onClick={() => void record()} data-testid="employer-save">
          {t('sec.employer.record')}
        </Button>
      </Space>
      <ProblemList problems={problems} testId="employer-problems" title={t('sec.notSaved')} />
    </div>
  );
}
