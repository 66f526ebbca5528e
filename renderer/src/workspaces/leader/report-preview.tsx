import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportProblem } from '../../../../shared/report/report-readiness.js';
import { previewReport, type ProduceReportInput, type ProduceReportPorts } from '../../../../shared/workflow/produce-report.js';
import { pickLanguage } from '../../../../shared/workflow/workflow-error.js';
import { PdfViewer } from '../../report/pdf-viewer.js';

/**
 * Read before signing: the report exactly as it would be signed now, shown in the page, or
 * the list of what stops it (a date outside the review dates, an item without consensus, a
 * missing scoresheet), each with what to do.
 */
export function ReportPreview({ input, ports }: { input: ProduceReportInput; ports: Omit<ProduceReportPorts, 'keys'> }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ pdf: Uint8Array | null; problems: ReportProblem[] } | { error: string } | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const preview = async () => {
    setBusy(true);
    try {
      const result = await previewReport(input, ports);
      setShown(result.ok ? result.value : { error: pickLanguage(result.error, language) });
    } catch (e) {
      setShown({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: '0.75em' }} data-testid="report-preview">
      <Space>
        <Button onClick={() => void preview()} loading={busy} disabled={busy} data-testid="preview-report">{busy ? t('leader.previewing') : t('leader.preview')}</Button>
        {shown && <Button type="link" onClick={() => setShown(null)}>{t('leader.closePreview')}</Button>}
      </Space>
      {shown && 'error' in shown && <Alert type="error" showIcon title={shown.error} />}
      {shown && 'problems' in shown && shown.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-problems"
          title={t('leader.previewProblems')}
          description={<ul style={{ margin: 0, paddingLeft: '1.2em' }}>{shown.problems.map((p) => <li key={p.code} data-code={p.code}>{language === 'en' ? p.en : p.zh}</li>)}</ul>}
        />
      )}
      {shown && 'pdf' in shown && shown.pdf && (
        <>
          <Typography.Text type="secondary">{t('leader.previewTitle')}</Typography.Text>
          <PdfViewer pdf={shown.pdf} testId="report-preview-pages" />
        </>
      )}
    </Space>
  );
}
