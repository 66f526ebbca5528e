import { App as AntApp, Alert, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recommend } from '../../../../shared/consensus/recommendation.js';
import type { AssignmentContent } from '../../../../shared/packages/content/assignment.js';
import { formatHundredths } from '../../../../shared/scoring/hundredths.js';
import { fileNames } from '../../../../shared/workflow/file-names.js';
import { pickLanguage } from '../../../../shared/workflow/workflow-error.js';
import { trackSave } from '../../ui/common/save-tracker.js';
import { deviceKeyHolder } from './store/leader-ports.js';
import { canvasDownscale, storedAttachments } from '../../report/photo-ports.js';
import { renderReport } from '../../report/render-report.js';
import { ReportPreview } from './report-preview.js';
import { CountersignaturesCard } from './countersignatures-card.js';
import { useLeader } from './leader-context.js';
import type { LeaderPanelData } from './store/use-leader-data.js';
import { produceAndKeepReport } from './store/report-store.js';
import { saveFile } from './store/save-file.js';
import { VisitScheduleCard } from './visit-schedule-card.js';
import { localDate } from '../../ui/common/date-time.js';
import { describeIncompleteConsensus } from './incomplete-consensus.js';
import { reportIsStale } from './panel-progress.js';

/** Produce and sign the report, save or send it for countersigning, then collect the countersignatures and return the panel's work. */
export function ReportTab({ assignment, data }: { assignment: AssignmentContent; data: LeaderPanelData }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const { model, consensus, reviewId, ctx } = useLeader();
  const [reportDate, setReportDate] = useState(() => localDate(new Date()));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const facts = recommend(model.criteriaSet, consensus, model.rules);
  const report = data.report;
  const stale = reportIsStale(report, consensus);
  const missing = model.matrix.missingMembers.map((m) => m.name);
  const rationale = new Map(consensus.items.map((i) => [i.itemId, i.rationale.trim()]));
  const unexplained = model.matrix.divergentItemIds.filter((id) => !rationale.get(id));
  // Countersignatures of the current version whose reservation it does not print: the next version prints them.
  const current = report ? data.countersignatures.filter((c) => c.reportSha256 === report.sha256) : [];
  const printed = new Map((report?.reservations ?? []).map((r) => [r.signerKeyId, r.text]));
  const unprinted = current.filter((c) => (c.agrees ? '' : c.comment.trim()) !== (printed.get(c.signerKeyId) ?? ''));
  const input = { assignment, scoresheets: data.sheets.map((s) => s.content), consensus, reportDate, leaderKeyId: ctx.actor, previous: report, earlier: current };
  const photoPorts = { attachments: storedAttachments(ctx.db, reviewId), downscale: canvasDownscale };

  const produce = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const produced = await trackSave(() =>
        produceAndKeepReport(
          ctx.db,
          reviewId,
          input,
          { keys: deviceKeyHolder(), clock: { now: ctx.now }, render: renderReport, ...photoPorts },
        ),
      );
      if (produced.ok) void message.success(t('leader.produced'));
      else setFailure(t('leader.produceFailed', { error: pickLanguage(produced.error, i18n.language === 'en' ? 'en' : 'zh-CN') }));
    } catch (e) {
      console.error(e);
      setFailure(t('leader.produceFailed', { error: t('faults.otherFailed') }));
    } finally {
      setBusy(false);
    }
  };
  const save = async (kind: 'pdf' | 'package', name: string, bytes: Uint8Array) => {
    try {
      const file = await saveFile(kind, name, bytes);
      if (file) void message.success(t('leader.saved', { file }));
      else void message.info(t('leader.cancelled'));
    } catch (e) {
      void message.error(t('leader.saveFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <VisitScheduleCard assignment={assignment} />
      <Card size="small" title={t('leader.reportTitle')} data-testid="report-card">
        {!facts.ok && <Alert type="info" showIcon title={t('leader.notReady', { reason: describeIncompleteConsensus(facts.error, t) })} style={{ marginBottom: '0.75em' }} />}
        {facts.ok && missing.length > 0 && <Alert type="warning" showIcon title={t('leader.missingSheets', { names: missing.join('、') })} style={{ marginBottom: '0.75em' }} />}
        {facts.ok && unexplained.length > 0 && <Alert type="warning" showIcon title={t('leader.unexplained', { items: unexplained.join('、') })} style={{ marginBottom: '0.75em' }} data-testid="unexplained-divergence" />}
        {stale && <Alert type="warning" showIcon title={t('leader.stale')} style={{ marginBottom: '0.75em' }} data-testid="report-stale" />}
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: '0.75em' }} data-testid="report-failure" />}
        {!stale && unprinted.length > 0 && (
          <Alert type="warning" showIcon title={t('leader.reservationsToPrint', { names: unprinted.map((c) => model.names.get(c.signerKeyId) ?? c.signerKeyId).join('、') })} style={{ marginBottom: '0.75em' }} data-testid="reservations-to-print" />
        )}
        <Space wrap>
          <Typography.Text>{t('leader.reportDate')}</Typography.Text>
          <Input type="date" value={reportDate} onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && setReportDate(e.target.value)} style={{ width: '11em' }} data-testid="report-date" />
          {(report === null || stale || unprinted.length > 0) && (
            <Button type="primary" disabled={!facts.ok || busy} loading={busy} onClick={() => void produce()} data-testid="produce-report">
              {report === null ? t('leader.produce') : stale ? t('leader.reproduce') : t('leader.reproduceWithReservations')}
            </Button>
          )}
        </Space>
        {/* Keyed by the signed version: once a report is signed, the unsigned preview read before it goes. */}
        <ReportPreview key={report?.sha256 ?? 'unsigned'} input={input} ports={{ clock: { now: ctx.now }, render: renderReport, ...photoPorts }} />
        {report && (
          <Descriptions size="small" column={1} style={{ marginTop: '1em' }} data-testid="report-facts">
            <Descriptions.Item label={t('leader.reportTitle')}>
              {t('leader.reportFacts', { total: formatHundredths(report.totalHundredths), recommendation: t(`leader.rec.${report.recommendation}`) })} · {t('leader.size', { kb: Math.ceil(report.pdf.length / 1024) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('leader.sha256')}>
              <span className="zqa-hash" data-testid="report-sha256">{report.sha256}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('leader.pdfSignature')}>{t('leader.signedBy', { name: model.leader.name })}</Descriptions.Item>
            <Descriptions.Item label="">
              <Space wrap>
                <Button onClick={() => void save('pdf', fileNames.reportPdf(assignment.applicant.name), report.pdf)} data-testid="save-report-pdf">{t('leader.savePdf')}</Button>
                <Button type="primary" onClick={() => void save('package', fileNames.reportForSigning(assignment.applicant.name, report.rfsRevision), report.rfsPackage)} data-testid="export-for-signing">
                  {t('leader.exportForSigning')}
                </Button>
              </Space>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {report && !stale && <CountersignaturesCard assignment={assignment} data={data} report={report} />}
    </Space>
  );
}
