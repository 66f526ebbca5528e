import { Button, Card, Flex, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_NAMES } from '../../../../../shared/applicant/stage.js';
import { addApplicant } from '../store/applicant-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ApplicantDetail } from './applicant-detail.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';
import { useApplicants } from '../store/live-reads.js';

interface ProfileForm {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  category?: string;
  address: string;
  contactName: string;
  contactPhone: string;
}

/** The cycle's applicants: a table with their stage, a form to add one, the selected one's record. */
export function ApplicantsTab({ cycleId, self }: { cycleId: string; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db, language } = useSec();
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [form] = Form.useForm<ProfileForm>();
  const applicants = useApplicants(cycleId);
  const submit = async (v: ProfileForm) => {
    const r = await addApplicant(
      db,
      cycleId,
      { id: v.id, name: v.name, creditCode: v.creditCode, industry: v.industry, address: v.address, contact: { name: v.contactName, phone: v.contactPhone }, ...(v.category ? { category: v.category } : {}) },
      self.actor,
    );
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    form.resetFields();
    setSelected(r.value.id);
  };
  const text = (k: keyof ProfileForm, width = '14em') => (
    <Form.Item name={k} label={t(`sec.applicant.${k}`)} rules={k === 'category' ? [] : [{ required: true, message: t('sec.required') }]}>
      <Input style={{ width }} data-testid={`applicant-${k}`} />
    </Form.Item>
  );
  return (
    <Flex vertical gap="middle">
      <Card size="small" title={t('sec.applicant.add')} data-testid="add-applicant">
        <Form form={form} layout="inline" onFinish={(v) => void submit(v)}>
          {text('id', '8em')}
          {text('name', '18em')}
          {text('creditCode', '14em')}
          {text('industry', '8em')}
          {text('category', '8em')}
          {text('address', '16em')}
          {text('contactName', '6em')}
          {text('contactPhone', '9em')}
          <Button type="primary" htmlType="submit" data-testid="applicant-submit">
            {t('sec.applicant.addButton')}
          </Button>
        </Form>
        <ProblemList problems={problems} testId="applicant-problems" />
      </Card>
      <Table
        size="small"
        rowKey="id"
        data-testid="applicants-table"
        pagination={false}
        dataSource={applicants ?? []}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('sec.applicant.name'), render: (_v, r) => r.record.profile.name },
          { title: t('sec.applicant.creditCode'), render: (_v, r) => r.record.profile.creditCode },
          { title: t('sec.applicant.industry'), render: (_v, r) => r.record.profile.industry },
          { title: t('sec.applicant.stage'), render: (_v, r) => <Tag data-testid={`stage-${r.id}`}>{STAGE_NAMES[r.record.stage][language === 'en' ? 'en' : 'zh']}</Tag> },
        ]}
      />
      {selected && <ApplicantDetail key={selected} id={selected} self={self} />}
    </Flex>
  );
}
