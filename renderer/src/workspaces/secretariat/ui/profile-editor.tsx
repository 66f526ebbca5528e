import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantProfile } from '../../../../../shared/applicant/applicant-profile.js';
import { updateProfile } from '../store/applicant-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';

interface Values {
  name: string;
  creditCode: string;
  industry: string;
  category: string;
  address: string;
  contactName: string;
  contactPhone: string;
}

/** Corrects an applicant's profile; the domain checks it again (credit code to its check character). */
export function ProfileEditor({ profile, self, onDone }: { profile: ApplicantProfile; self: SecretariatSelf; onDone: () => void }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const submit = async (v: Values) => {
    const r = await updateProfile(
      db,
      profile.id,
      {
        name: v.name,
        creditCode: v.creditCode,
        industry: v.industry,
        address: v.address,
        contact: { ...profile.contact, name: v.contactName, phone: v.contactPhone },
        ...(v.category.trim() ? { category: v.category.trim() } : {}),
      },
      self.actor,
    );
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'profile', duration: 1 });
    onDone();
  };
  const field = (k: keyof Values, width = '14em') => (
    <Form.Item name={k} label={t(`sec.applicant.${k}`)}>
      <Input style={{ width }} data-testid={`profile-edit-${k}`} />
    </Form.Item>
  );
  return (
    <Form<Values>
      layout="inline"
      data-testid="profile-editor"
      initialValues={{ name: profile.name, creditCode: profile.creditCode, industry: profile.industry, category: profile.category ?? '', address: profile.address, contactName: profile.contact.name, contactPhone: profile.contact.phone }}
      onFinish={(v) => void submit(v)}
    >
      {field('name', '18em')}
      {field('creditCode')}
      {field('industry', '8em')}
      {field('category', '8em')}
      {field('address', '16em')}
      {field('contactName', '6em')}
      {field('contactPhone', '9em')}
      <Button type="primary" htmlType="submit" data-testid="profile-edit-save">
        {t('sec.applicant.saveProfile')}
      </Button>
      <Button onClick={onDone}>{t('sec.cancel')}</Button>
      <ProblemList problems={problems} testId="profile-problems" title={t('sec.notSaved')} />
    </Form>
  );
}
