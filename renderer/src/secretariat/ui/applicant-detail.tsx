import { App, Button, Card, Descriptions, Flex, Input, Select, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_NAMES, TRANSITIONS, type Stage } from '../../../../shared/applicant/stage.js';
import { ELIGIBILITY_CONDITIONS } from '../../../../shared/regulation/eligibility.js';
import { EXCLUSION_RULES } from '../../../../shared/regulation/exclusions.js';
import { formatHundredths } from '../../../../shared/scoring/hundredths.js';
import { moveStage, setEligibility, setExclusion } from '../store/applicant-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { MaterialReviewCard } from './material-review-card.js';
import { ProblemList } from './problem-list.js';
import { ProfileEditor } from './profile-editor.js';
import { useSec } from './use-secretariat.js';
import { formatDateTime } from '../../ui/common/date-time.js';

/** One applicant: profile, the Art. 13 and Art. 14 checklists with evidence, material review, stage. */
export function ApplicantDetail({ id, self }: { id: string; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db, language } = useSec();
  const { message } = App.useApp();
  const row = useLiveQuery(() => db.secApplicants.get(id), [id]);
  const [to, setTo] = useState<Stage | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Bilingual[]>([]);
  const [editing, setEditing] = useState(false);
  if (!row) return null;
  const r = row.record;
  const lang = language === 'en' ? 'en' : 'zh';
  const saved = () => void message.success({ content: t('sec.saved'), key: 'applicant-saved', duration: 1 });
  const move = async () => {
    if (!to) return;
    const moved = await moveStage(db, id, to, reason, self.actor);
    if (!moved.ok) return setProblems(moved.error);
    setProblems([]);
    setTo(null);
    setReason('');
    saved();
  };
  return (
    <Card
      title={r.profile.name}
      size="small"
      data-testid="applicant-detail"
      extra={
        <Button size="small" onClick={() => setEditing(!editing)} data-testid="profile-edit">
          {t('sec.applicant.editProfile')}
        </Button>
      }
    >
      {editing && <ProfileEditor profile={r.profile} self={self} onDone={() => setEditing(false)} />}
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'code', label: t('sec.applicant.creditCode'), children: r.profile.creditCode },
          { key: 'industry', label: t('sec.applicant.industry'), children: r.profile.industry },
          { key: 'address', label: t('sec.applicant.address'), children: r.profile.address },
          { key: 'contact', label: t('sec.applicant.contactName'), children: `${r.profile.contact.name} ${r.profile.contact.phone}` },
          { key: 'stage', label: t('sec.applicant.stage'), children: STAGE_NAMES[r.stage][lang] },
          { key: 'onsite', label: t('sec.applicant.onSite'), children: r.onSiteTotalHundredths === undefined ? '—' : formatHundredths(r.onSiteTotalHundredths) },
        ]}
      />
      <Flex gap="middle" wrap align="start">
        <Card size="small" title={t('sec.applicant.eligibility')} style={{ flex: 1, minWidth: 420 }} data-testid="eligibility">
          {ELIGIBILITY_CONDITIONS.map((c) => {
            const entry = r.eligibility[c.id] ?? { status: 'unchecked' as const, evidence: '' };
            return (
              <Flex key={c.id} gap="small" align="center" style={{ marginBottom: 6 }}>
                <span style={{ flex: 2 }}>{`（${c.paragraph}）${c[lang]}`}</span>
                <Select
                  size="small"
                  value={entry.status}
                  style={{ width: '7em' }}
                  data-testid={`eligibility-${c.id}`}
                  onChange={(status) => void setEligibility(db, id, c.id, { status, evidence: entry.evidence }, self.actor).then(saved)}
                  options={(['unchecked', 'met', 'unmet'] as const).map((s) => ({ value: s, label: t(`sec.status.${s}`) }))}
                />
                <Input
                  size="small"
                  style={{ flex: 2 }}
                  defaultValue={entry.evidence}
                  placeholder={t('sec.applicant.evidence')}
                  onBlur={(e) => e.target.value !== entry.evidence && void setEligibility(db, id, c.id, { status: entry.status, evidence: e.target.value }, self.actor).then(saved)}
                />
              </Flex>
            );
          })}
        </Card>
        <Card size="small" title={t('sec.applicant.exclusions')} style={{ flex: 1, minWidth: 420 }} data-testid="exclusions">
          {EXCLUSION_RULES.map((x) => {
            const entry = r.exclusions[x.number] ?? { status: 'unchecked' as const, evidence: '' };
            return (
              <Flex key={x.number} gap="small" align="center" style={{ marginBottom: 6 }}>
                <span style={{ flex: 2 }} title={x[lang]}>{`（${x.number}）${x[lang].slice(0, 40)}`}</span>
                <Select
                  size="small"
                  value={entry.status}
                  style={{ width: '7em' }}
                  data-testid={`exclusion-${x.number}`}
                  onChange={(status) => void setExclusion(db, id, x.number, { status, evidence: entry.evidence }, self.actor).then(saved)}
                  options={(['unchecked', 'clear', 'flagged', 'confirmed'] as const).map((s) => ({ value: s, label: t(`sec.status.${s}`) }))}
                />
                <Input
                  size="small"
                  style={{ flex: 2 }}
                  defaultValue={entry.evidence}
                  placeholder={t('sec.applicant.evidence')}
                  onBlur={(e) => e.target.value !== entry.evidence && void setExclusion(db, id, x.number, { status: entry.status, evidence: e.target.value }, self.actor).then(saved)}
                />
              </Flex>
            );
          })}
        </Card>
      </Flex>
      <MaterialReviewCard id={id} record={r} self={self} />
      <Card size="small" title={t('sec.applicant.stageMove')} style={{ marginTop: 12 }}>
        <Space wrap>
          <Select
            style={{ width: '12em' }}
            value={to}
            placeholder={t('sec.applicant.moveTo')}
            data-testid="stage-target"
            onChange={setTo}
            options={TRANSITIONS[r.stage].map((s) => ({ value: s, label: STAGE_NAMES[s][lang] }))}
          />
          <Input style={{ width: '24em' }} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('sec.applicant.reason')} data-testid="stage-reason" />
          <Button onClick={() => void move()} disabled={!to} data-testid="stage-move">
            {t('sec.applicant.move')}
          </Button>
        </Space>
        <ProblemList problems={problems} testId="stage-problems" title={t('sec.notSaved')} />
        <ul data-testid="stage-history">
          {r.history.map((h, i) => (
            <li key={i}>{`${formatDateTime(h.at)} ${h.by}${t('punct.colon')}${STAGE_NAMES[h.from][lang]} → ${STAGE_NAMES[h.to][lang]}${h.reason ? t('punct.paren', { text: h.reason }) : ''}`}</li>
          ))}
        </ul>
      </Card>
    </Card>
  );
}
