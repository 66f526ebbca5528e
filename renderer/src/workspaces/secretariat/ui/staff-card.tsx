import { App, Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { addStaff, setStaffEmployer, setStaffInterests } from '../store/staff-store.js';
import { EmployerEditor } from './employer-editor.js';
import { InterestsEditor } from './interests-editor.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';
import { useStaff } from '../store/live-reads.js';

/** The secretariat's staff: name, employer and declared interests; they recuse like experts (Art. 18). */
export function StaffCard({ self }: { self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const { message } = App.useApp();
  const staff = useStaff();
  const [name, setName] = useState('');
  const [employer, setEmployer] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const add = async () => {
    const r = await addStaff(db, { name, employer: { name: employer } }, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    setName('');
    setEmployer('');
    void message.success({ content: t('sec.saved'), key: 'staff', duration: 1 });
  };
  const row = staff?.find((s) => s.id === editing);
  return (
    <Card size="small" title={t('sec.staff.title')} data-testid="staff">
      <Space wrap>
        <Input style={{ width: '8em' }} placeholder={t('sec.expert.name')} value={name} onChange={(e) => setName(e.target.value)} data-testid="staff-name" />
        <Input style={{ width: '18em' }} placeholder={t('sec.employer.title')} value={employer} onChange={(e) => setEmployer(e.target.value)} data-testid="staff-employer" />
        <Button onClick={() => void add()} data-testid="staff-add">
          {t('sec.staff.add')}
        </Button>
      </Space>
      <ProblemList problems={problems} testId="staff-problems" />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={staff ?? []}
        columns={[
          { title: t('sec.expert.name'), dataIndex: 'name' },
          { title: t('sec.employer.title'), render: (_v, r) => `${r.employer.name}${r.employer.creditCode ? `（${r.employer.creditCode}）` : ''}` },
          { title: t('sec.expert.interests'), render: (_v, r) => r.interests.map((i) => i.organisation).join('、') || '—' },
          { title: '', render: (_v, r) => <Button size="small" onClick={() => setEditing(editing === r.id ? null : r.id)}>{t('sec.expert.editInterests')}</Button> },
        ]}
      />
      {row && (
        <Card size="small" title={t('sec.expert.interestsOf', { name: row.name })} style={{ marginTop: 8 }}>
          <EmployerEditor key={`e-${row.id}`} employer={row.employer} save={(input) => setStaffEmployer(db, row.id, input, self.actor)} />
          <InterestsEditor key={row.id} interests={row.interests} save={(input) => setStaffInterests(db, row.id, input, self.actor)} />
        </Card>
      )}
    </Card>
  );
}
