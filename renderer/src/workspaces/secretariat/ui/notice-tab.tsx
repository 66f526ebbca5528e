import { App, Button, Card, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDayStart } from '../../../../../shared/public-notice/china-date.js';
import type { ComplaintStatus } from '../../../../../shared/public-notice/complaint.js';
import { noticeCandidatesFrom, noticeStandings } from '../../../../../shared/public-notice/notice-list.js';
import { NOTICE_STATE_NAMES, noticeStateOf, type NoticeState } from '../../../../../shared/public-notice/notice-state.js';
import { STAGE_NAMES, type Stage } from '../../../../../shared/applicant/stage.js';
import { moveStage } from '../store/applicant-store.js';
import { LIST_NAMES } from '../../../../../shared/ranking/applicant-result.js';
import { decisionStatus, putForwardThenWithdrawn } from '../store/decision-store.js';
import type { Bilingual } from '../store/messages.js';
import { addComplaint, setComplaintStatus, setNoticePeriod } from '../store/notice-store.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { ProblemList } from './problem-list.js';
import { useSec } from '../store/use-secretariat.js';
import { useNoticeData } from '../store/live-reads.js';

const STATE_COLOURS: Record<NoticeState, string> = {
  'not-started': 'default',
  running: 'blue',
  'complaint-under-review': 'gold',
  'ended-without-objection': 'green',
  'ended-with-proven-complaint': 'red',
};

/** The next step of a candidate the committee put forward: into the notice, then decided (Art. 17(8), (9)). */
const NEXT_STAGE: Partial<Record<Stage, Stage>> = { 'on-site': 'candidate', candidate: 'public-notice', 'public-notice': 'decided' };

interface ComplaintDraft {
  applicantId: string;
  kind: 'person' | 'organisation';
  name: string;
  phone: string;
  address: string;
  identityProof: string;
  signedOrSealed: boolean;
  inWriting: boolean;
  received: string;
  summary: string;
  evidence: string;
}

const emptyDraft = (): ComplaintDraft => ({ applicantId: '', kind: 'person', name: '', phone: '', address: '', identityProof: '', signedOrSealed: false, inWriting: true, received: '', summary: '', evidence: '' });

/**
 * Public notice (公示): the candidates the committee put forward, the period (refused when
 * shorter than the cycle's minimum), where each candidate's notice stands (not started,
 * running, complaint under review, ended without objection, ended with a proven complaint),
 * its stage with the next step (decided only once the notice ended without objection),
 * complaints with their particulars (an incomplete one is kept on record as invalid, each
 * missing particular named), findings; a proven complaint withdraws the candidate.
 */
export function NoticeTab({ cycleId, self }: { cycleId: string; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db, language, text } = useSec();
  const { message } = App.useApp();
  const data = useNoticeData(cycleId);
  const [period, setPeriod] = useState<{ start: string; end: string } | null>(null);
  const [draft, setDraft] = useState<ComplaintDraft>(emptyDraft);
  const [findings, setFindings] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Bilingual[]>([]);
  if (!data?.overview) return null;
  const lang = language === 'en' ? 'en' : 'zh';
  const records = decisionStatus(data.overview).records;
  const candidates = records ? [...noticeCandidatesFrom(records), ...putForwardThenWithdrawn(data.overview)] : [];
  const shown = period ?? data.notice?.period ?? { start: '', end: '' };
  const standings = noticeStandings(candidates, data.complaints.map((c) => c.complaint), data.notice?.period ?? { start: '', end: '' });
  const stateOf = (applicantId: string) => noticeStateOf(data.notice?.period, data.complaints.filter((c) => c.applicantId === applicantId).map((c) => c.complaint), data.now);
  const advance = async (applicantId: string, to: Stage) => {
    const r = await moveStage(db, applicantId, to, undefined, self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    void message.success({ content: t('sec.saved'), key: 'advance', duration: 1 });
  };
  const changePeriod = async (next: { start: string; end: string }) => {
    setPeriod(next);
    if (!next.start || !next.end) return;
    const r = await setNoticePeriod(db, cycleId, next, self.actor);
    if (!r.ok) return setProblems(r.error);
    // The draft stays what is shown: it equals what was stored, and a second date typed before
    // the stored period is read back must combine with this one, not with the older one.
    setProblems([]);
  };
  const record = async () => {
    const d = draft;
    const complainant =
      d.kind === 'person'
        ? { kind: 'person' as const, name: d.name, signed: d.signedOrSealed, phone: d.phone, address: d.address, identityProof: d.identityProof }
        : { kind: 'organisation' as const, name: d.name, phone: d.phone, address: d.address, sealed: d.signedOrSealed };
    const r = await addComplaint(
      db,
      cycleId,
      { id: `c-${Date.now().toString(36)}`, applicantId: d.applicantId, receivedAt: d.received ? chinaDayStart(d.received) + 9 * 3600_000 : Date.now(), inWriting: d.inWriting, complainant, summary: d.summary, evidence: d.evidence },
      self.actor,
    );
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
    setDraft(emptyDraft());
    void message.success(t('sec.notice.recorded'));
  };
  const changeStatus = async (id: string, to: ComplaintStatus) => {
    const r = await setComplaintStatus(db, id, to, findings[id] ?? '', self.actor);
    if (!r.ok) return setProblems(r.error);
    setProblems([]);
  };
  const field = (k: 'name' | 'phone' | 'address' | 'identityProof' | 'summary' | 'evidence', width = '12em') => (
    <Input style={{ width }} placeholder={t(`sec.notice.${k}`)} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} data-testid={`complaint-${k}`} />
  );
  return (
    <Flex vertical gap="middle" data-testid="notice">
      <Card size="small" title={t('sec.notice.period')}>
        {!records && <Typography.Paragraph type="warning">{t('sec.notice.needDecisions')}</Typography.Paragraph>}
        <Space>
          <Input type="date" value={shown.start} onChange={(e) => void changePeriod({ ...shown, start: e.target.value })} data-testid="notice-start" />
          <span>—</span>
          <Input type="date" value={shown.end} onChange={(e) => void changePeriod({ ...shown, end: e.target.value })} data-testid="notice-end" />
          <Typography.Text type="secondary">{t('sec.notice.minDays', { days: data.overview.cycle.rules.publicNoticeMinDays })}</Typography.Text>
        </Space>
      </Card>
      <ProblemList problems={problems} testId="notice-problems" title={t('sec.notSaved')} />
      <Table
        size="small"
        rowKey={(s) => s.candidate.applicantId}
        pagination={false}
        data-testid="notice-list"
        dataSource={standings}
        columns={[
          { title: t('sec.overview.applicant'), render: (_v, s) => s.candidate.name },
          { title: t('sec.overview.decision'), render: (_v, s) => LIST_NAMES[s.candidate.outcome][lang] },
          {
            title: t('sec.notice.standing'),
            render: (_v, s) => {
              const state = stateOf(s.candidate.applicantId).state;
              return (
                <Tag data-testid={`standing-${s.candidate.applicantId}`} color={STATE_COLOURS[state]}>
                  {NOTICE_STATE_NAMES[state][lang]}
                </Tag>
              );
            },
          },
          { title: t('sec.notice.complaints'), render: (_v, s) => s.complaints.length },
          {
            title: t('sec.applicant.stage'),
            render: (_v, s) => {
              const stage = data.stages.get(s.candidate.applicantId);
              const next = stage ? NEXT_STAGE[stage] : undefined;
              return (
                <Space>
                  <span data-testid={`notice-stage-${s.candidate.applicantId}`}>{stage ? STAGE_NAMES[stage][lang] : '—'}</span>
                  {next && (
                    <Button size="small" onClick={() => void advance(s.candidate.applicantId, next)} data-testid={`advance-${s.candidate.applicantId}`}>
                      {t('sec.notice.advance', { stage: STAGE_NAMES[next][lang] })}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <Card size="small" title={t('sec.notice.newComplaint')} data-testid="complaint-form">
        <Space wrap>
          <Select style={{ width: '16em' }} value={draft.applicantId || null} placeholder={t('sec.notice.against')} onChange={(v) => setDraft({ ...draft, applicantId: v })} options={candidates.map((c) => ({ value: c.applicantId, label: c.name }))} data-testid="complaint-applicant" />
          <Select style={{ width: '7em' }} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} options={[{ value: 'person', label: t('sec.notice.person') }, { value: 'organisation', label: t('sec.notice.organisation') }]} />
          {field('name', '8em')}
          {field('phone', '9em')}
          {field('address', '14em')}
          {draft.kind === 'person' && field('identityProof', '10em')}
          <Checkbox checked={draft.signedOrSealed} onChange={(e) => setDraft({ ...draft, signedOrSealed: e.target.checked })} data-testid="complaint-signed">
            {draft.kind === 'person' ? t('sec.notice.signed') : t('sec.notice.sealed')}
          </Checkbox>
          <Checkbox checked={draft.inWriting} onChange={(e) => setDraft({ ...draft, inWriting: e.target.checked })}>
            {t('sec.notice.inWriting')}
          </Checkbox>
          <Input type="date" value={draft.received} onChange={(e) => setDraft({ ...draft, received: e.target.value })} title={t('sec.notice.received')} data-testid="complaint-received" />
          {field('summary', '24em')}
          {field('evidence', '16em')}
          <Button type="primary" disabled={!draft.applicantId} onClick={() => void record()} data-testid="complaint-record">
            {t('sec.notice.record')}
          </Button>
        </Space>
      </Card>
      <Table
        size="small"
        rowKey={(c) => c.complaint.id}
        pagination={false}
        data-testid="complaints-table"
        dataSource={standings.flatMap((s) => s.complaints.map((c) => ({ ...c, name: s.candidate.name })))}
        columns={[
          { title: t('sec.overview.applicant'), dataIndex: 'name' },
          { title: t('sec.notice.summary'), render: (_v, c) => c.complaint.summary },
          { title: t('sec.notice.validity'), render: (_v, c) => (c.valid ? <Tag color="green">{t('sec.notice.valid')}</Tag> : <Tag color="orange" title={c.defects.map((d) => text(d)).join('；')}>{t('sec.notice.invalid', { reasons: c.defects.map((d) => text(d)).join('；') })}</Tag>) },
          { title: t('sec.notice.inPeriod'), render: (_v, c) => (c.duringNotice ? t('sec.yes') : <Tag color="gold">{t('sec.notice.late')}</Tag>) },
          {
            title: t('sec.notice.status'),
            render: (_v, c, index) => (
              <Space>
                <Input size="small" style={{ width: '14em' }} placeholder={t('sec.notice.finding')} defaultValue={c.complaint.finding ?? ''} onChange={(e) => setFindings((f) => ({ ...f, [c.complaint.id]: e.target.value }))} data-testid={`complaint-finding-${index}`} />
                <Select
                  size="small"
                  style={{ width: '8em' }}
                  value={c.complaint.status}
                  onChange={(to) => void changeStatus(c.complaint.id, to)}
                  options={(['received', 'investigating', 'proven', 'unfounded'] as const).map((s) => ({ value: s, label: t(`sec.notice.statuses.${s}`) }))}
                  data-testid={`complaint-status-${index}`}
                />
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}
