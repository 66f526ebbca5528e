import { App as AntApp, Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentContent } from '../../../../shared/packages/content/assignment.js';
import { fileNames } from '../../../../shared/workflow/file-names.js';
import { pickLanguage } from '../../../../shared/workflow/workflow-error.js';
import { trackSave } from '../../ui/common/save-tracker.js';
import { deviceKeyHolder, type ReportArtefactRecord } from './store/leader-ports.js';
import { ImportButtons } from '../../packages/import-buttons.js';
import { useAutosaveText } from '../../ui/common/use-autosave-text.js';
import { recordPanelReturn, setExcuse } from './store/finalisation-writes.js';
import { useLeader } from './leader-context.js';
import { writePanelReturn } from './store/panel-return-store.js';
import { saveFile } from './store/save-file.js';
import type { LeaderPanelData } from './store/use-leader-data.js';
import { formatDateTime } from '../../ui/common/date-time.js';
import { useCountersignatureStatuses } from './use-countersignature-statuses.js';

const STATUS_COLOUR = { countersigned: 'green', excused: 'gold', missing: 'red', invalid: 'red', 'reservation-not-printed': 'orange' } as const;

/**
 * Every member's countersignature of the current report: imported packages are checked
 * against this exact PDF; a member who cannot sign needs a recorded reason. The panel
 * return is written only when every member is countersigned or excused (checkFinalisation).
 */
export function CountersignaturesCard({ assignment, data, report }: { assignment: AssignmentContent; data: LeaderPanelData; report: ReportArtefactRecord }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const { ctx, reviewId, consensus } = useLeader();
  const [busy, setBusy] = useState(false);
  const excused = data.finalisation?.excused ?? {};
  const statuses = useCountersignatureStatuses(assignment, data);
  const rows = statuses ? (statuses.ok ? statuses.value : statuses.error) : [];
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';

  const finalise = async () => {
    setBusy(true);
    try {
      const written = await writePanelReturn(
        ctx.db,
        reviewId,
        { assignment, consensus, report, countersignatures: data.countersignatures, finalisation: data.finalisation },
        { keys: deviceKeyHolder(), clock: { now: ctx.now } },
      );
      if (!written.ok) {
        void message.error(t('leader.finaliseFailed', { error: pickLanguage(written.error, language) }));
        return;
      }
      const { revision } = written.value;
      const file = await saveFile('package', fileNames.panelReturn(assignment.applicant.name, revision), written.value.written.bytes);
      if (!file) {
        void message.info(t('leader.cancelled'));
        return;
      }
      await trackSave(() => recordPanelReturn(ctx.db, reviewId, written.value.written.manifest.packageId, revision, report.id, ctx.actor, ctx.now()));
      void message.success(t('leader.finalised', { revision, file }));
    } catch (e) {
      void message.error(t('leader.finaliseFailed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('leader.countersignatures')}
      extra={<ImportButtons accept={['countersignature']} label={t('leader.importCountersignature')} testId="import-countersignature" />}
      data-testid="countersignatures"
    >
      <Table
        size="small"
        pagination={false}
        rowKey="memberId"
        dataSource={rows}
        showHeader={false}
        columns={[
          { key: 'name', render: (_, s) => s.name },
          {
            key: 'status',
            render: (_, s) => {
              const received = data.countersignatures.find((c) => c.signerKeyId === s.memberId && c.reportSha256 === report.sha256);
              return (
                <Space direction="vertical" size={0}>
                  <Tag color={STATUS_COLOUR[s.status]} data-testid={`countersign-status-${s.memberId}`} data-status={s.status}>{t(`leader.status.${s.status}`)}</Tag>
                  {received && !received.agrees && <Typography.Text type="warning">{t('leader.disagrees', { comment: received.comment })}</Typography.Text>}
                </Space>
              );
            },
          },
          { key: 'excuse', render: (_, s) => (s.status === 'countersigned' ? null : <ExcuseField memberId={s.memberId} stored={excused[s.memberId] ?? ''} />) },
        ]}
      />
      <Space direction="vertical" style={{ marginTop: '0.75em', width: '100%' }}>
        {statuses && !statuses.ok && <Alert type="info" showIcon title={t('leader.finaliseBlocked')} />}
        <Button type="primary" disabled={!statuses?.ok || busy} loading={busy} onClick={() => void finalise()} data-testid="export-panel-return">
          {t('leader.finalise')}
        </Button>
        {data.finalisation?.finalisedAt && data.finalisation.reportId === report.id && (
          <Typography.Text type="success" data-testid="panel-return-status">
            {t('leader.returnedAt', { revision: data.finalisation.panelReturnRevision, at: formatDateTime(data.finalisation.finalisedAt) })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

function ExcuseField({ memberId, stored }: { memberId: string; stored: string }) {
  const { t } = useTranslation();
  const { ctx, reviewId } = useLeader();
  const field = useAutosaveText(stored, (text) => setExcuse(ctx.db, reviewId, memberId, text, ctx.actor, ctx.now()));
  return (
    <Input
      size="small"
      aria-label={t('leader.excuseReason')}
      placeholder={t('leader.excusePlaceholder')}
      value={field.text}
      onChange={(e) => field.onChange(e.target.value)}
      onBlur={field.flush}
      style={{ minWidth: '22em' }}
      data-testid={`excuse-${memberId}`}
    />
  );
}
