import { Alert, Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_TARGET } from '../../../../shared/consensus/consensus-edits.js';
import { daysBetween, visitActivitySchema, visitDays, visitGaps, VISIT_ACTIVITY_KINDS, type VisitActivity, type VisitActivityKind } from '../../../../shared/consensus/visit-record.js';
import type { AssignmentContent } from '../../../../shared/packages/content/assignment.js';
import { useLeader } from './leader-context.js';

/** The visit's planned first and last day: the secretariat's plan in the assignment. */
function plannedDays(assignment: AssignmentContent): { from: string; to: string } | null {
  const dates = assignment.schedule.map((s) => s.date).sort();
  return dates.length > 0 ? { from: dates[0]!, to: dates.at(-1)! } : null;
}

/** What is wrong with an activity about to be added, as keys of `visit.problem`, in the leader's words. */
function draftProblems(draft: VisitActivity, days: readonly string[]): ('date' | 'time' | 'order' | 'activity')[] {
  const problems: ('date' | 'time' | 'order' | 'activity')[] = [];
  if (!days.includes(draft.date)) problems.push('date');
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!clock.test(draft.start) || !clock.test(draft.end)) problems.push('time');
  else if (draft.start >= draft.end) problems.push('order');
  if (draft.activity.trim() === '') problems.push('activity');
  return problems;
}

/** HH:MM `minutes` later, at most 23:59 (an activity never runs past midnight). */
function laterBy(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = Math.min((h ?? 0) * 60 + (m ?? 0) + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const blank = (date: string): VisitActivity => ({ date, start: '08:30', end: '09:30', kind: 'opening', activity: '', place: '', people: '' });

/**
 * The leader records the visit as it happened — every day, the opening and closing meetings,
 * who was interviewed (by role) and where the panel went — with the consensus (one
 * `consensus-visit` edit in the hash-chained log per change). The report's schedule is printed
 * from it; until something is recorded it prints the secretariat's plan. What a committee
 * would send back (a day with nothing, no opening or closing meeting) is listed above the table.
 */
export function VisitScheduleCard({ assignment }: { assignment: AssignmentContent }) {
  const { t } = useTranslation();
  const { consensus, edit } = useLeader();
  const planned = plannedDays(assignment);
  const activities = consensus.visit?.activities ?? [];
  const days = planned ? daysBetween(planned.from, planned.to) : [];
  const [draft, setDraft] = useState<VisitActivity>(() => blank(days[0] ?? ''));
  const [problem, setProblem] = useState<string | null>(null);
  const gaps = planned && activities.length > 0 ? visitGaps({ activities }, planned.from, planned.to) : [];
  const save = (next: VisitActivity[]) => edit({ kind: 'consensus-visit', itemId: VISIT_TARGET, to: { activities: next } });
  const add = async () => {
    const parsed = visitActivitySchema.safeParse(draft);
    if (!parsed.success) {
      setProblem(t('visit.invalid', { reason: draftProblems(draft, days).map((key) => t(`visit.problem.${key}`)).join('；') || parsed.error.issues.map((i) => i.message).join('；') }));
      return;
    }
    setProblem(null);
    // The next activity usually follows this one: start it where this one ended.
    if (await save([...activities, parsed.data])) setDraft({ ...blank(draft.date), kind: 'other', start: draft.end, end: laterBy(draft.end, 60) });
  };
  const set = <K extends keyof VisitActivity>(key: K, value: VisitActivity[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const rows = visitDays({ activities }).flatMap((d) => d.activities);
  return (
    <Card size="small" title={t('visit.title')} data-testid="visit-schedule">
      {activities.length === 0 && <Alert type="info" showIcon title={t('visit.planOnly')} style={{ marginBottom: '0.75em' }} />}
      {gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('visit.gaps')}
          description={<ul style={{ margin: 0, paddingLeft: '1.2em' }}>{gaps.map((g) => <li key={g.en}>{g.zh}</li>)}</ul>}
          style={{ marginBottom: '0.75em' }}
          data-testid="visit-gaps"
        />
      )}
      {rows.length > 0 && (
        <Table<VisitActivity>
          size="small"
          pagination={false}
          rowKey={(a) => `${a.date} ${a.start} ${a.end} ${a.activity}`}
          dataSource={rows}
          data-testid="visit-activities"
          columns={[
            { title: t('visit.date'), dataIndex: 'date', width: 110 },
            { title: t('visit.time'), key: 'time', width: 110, render: (_, a) => `${a.start}—${a.end}` },
            { title: t('visit.kind'), dataIndex: 'kind', width: 120, render: (k: VisitActivityKind) => t(`visit.kinds.${k}`) },
            { title: t('visit.activity'), dataIndex: 'activity' },
            { title: t('visit.place'), dataIndex: 'place' },
            { title: t('visit.people'), dataIndex: 'people' },
            { title: '', key: 'remove', width: 70, render: (_, a) => <Button size="small" type="link" danger onClick={() => void save(activities.filter((x) => x !== a))}>{t('visit.remove')}</Button> },
          ]}
        />
      )}
      <Space wrap style={{ marginTop: '0.75em' }} data-testid="visit-add">
        <Select value={draft.date} onChange={(v) => set('date', v)} options={days.map((d) => ({ value: d, label: d }))} style={{ width: '9em' }} aria-label={t('visit.date')} data-testid="visit-date" />
        <Input type="time" value={draft.start} onChange={(e) => set('start', e.target.value)} style={{ width: '9em' }} aria-label={t('visit.start')} data-testid="visit-start" />
        <Input type="time" value={draft.end} onChange={(e) => set('end', e.target.value)} style={{ width: '9em' }} aria-label={t('visit.end')} data-testid="visit-end" />
        <Select value={draft.kind} onChange={(v) => set('kind', v)} options={VISIT_ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`visit.kinds.${k}`) }))} style={{ width: '10em' }} aria-label={t('visit.kind')} data-testid="visit-kind" />
        <Input value={draft.activity} onChange={(e) => set('activity', e.target.value)} placeholder={t('visit.activity')} style={{ width: '18em' }} data-testid="visit-activity" />
        <Input value={draft.place} onChange={(e) => set('place', e.target.value)} placeholder={t('visit.place')} style={{ width: '12em' }} data-testid="visit-place" />
        <Input value={draft.people} onChange={(e) => set('people', e.target.value)} placeholder={t('visit.people')} style={{ width: '16em' }} data-testid="visit-people" />
        <Button onClick={() => void add()} data-testid="visit-add-button">{t('visit.add')}</Button>
      </Space>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: '0.5em' }} data-testid="visit-invalid" />}
    </Card>
  );
}
