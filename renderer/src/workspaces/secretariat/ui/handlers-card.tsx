import { App, Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { setHandlers } from '../store/staff-store.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';
import { useStaff } from '../store/live-reads.js';

/** The staff who handle this applicant; anyone with an interest in it is refused with the reason (Art. 18). */
export function HandlersCard({ id, handlerIds, self }: { id: string; handlerIds: readonly string[]; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const { message } = App.useApp();
  const staff = useStaff();
  const [chosen, setChosen] = useState<string[]>([...handlerIds]);
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const save = async () => {
    const r = await setHandlers(db, id, chosen, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'handlers', duration: 1 });
  };
  return (
    <Card size="small" title={t('sec.staff.handlers')} style={{ marginTop: 12 }} data-testid="handlers">
      <Space wrap>
        <Select mode="multiple" style={{ minWidth: '20em' }} value={chosen} onChange={setChosen} options={(staff ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="handlers-select" />
        <Button type="primary" onClick={() => void save()} data-testid="handlers-save">
          {t('sec.staff.recordHandlers')}
        </Button>
      </Space>
      <ProblemList problems={problems} testId="handler-problems" title={t('sec.notSaved')} />
    </Card>
  );
}
