import { App, Button, Card, Checkbox, Flex, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expertConflicts } from '../../../../../shared/panel/recusal.js';
import type { CycleRecord } from '../store/records.js';
import { issueAssignment } from '../store/issue-assignment.js';
import type { Bilingual } from '../store/messages.js';
import { reviewDateOf, savePanel } from '../store/panel-store.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { isProblem, saveFile } from '../store/save-file.js';
import { useSec } from '../store/use-secretariat.js';
import { formatDateTime } from '../../../ui/common/date-time.js';
import { useApplicants, useAssignments, useExperts, usePanels } from '../store/live-reads.js';

/**
 * Panels: for one applicant, members picked from the pool with conflicts shown beside each
 * name (and the reason), one leader among them; the domain refuses a panel that breaks a rule.
 * Then one assignment package per panel, saved as a file.
 */
export function PanelsTab({ cycle, self }: { cycle: CycleRecord; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db, text } = useSec();
  const { message } = App.useApp();
  const applicants = useApplicants(cycle.id);
  const experts = useExperts();
  const panels = usePanels(cycle.id);
  const assignments = useAssignments(cycle.id);
  const [applicantId, setApplicantId] = useState<string | null>(null);
  const [members, setMembers] = useState<string[]>([]);
  const [leader, setLeader] = useState<string | null>(null);
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const applicant = applicants?.find((a) => a.id === applicantId);
  const reviewDate = reviewDateOf(cycle.cycle.reviewDate);
  const choose = (id: string) => {
    setApplicantId(id);
    const existing = panels?.find((p) => p.applicantId === id);
    setMembers(existing?.memberIds ?? []);
    setLeader(existing?.leaderId ?? null);
    setProblems([]);
  };
  const form = async () => {
    if (!applicantId) return;
    const r = await savePanel(db, { cycleId: cycle.id, applicantId, memberIds: members, leaderId: leader ?? '' }, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success(t('sec.panel.formed'));
  };
  const issue = async (panelId: string) => {
    const r = await issueAssignment(db, panelId, self);
    if (!r.ok) return setProblems(r.error);
    const saved = await saveFile('package', r.value.row.fileName, r.value.bytes);
    if (isProblem(saved)) return setProblems([saved]);
    setProblems([]);
    if (saved) void message.success(t('sec.panel.issued', { file: saved.savedAs }));
  };
  const target = applicant ? { name: applicant.record.profile.name, creditCode: applicant.record.profile.creditCode } : null;
  return (
    <Flex vertical gap="middle">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="panels-table"
        dataSource={applicants ?? []}
        columns={[
          { title: t('sec.applicant.name'), render: (_v, a) => a.record.profile.name },
          {
            title: t('sec.panel.members'),
            render: (_v, a) => {
              const p = panels?.find((x) => x.applicantId === a.id);
              if (!p) return <Typography.Text type="secondary">{t('sec.panel.none')}</Typography.Text>;
              return p.memberIds.map((m) => {
                const name = experts?.find((e) => e.id === m)?.expert.name ?? m;
                return <Tag key={m} color={m === p.leaderId ? 'red' : undefined}>{m === p.leaderId ? `${name}（${t('sec.panel.leader')}）` : name}</Tag>;
              });
            },
          },
          {
            title: t('sec.panel.assignment'),
            render: (_v, a) => {
              const as = assignments?.find((x) => x.applicantId === a.id);
              return as ? t('sec.panel.issuedRevision', { revision: as.revision, at: formatDateTime(as.issuedAt) }) : '—';
            },
          },
          {
            title: '',
            render: (_v, a) => {
              const p = panels?.find((x) => x.applicantId === a.id);
              return (
                <Flex gap="small">
                  <Button size="small" onClick={() => choose(a.id)} data-testid={`panel-edit-${a.id}`}>
                    {t('sec.panel.edit')}
                  </Button>
                  {p && (
                    <Button size="small" type="primary" onClick={() => void issue(p.id)} data-testid={`issue-${a.id}`}>
                      {t('sec.panel.issue')}
                    </Button>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      {applicant && target && (
        <Card size="small" title={t('sec.panel.for', { name: applicant.record.profile.name })} data-testid="panel-editor">
          <Typography.Paragraph type="secondary">{t('sec.panel.rules', { min: cycle.cycle.rules.panelSizeMin, max: cycle.cycle.rules.panelSizeMax, date: reviewDate })}</Typography.Paragraph>
          <Radio.Group value={leader} onChange={(e) => setLeader(e.target.value as string)} style={{ width: '100%' }}>
            {(experts ?? []).map((e) => {
              const conflicts = expertConflicts(e.expert, target, { reviewDate, lookbackYears: cycle.cycle.rules.eligibility.lookbackYears });
              return (
                <Flex key={e.id} gap="small" align="center" style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`pick-${e.expert.name}`}>
                  <Checkbox checked={members.includes(e.id)} onChange={(ev) => setMembers((m) => (ev.target.checked ? [...m, e.id] : m.filter((x) => x !== e.id)))} data-testid={`member-${e.expert.name}`}>
                    {e.expert.name}
                  </Checkbox>
                  <Typography.Text type="secondary">{e.expert.organisation}</Typography.Text>
                  <Radio value={e.id} data-testid={`leader-${e.expert.name}`}>
                    {t('sec.panel.leader')}
                  </Radio>
                  {!e.expert.fingerprintConfirmed && <Tag color="orange">{t('sec.panel.unconfirmed')}</Tag>}
                  {conflicts.map((c, k) => (
                    <Tag key={k} color="red" title={text(c)} data-testid={`conflict-${e.expert.name}`}>
                      {t('sec.panel.conflict')}：{c.interest.organisation}
                    </Tag>
                  ))}
                </Flex>
              );
            })}
          </Radio.Group>
          <Flex gap="small" style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void form()} data-testid="panel-save">
              {t('sec.panel.save')}
            </Button>
          </Flex>
        </Card>
      )}
      <ProblemList problems={problems} testId="panel-problems" title={t('sec.panel.refused')} />
    </Flex>
  );
}
