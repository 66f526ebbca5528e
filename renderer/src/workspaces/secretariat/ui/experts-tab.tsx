import { Button, Card, Checkbox, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportButtons } from '../../../packages/import-buttons.js';
import { refusalsOf } from '../../../packages/import-summary-text.js';
import { confirmFingerprint, setEmployer, setInterests } from '../store/expert-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { EmployerEditor } from './employer-editor.js';
import { InterestsEditor } from './interests-editor.js';
import { StaffCard } from './staff-card.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';
import { formatDateTime } from '../../../ui/common/date-time.js';
import { useExperts } from '../store/live-reads.js';

/**
 * The expert pool: identity cards imported (signature and keys checked), each fingerprint
 * ticked by a person who compared it with the expert, each expert's employer and declared
 * interests; and the secretariat's own staff, who recuse the same way (Art. 18).
 */
export function ExpertsTab({ self }: { self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db } = useSec();
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const experts = useExperts();
  const editingRow = experts?.find((e) => e.id === editing);
  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" align="center">
        <ImportButtons accept={['identity-card']} label={t('sec.expert.import')} testId="import-card" primary onImported={(summary) => setProblems(refusalsOf(summary))} />
        <Typography.Text type="secondary">{t('sec.expert.confirmHint')}</Typography.Text>
      </Flex>
      <ProblemList problems={problems} testId="card-problems" />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="experts-table"
        dataSource={experts ?? []}
        columns={[
          { title: t('sec.expert.name'), render: (_v, r) => r.expert.name },
          { title: t('sec.expert.organisation'), render: (_v, r) => r.expert.organisation },
          { title: t('sec.employer.title'), render: (_v, r) => `${r.expert.employer.name}${r.expert.employer.creditCode ? `（${r.expert.employer.creditCode}）` : ''}` },
          { title: t('sec.expert.fingerprint'), render: (_v, r) => <span className="zqa-fingerprint">{r.expert.fingerprint}</span> },
          {
            title: t('sec.expert.confirmed'),
            render: (_v, r) => (
              <Checkbox checked={r.expert.fingerprintConfirmed} onChange={(e) => void confirmFingerprint(db, r.id, e.target.checked, self.actor)} data-testid={`confirm-${r.expert.name}`}>
                {r.confirmedBy ? `${r.confirmedBy} ${r.confirmedAt ? formatDateTime(r.confirmedAt) : ''}` : ''}
              </Checkbox>
            ),
          },
          { title: t('sec.expert.interests'), render: (_v, r) => r.expert.interests.map((i) => i.organisation).join('、') || '—' },
          {
            title: '',
            render: (_v, r) => (
              <Button size="small" onClick={() => setEditing(editing === r.id ? null : r.id)} data-testid={`interests-${r.expert.name}`}>
                {t('sec.expert.editInterests')}
              </Button>
            ),
          },
        ]}
      />
      {editingRow && (
        <Card size="small" title={t('sec.expert.interestsOf', { name: editingRow.expert.name })}>
          <EmployerEditor key={`e-${editingRow.id}`} employer={editingRow.expert.employer} save={(input) => setEmployer(db, editingRow.id, input, self.actor)} />
          <InterestsEditor key={editingRow.id} interests={editingRow.expert.interests} save={(input) => setInterests(db, editingRow.id, input, self.actor)} />
        </Card>
      )}
      <StaffCard self={self} />
    </Flex>
  );
}
