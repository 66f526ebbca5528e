import { App, Button, Card, Descriptions, Flex, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_NAMES, TRANSITIONS, type Stage } from '../../../../../shared/applicant/stage.js';
import { formatHundredths } from '../../../../../shared/scoring/hundredths.js';
import { moveStage } from '../store/applicant-store.js';
import type { Bilingual } from '../store/messages.js';
import type { SecretariatSelf } from '../store/secretariat-identity.js';
import { AwardsCard } from './awards-card.js';
import { EligibilityCard } from './eligibility-card.js';
import { ExclusionsCard } from './exclusions-card.js';
import { HandlersCard } from './handlers-card.js';
import { MaterialReviewCard } from './material-review-card.js';
import { ProblemList } from './problem-list.js';
import { ProfileEditor } from './profile-editor.js';
import { useSec } from '../store/use-secretariat.js';
import { formatDateTime } from '../../../ui/common/date-time.js';
import { useApplicant, useCycle } from '../store/live-reads.js';

/**
 * One applicant: profile, Art. 13 (full texts, computed years) and Art. 14 (with dated
 * incidents), material review, awards before and after (Art. 24, 27), the staff who handle it,
 * and its stage with every guard of the move.
 */
export function ApplicantDetail({ id, self }: { id: string; self: SecretariatSelf }) {
  const { t } = useTranslation();
  const { db, language } = useSec();
  const { message } = App.useApp();
  const row = useApplicant(id);
  const cycle = useCycle(row?.cycleId);
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
      {cycle && (
        <Flex gap="middle" wrap align="start">
          <EligibilityCard id={id} record={r} cycle={cycle.cycle} self={self} onSaved={saved} />
          <ExclusionsCard key={row.updatedAt} id={id} record={r} cycle={cycle.cycle} self={self} onSaved={saved} />
        </Flex>
      )}
      {cycle && <MaterialReviewCard id={id} record={r} cycle={cycle.cycle} self={self} />}
      {cycle && <AwardsCard key={`awards-${row.updatedAt}`} id={id} record={r} cycle={cycle.cycle} self={self} />}
      <HandlersCard id={id} handlerIds={r.handlerIds} self={self} />
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
