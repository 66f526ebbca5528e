import { App as AntApp, Alert, Button, Card, Descriptions, Empty, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recommend } from '../../../../shared/consensus/recommendation.js';
import { validateCriteriaSet } from '../../../../shared/criteria/validate-criteria-set.js';
import { formatHundredths } from '../../../../shared/scoring/hundredths.js';
import { fileNames } from '../../../../shared/workflow/file-names.js';
import { pickLanguage } from '../../../../shared/workflow/workflow-error.js';
import { trackSave } from '../../ui/common/save-tracker.js';
import { useWorkspaceContext } from '../../app/use-workspace-context.js';
import { PdfViewer } from '../../report/pdf-viewer.js';
import { ImportButtons } from '../../packages/import-buttons.js';
import { countersign, saveFile, useAssignmentOf, useReportsToSign, type ReportToSignRecord } from './store/countersign-store.js';
import '../leader/leader.css';
import { formatDateTime } from '../../ui/common/date-time.js';

/** A panel member's page: import the leader's report for signing, check it, countersign, export the countersignature. */
export function CountersignPage() {
  const { t } = useTranslation();
  const ctx = useWorkspaceContext();
  const reports = useReportsToSign();
  const keyId = ctx?.keys?.keyId ?? null;
  return (
    <div className="zqa-leader" data-testid="countersign-page">
      <Typography.Title level={4}>{t('countersign.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('countersign.intro')}</Typography.Paragraph>
      <div style={{ marginBottom: '1em' }}>
        <ImportButtons accept={['report-for-signing']} label={t('countersign.import')} testId="import-report-for-signing" primary disabled={!keyId} />
      </div>
      {reports && reports.length === 0 && <Empty description={t('countersign.none')} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {reports?.map((r) => <ReportToSign key={r.packageId} record={r} keyId={keyId} myName={ctx?.profile?.name ?? ''} />)}
      </Space>
    </div>
  );
}

function ReportToSign({ record, keyId, myName }: { record: ReportToSignRecord; keyId: string | null; myName: string }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  // A reservation this version already prints for me is offered as it is: countersigning it again unchanged finishes.
  const printed = record.content.reservations?.find((r) => r.signerKeyId === keyId)?.text ?? '';
  const [agrees, setAgrees] = useState(printed === '');
  const [comment, setComment] = useState(printed);
  const [reading, setReading] = useState(false);
  const [busy, setBusy] = useState(false);
  const assignmentFacts = useFacts(record);
  const save = async (kind: 'pdf' | 'package', name: string, bytes: Uint8Array) => {
    try {
      const file = await saveFile(kind, name, bytes);
      void (file ? message.success(t('countersign.exported', { file })) : message.info(t('countersign.cancelled')));
    } catch (e) {
      void message.error(t('countersign.failed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };
  const sign = async () => {
    if (!keyId) return;
    setBusy(true);
    try {
      const written = await trackSave(() => countersign(record, { keyId, agrees, comment: agrees ? '' : comment }));
      if (!written.ok) {
        void message.error(t('countersign.failed', { error: pickLanguage(written.error, i18n.language === 'en' ? 'en' : 'zh-CN') }));
        return;
      }
      await save('package', fileNames.countersignature(myName || keyId || '', assignmentFacts.applicant), written.value.bytes);
    } catch (e) {
      void message.error(t('countersign.failed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={assignmentFacts.applicant} data-testid="report-to-sign" data-package-id={record.packageId}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('countersign.leader')}>{record.leaderName}</Descriptions.Item>
        <Descriptions.Item label={t('countersign.total')}><span data-testid="rfs-total">{assignmentFacts.total}</span></Descriptions.Item>
        <Descriptions.Item label={t('countersign.recommendation')}><span data-testid="rfs-recommendation">{assignmentFacts.recommendation}</span></Descriptions.Item>
        <Descriptions.Item label={t('countersign.reportHash')}><span className="zqa-hash">{record.content.report.sha256}</span></Descriptions.Item>
        <Descriptions.Item label={t('countersign.leaderSignature')}>
          {record.leaderCheckError ? (
            <Tag color="red" data-testid="leader-signature" data-valid="false">{t('countersign.signatureBad', { error: record.leaderCheckError })}</Tag>
          ) : (
            <Tag color="green" data-testid="leader-signature" data-valid="true">{t('countersign.signatureOk', { signer: record.leaderSigner })}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: '0.75em' }}>
        <Button type={record.countersignedAt ? 'default' : 'primary'} ghost={!record.countersignedAt} onClick={() => setReading((r) => !r)} data-testid="read-report">
          {reading ? t('countersign.closeReport') : t('countersign.readReport')}
        </Button>
        <Button onClick={() => void save('pdf', fileNames.reportPdf(assignmentFacts.applicant), record.pdf)}>{t('countersign.savePdf')}</Button>
      </Space>
      {reading && <div style={{ marginTop: '0.75em' }}><PdfViewer pdf={record.pdf} testId="countersign-viewer" /></div>}
      {record.countersignedAt ? (
        <Space wrap style={{ marginTop: '0.75em', display: 'flex' }}>
          <Tag color="green" data-testid="countersigned">{t('countersign.signed', { at: formatDateTime(record.countersignedAt) })}</Tag>
          {/* What the member signed with stays in view: the reservation they gave, word for word. */}
          {record.agrees === false && (
            <span data-testid="countersigned-reservation">
              <Tag color="orange">{t('countersign.disagree')}</Tag>
              <Typography.Text>{record.comment}</Typography.Text>
            </span>
          )}
          {record.countersignaturePackage && (
            <Button onClick={() => void save('package', fileNames.countersignature(myName || keyId || '', assignmentFacts.applicant), record.countersignaturePackage!)}>{t('countersign.exportAgain')}</Button>
          )}
        </Space>
      ) : record.leaderCheckError ? (
        <Alert type="error" showIcon style={{ marginTop: '0.75em' }} title={t('countersign.failed', { error: record.leaderCheckError })} />
      ) : (
        <Space direction="vertical" style={{ marginTop: '0.75em', width: '100%' }}>
          <Radio.Group value={agrees} onChange={(e) => setAgrees(e.target.value as boolean)} options={[{ value: true, label: t('countersign.agree') }, { value: false, label: t('countersign.disagree') }]} />
          {!agrees && (
            <Input.TextArea
              autoSize={{ minRows: 3 }}
              aria-label={t('countersign.reservation')}
              placeholder={t('countersign.reservationPlaceholder')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="reservation-text"
            />
          )}
          {!agrees && <Typography.Text type="secondary">{printed && comment.trim() === printed ? t('countersign.reservationPrinted') : t('countersign.reservationNext')}</Typography.Text>}
          <Button type="primary" loading={busy} disabled={busy || (!agrees && !comment.trim())} onClick={() => void sign()} data-testid="countersign">{t('countersign.sign')}</Button>
        </Space>
      )}
    </Card>
  );
}

/** The report's key facts from the consensus it carries, recomputed here rather than taken from the leader's text. */
function useFacts(record: ReportToSignRecord): { applicant: string; total: string; recommendation: string } {
  const { t } = useTranslation();
  const assignment = useAssignmentOf(record.reviewId);
  const set = assignment ? validateCriteriaSet(assignment.content.criteriaSet) : null;
  const r = set?.ok && assignment ? recommend(set.value, record.content.consensus, assignment.content.rules) : null;
  return {
    applicant: assignment?.content.applicant.name ?? record.content.applicantId,
    total: r?.ok ? formatHundredths(r.value.totalHundredths) : '—',
    recommendation: r?.ok ? t(`leader.rec.${r.value.recommendation}`) : '—',
  };
}
